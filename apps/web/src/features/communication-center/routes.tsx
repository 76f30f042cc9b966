import { Outlet } from 'react-router';
import { RouteTabs } from '../../components/RouteTabs';

const AREAS = [
  { path: 'email', label: 'Email' },
  { path: 'calls', label: 'Calls' },
  { path: 'texts', label: 'Text messages' },
];

/** The Communication Center's frame: email, calls and text messages are its child routes, each its own chunk (src/router.tsx). */
export function Component() {
  return (
    <>
      <RouteTabs base="/communication-center" tabs={AREAS} mb="md" />
      <Outlet />
    </>
  );
}
