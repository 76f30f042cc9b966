import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

type StateProps =
  | { kind: 'loading'; label?: string }
  | { kind: 'empty'; message: string; action?: ReactNode }
  | { kind: 'error'; message: string; onRetry?: () => void };

/** The loading, empty and error states every list and page shows, in one look. */
export function QueryStateView(props: StateProps) {
  if (props.kind === 'loading') {
    return (
      <Center py="xl" role="status" aria-live="polite">
        <Group gap="sm">
          <Loader size="sm" />
          <Text c="dimmed">{props.label ?? 'Loading…'}</Text>
        </Group>
      </Center>
    );
  }
  if (props.kind === 'empty') {
    return (
      <Center py="xl">
        <Stack align="center" gap="xs">
          <Text c="dimmed">{props.message}</Text>
          {props.action}
        </Stack>
      </Center>
    );
  }
  return (
    <Alert color="red" title="Something went wrong" role="alert" my="md">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{props.message}</Text>
        {props.onRetry && (
          <Button size="xs" variant="light" color="red" onClick={props.onRetry}>
            Try again
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** A query's state as a view, or null when it has data to show. */
export function queryStateOf(query: { isPending: boolean; error: Error | null; refetch: () => unknown }, empty: { isEmpty: boolean; message: string; action?: ReactNode }) {
  if (query.isPending) return <QueryStateView kind="loading" />;
  if (query.error) return <QueryStateView kind="error" message={query.error.message} onRetry={() => void query.refetch()} />;
  if (empty.isEmpty) return <QueryStateView kind="empty" message={empty.message} action={empty.action} />;
  return null;
}

export function FullPageState(props: { kind: 'loading' } | { kind: 'error'; message: string; onRetry?: () => void }) {
  return (
    <Center mih="100vh" p="md">
      {props.kind === 'loading' ? <QueryStateView kind="loading" /> : <QueryStateView {...props} />}
    </Center>
  );
}
