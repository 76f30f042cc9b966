import { Tabs, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { isAdmin, useCurrentUser } from '../../auth/current-user';
import { QueryStateView } from '../../components/QueryState';

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
  const location = useLocation();
  const navigate = useNavigate();
  if (!isAdmin(user)) return <QueryStateView kind="empty" message="Settings are for admins." />;
  const current = SCREENS.find((s) => location.pathname.startsWith(`/settings/${s.path}`))?.path ?? 'users';
  return (
    <>
      <Title order={2} mb="sm">Settings</Title>
      <Tabs value={current} onChange={(value) => value && navigate(`/settings/${value}`)} mb="md">
        <Tabs.List style={{ flexWrap: 'wrap' }}>
          {SCREENS.map((s) => (
            <Tabs.Tab key={s.path} value={s.path}>
              {s.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
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
