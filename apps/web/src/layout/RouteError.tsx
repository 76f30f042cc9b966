import { Center } from '@mantine/core';
import { useRouteError } from 'react-router';
import { QueryStateView } from '../components/QueryState';

/** A screen that failed to load or render: say so, offer a reload (a new version may have shipped). */
export function RouteError() {
  const error = useRouteError();
  const message = error instanceof Error ? error.message : 'This screen could not be shown.';
  return (
    <Center p="md">
      <QueryStateView kind="error" message={message} onRetry={() => window.location.reload()} />
    </Center>
  );
}
