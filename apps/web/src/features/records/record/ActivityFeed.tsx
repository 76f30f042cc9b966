import type { ActivityDto, ActivityType, RecordResourceType, ThreadDto } from '@crm/contracts';
import { Button, Card, Group, MultiSelect, SegmentedControl, Select, Stack, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useCollection } from '../../../api/queries';
import { pagerOf } from '../../../components/paged-collection';
import { Pager } from '../../../components/Pager';
import { queryStateOf } from '../../../components/QueryState';
import type { Lookups } from '../lookups';
import { ACTIVITY_TYPE_LABELS } from './activity-labels';
import { ActivityComposer } from './ActivityComposer';
import { ActivityItem } from './ActivityItem';
import { NewThreadModal } from './NewThreadModal';

const PER_PAGE = 20;
/** Notes are written by records and reach the feed (communications) by event: poll briefly after adding one. */
const CATCH_UP_MS = 10_000;

/** A record's emails, calls, text messages and notes, newest first: all or starred, one thread, some kinds. */
export function ActivityFeed(props: { resourceType: RecordResourceType; resourceId: number; lookups: Lookups }) {
  const { resourceType, resourceId } = props;
  const [show, setShow] = useState<'all' | 'starred'>('all');
  const [threadId, setThreadId] = useState<string | null>(null);
  const [types, setTypes] = useState<ActivityType[]>([]);
  const [page, setPage] = useState(1);
  const [catchUpUntil, setCatchUpUntil] = useState(0);
  const [newThreadFor, setNewThreadFor] = useState<ActivityDto | null | undefined>(undefined);

  const target = { resource_type: resourceType, resource_id: resourceId };
  const threads = useCollection<ThreadDto>('/v2/threads', { ...target, per_page: 100 });
  const feed = useCollection<ActivityDto>(
    '/v2/activities',
    { ...target, starred: show === 'starred' ? true : undefined, thread_id: threadId ?? undefined, type: types.length ? types : undefined, page, per_page: PER_PAGE },
    { refetchInterval: catchUpUntil > Date.now() ? 1000 : undefined },
  );
  useEffect(() => {
    if (!catchUpUntil) return;
    const timer = setTimeout(() => setCatchUpUntil(0), Math.max(0, catchUpUntil - Date.now()));
    return () => clearTimeout(timer);
  }, [catchUpUntil]);

  const threadRows = threads.data?.rows ?? [];
  const items = feed.data?.rows ?? [];
  const filtered = show === 'starred' || threadId !== null || types.length > 0;
  const view = queryStateOf(feed, { isEmpty: items.length === 0, message: filtered ? 'Nothing matches these filters.' : 'No activity yet.' });
  const changeFilter = <V,>(set: (v: V) => void) => (value: V) => {
    set(value);
    setPage(1);
  };

  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={3} size="h4">
          Activity
        </Title>
        <ActivityComposer resourceType={resourceType} resourceId={resourceId} onNoteAdded={() => setCatchUpUntil(Date.now() + CATCH_UP_MS)} />
        <Group gap="sm" align="flex-end" wrap="wrap">
          <SegmentedControl
            aria-label="Show"
            data={[
              { value: 'all', label: 'All' },
              { value: 'starred', label: 'Starred' },
            ]}
            value={show}
            onChange={changeFilter((v: string) => setShow(v as 'all' | 'starred'))}
          />
          <Select
            label="Thread"
            placeholder="All threads"
            data={threadRows.map((t) => ({ value: String(t.id), label: t.name }))}
            value={threadId}
            onChange={changeFilter(setThreadId)}
            clearable
            w={{ base: '100%', xs: 180 }}
            comboboxProps={{ withinPortal: true }}
          />
          <MultiSelect
            label="Kinds"
            placeholder="Every kind"
            data={Object.entries(ACTIVITY_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
            value={types}
            onChange={changeFilter((v: string[]) => setTypes(v as ActivityType[]))}
            clearable
            w={{ base: '100%', xs: 220 }}
            comboboxProps={{ withinPortal: true }}
          />
          <Button variant="default" onClick={() => setNewThreadFor(null)}>
            New thread
          </Button>
        </Group>
        {view ?? (
          <Stack gap="xs">
            {items.map((item) => (
              <ActivityItem key={`${item.type}-${item.id}`} item={item} threads={threadRows} lookups={props.lookups} onNewThread={setNewThreadFor} />
            ))}
          </Stack>
        )}
        <Pager {...pagerOf(feed, page, setPage)} />
      </Stack>
      <NewThreadModal
        resourceType={resourceType}
        resourceId={resourceId}
        opened={newThreadFor !== undefined}
        withItem={newThreadFor ?? null}
        onClose={() => setNewThreadFor(undefined)}
      />
    </Card>
  );
}
