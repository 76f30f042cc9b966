import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { setUnauthorizedHandler } from './api/client';
import { prefetchCurrentUser } from './auth/current-user';
import { router } from './router';
import { theme } from './theme';

const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 10_000, refetchOnWindowFocus: true, retry: 1 } },
});

// A session that ends (signed out elsewhere, deactivated, expired) sends the user to sign in.
setUnauthorizedHandler(() => {
  const { pathname, search } = window.location;
  if (pathname === '/sign-in' || pathname === '/accept-invitation') return;
  queryClient.clear();
  void router.navigate(`/sign-in?next=${encodeURIComponent(pathname + search)}`, { replace: true });
});

// Ask who is signed in while the screen's code loads, rather than after it.
if (!['/sign-in', '/accept-invitation'].includes(window.location.pathname)) void prefetchCurrentUser(queryClient);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
