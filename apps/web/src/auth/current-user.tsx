import type { UserDto } from '@crm/contracts';
import { QueryClient, useQuery } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiError, request, type SellEnvelope } from '../api/client';
import { FullPageState } from '../components/QueryState';

export const CURRENT_USER_KEY = ['/v2/users/self'];

const currentUserQuery = {
  queryKey: CURRENT_USER_KEY,
  queryFn: async () => (await request<SellEnvelope<UserDto>>('GET', '/v2/users/self', undefined, { skipAuthRedirect: true })).data,
  retry: (count: number, error: Error) => !(error instanceof ApiError && error.status === 401) && count < 2,
  staleTime: 60_000,
};

export function prefetchCurrentUser(client: QueryClient): Promise<void> {
  return client.prefetchQuery(currentUserQuery);
}

const CurrentUserContext = createContext<UserDto | null>(null);

/** The signed-in user; only used under `RequireSignIn`, where there always is one. */
export function useCurrentUser(): UserDto {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser outside RequireSignIn');
  return user;
}

export function isAdmin(user: UserDto): boolean {
  return user.role.toLowerCase() === 'admin';
}

/** Screens behind the session cookie: no session → the sign-in screen, then back here. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const location = useLocation();
  const self = useQuery(currentUserQuery);
  if (self.isPending) return <FullPageState kind="loading" />;
  if (self.error instanceof ApiError && self.error.status === 401) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  if (self.error) return <FullPageState kind="error" message={self.error.message} onRetry={() => void self.refetch()} />;
  return <CurrentUserContext.Provider value={self.data}>{children}</CurrentUserContext.Provider>;
}
