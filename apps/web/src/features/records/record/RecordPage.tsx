import { Anchor, Grid, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useResource } from '../../../api/queries';
import { QueryStateView } from '../../../components/QueryState';
import { useLookups, type Lookups } from '../lookups';
import type { RecordKind } from '../record-kinds';
import type { AnyRecord } from '../types';
import { ActivityFeed } from './ActivityFeed';
import { DetailsCard } from './DetailsCard';
import { TasksPanel } from './TasksPanel';

/**
 * The page of one lead, contact or deal: heading with its status and actions, details (editable),
 * the kind's own cards (BCC address, deal address, deals), the activity feed and tasks. One column
 * on a phone, two from a medium screen up.
 */
export function RecordPage<T extends AnyRecord>(props: {
  kind: RecordKind<T>;
  badges?: (record: T, lookups: Lookups) => ReactNode;
  actions?: (record: T, lookups: Lookups) => ReactNode;
  cards?: (record: T, lookups: Lookups) => ReactNode;
}) {
  const { kind } = props;
  const { id } = useParams();
  const valid = !!id && /^\d+$/.test(id);
  const record = useResource<T>(valid ? `${kind.apiPath}/${id}` : null);
  const lookups = useLookups();

  const back = (
    <Anchor component={Link} to={kind.basePath} size="sm">
      ← {kind.title}
    </Anchor>
  );
  if (!valid) return <QueryStateView kind="empty" message={`There is no such ${kind.singular}.`} action={back} />;
  if (record.isPending) return <QueryStateView kind="loading" />;
  if (record.error) {
    return (
      <Stack>
        {back}
        <QueryStateView kind="error" message={record.error.message} onRetry={() => void record.refetch()} />
      </Stack>
    );
  }
  const data = record.data;

  return (
    <Stack gap="md">
      {back}
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Title order={2} style={{ wordBreak: 'break-word' }}>
            {kind.displayName(data)}
          </Title>
          <Group gap="xs" wrap="wrap">
            {props.badges?.(data, lookups)}
            <Text size="sm" c="dimmed">
              Owner: {lookups.userName(data.owner_id)}
            </Text>
          </Group>
        </Stack>
        <Group gap="xs">{props.actions?.(data, lookups)}</Group>
      </Group>
      {/* Keyed by record, so moving to another record starts its forms and filters afresh. */}
      <Grid gap="md" key={data.id}>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <DetailsCard kind={kind} record={data} lookups={lookups} />
            {props.cards?.(data, lookups)}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <ActivityFeed resourceType={kind.type} resourceId={data.id} lookups={lookups} />
            <TasksPanel resourceType={kind.type} resourceId={data.id} lookups={lookups} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
