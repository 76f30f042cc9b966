import type { ActivityDto, ThreadDto } from '@crm/contracts';
import { ActionIcon, Badge, Group, Menu, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/queries';
import { notifyError } from '../../../components/notify';
import type { Lookups } from '../lookups';
import { ACTIVITY_TYPE_LABELS, activityHeading, STARRABLE } from './activity-labels';

/** One entry of a record's feed: star it, put it into one of the record's threads or take it out. */
export function ActivityItem(props: { item: ActivityDto; threads: ThreadDto[]; lookups: Lookups; onNewThread: (item: ActivityDto) => void }) {
  const { item, threads } = props;
  const label = ACTIVITY_TYPE_LABELS[item.type].toLowerCase();
  const star = useApiMutation(
    (starred: boolean) =>
      starred ? api.delete(`/v2/stars/${item.type}/${item.id}`) : api.post('/v2/stars', { data: { item_type: item.type, item_id: item.id } }),
    [['/v2/activities']],
  );
  const threadItem = useApiMutation(
    ({ threadId, add }: { threadId: number; add: boolean }) =>
      add
        ? api.post(`/v2/threads/${threadId}/items`, { data: { item_type: item.type, item_id: item.id } })
        : api.delete(`/v2/threads/${threadId}/items/${item.type}/${item.id}`),
    [['/v2/activities']],
  );
  const inThreads = threads.filter((t) => item.thread_ids.includes(t.id));

  return (
    <Paper withBorder p="sm" component="article" aria-label={`${ACTIVITY_TYPE_LABELS[item.type]} ${item.id}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Badge variant="light" size="sm">
              {ACTIVITY_TYPE_LABELS[item.type]}
            </Badge>
            <Text size="xs" c="dimmed">
              {new Date(item.occurred_at).toLocaleString()}
              {item.user_id ? ` · ${props.lookups.userName(item.user_id)}` : ''}
              {item.type === 'email' && item.from?.email ? ` · from ${item.from.email}` : ''}
            </Text>
          </Group>
          {activityHeading(item) && (
            <Text size="sm" fw={500}>
              {activityHeading(item)}
            </Text>
          )}
          {item.snippet && (
            <Text size="sm" c="dimmed" lineClamp={3} style={{ wordBreak: 'break-word' }}>
              {item.snippet}
            </Text>
          )}
          {inThreads.length > 0 && (
            <Group gap={4}>
              {inThreads.map((t) => (
                <Badge key={t.id} size="xs" variant="outline" tt="none">
                  {t.name}
                </Badge>
              ))}
            </Group>
          )}
        </Stack>
        <Group gap={4} wrap="nowrap">
          {STARRABLE.has(item.type) && (
            <Tooltip label={item.starred ? 'Remove star' : 'Star'}>
              <ActionIcon
                variant={item.starred ? 'filled' : 'subtle'}
                color="yellow"
                aria-label={item.starred ? `Unstar ${label}` : `Star ${label}`}
                aria-pressed={item.starred}
                loading={star.isPending}
                onClick={() => star.mutate(item.starred, { onError: notifyError })}
              >
                <span aria-hidden>{item.starred ? '★' : '☆'}</span>
              </ActionIcon>
            </Tooltip>
          )}
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" aria-label={`Threads of this ${label}`} loading={threadItem.isPending}>
                <span aria-hidden>⋯</span>
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>Add to thread</Menu.Label>
              {threads.filter((t) => !item.thread_ids.includes(t.id)).map((t) => (
                <Menu.Item key={t.id} onClick={() => threadItem.mutate({ threadId: t.id, add: true }, { onError: notifyError })}>
                  Add to {t.name}
                </Menu.Item>
              ))}
              <Menu.Item onClick={() => props.onNewThread(item)}>New thread with this {label}…</Menu.Item>
              {inThreads.length > 0 && <Menu.Divider />}
              {inThreads.map((t) => (
                <Menu.Item key={t.id} color="red" onClick={() => threadItem.mutate({ threadId: t.id, add: false }, { onError: notifyError })}>
                  Remove from {t.name}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
    </Paper>
  );
}
