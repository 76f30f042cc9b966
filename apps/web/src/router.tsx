import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { AcceptInvitationPage } from './auth/AcceptInvitationPage';
import { RequireSignIn } from './auth/current-user';
import { SignInPage } from './auth/SignInPage';
import { QueryStateView } from './components/QueryState';
import { AppLayout } from './layout/AppLayout';
import { RouteError } from './layout/RouteError';

/** A screen module's default export as a lazy route's component. */
const asRoute = (module: { default: ComponentType }) => ({ Component: module.default });

/**
 * Each area is its own chunk (`lazy`), loaded when first visited, so the Communication Center's
 * first load carries only the shell and itself. Each area's module exports `Component`, which
 * holds that area's own routes.
 */
export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/accept-invitation', element: <AcceptInvitationPage /> },
  {
    path: '/',
    element: (
      <RequireSignIn>
        <AppLayout />
      </RequireSignIn>
    ),
    errorElement: <RouteError />,
    hydrateFallbackElement: <QueryStateView kind="loading" />,
    children: [
      { index: true, element: <Navigate to="/communication-center/email" replace /> },
      {
        // The frame and the screen load in parallel (React Router fetches every matched lazy route at once).
        path: 'communication-center',
        lazy: () => import('./features/communication-center/routes'),
        children: [
          { index: true, element: <Navigate to="email" replace /> },
          { path: 'email/*', lazy: () => import('./features/communication-center/email/EmailCenter').then(asRoute) },
          { path: 'calls/*', lazy: () => import('./features/communication-center/calls/CallsCenter').then(asRoute) },
          { path: 'texts/*', lazy: () => import('./features/communication-center/texts/TextMessagesCenter').then(asRoute) },
        ],
      },
      { path: 'leads/*', lazy: () => import('./features/records/lead-routes') },
      { path: 'contacts/*', lazy: () => import('./features/records/contact-routes') },
      { path: 'deals/*', lazy: () => import('./features/records/deal-routes') },
      { path: 'pipeline/*', lazy: () => import('./features/pipeline/routes') },
      { path: 'settings/*', lazy: () => import('./features/settings/routes') },
      { path: '*', element: <QueryStateView kind="empty" message="There is no such page." /> },
    ],
  },
]);
