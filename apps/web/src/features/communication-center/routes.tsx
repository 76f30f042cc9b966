import { Tabs } from '@mantine/core';
import { Outlet, useLocation, useNavigate } from 'react-router';

const AREAS = [
  { path: 'email', label: 'Email' },
  { path: 'calls', label: 'Calls' },
  { path: 'texts', label: 'Text messages' },
];

/** The Communication Center's frame: email, calls and text messages are its child routes, each its own chunk (src/router.tsx). */
export function Component() {
  const location = useLocation();
  const navigate = useNavigate();
  const current = AREAS.find((a) => location.pathname.startsWith(`/communication-center/${a.path}`))?.path ?? 'email';
  return (
    <>
      <Tabs value={current} onChange={(value) => value && navigate(`/communication-center/${value}`)} mb="md">
        <Tabs.List>
          {AREAS.map((a) => (
            <Tabs.Tab key={a.path} value={a.path}>
              {a.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet />
    </>
  );
}
