import { Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { isAdmin, useCurrentUser } from '../../auth/current-user';
import { QueryStateView } from '../../components/QueryState';
import { RouteTabs } from '../../components/RouteTabs';

const SCREENS = [
  { path: 'users', label: 'Users and roles', Screen: lazy(() => import('./users/UsersSettings')) },
  { path: 'pools', label: 'Distribution pools', Screen: lazy(() => import('./pools/PoolsSettings')) },
  { path: 'lead-forms', label: 'Lead-capture forms', Screen: lazy(() => import('./lead-forms/LeadFormsSettings')) },
  { path: 'imports', label: 'Imports', Screen: lazy(() => import('./imports/ImportsSettings')) },
  { path: 'phone-numbers', label: 'Phone numbers', Screen: lazy(() => import('./phone-numbers/PhoneNumbersSettings')) },
  { path: 'mailbox', label: 'Mailbox connection', Screen: lazy(() => import('./mailbox/MailboxSettings')) },
];

/** Settings (admins): each screen its own chunk. */
export function Component() {
  const user = useCurrentUser();
  if (!isAdmin(user)) return <QueryStateView kind="empty" message="Settings are for admins." />;
  return (
    <>
      <Title order={2} mb="sm">Settings</Title>
      <RouteTabs base="/settings" tabs={SCREENS} wrap mb="md" />
      <Suspense fallback={<QueryStateView kind="loading" />}>
        <Routes>
          <Route index element={<Navigate to="users" replace />} />
          {SCREENS.map(({ path, Screen }) => (
            <Route key={path} path={`${path}/*`} element={<Screen />} />
          ))}
        </Routes>
      </Suspense>
    </>
  );
}
