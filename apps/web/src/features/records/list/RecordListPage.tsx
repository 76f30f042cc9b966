import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useCollection } from '../../../api/queries';
import { pagerOf } from '../../../components/paged-collection';
import { Pager } from '../../../components/Pager';
import { queryStateOf } from '../../../components/QueryState';
import { NewRecordModal } from '../forms/NewRecordModal';
import { useLookups } from '../lookups';
import type { RecordKind } from '../record-kinds';
import type { AnyRecord } from '../types';
import { BulkReassignModal, type ReassignTarget } from './BulkReassignModal';
import { hasQuickFilters, plainListQuery, readListState, writeListState, type ListState } from './list-state';
import { QuickFilters } from './QuickFilters';
import { RecordTable } from './RecordTable';
import { SaveSmartListModal } from './SaveSmartListModal';
import { SmartListBar } from './SmartListBar';

const PER_PAGE = 25;

/**
 * Leads, contacts or deals as a paginated table: quick filters or a saved smart list, sorting,
 * ticking rows for a bulk reassign, and a "new" form. The state lives in the URL.
 */
export function RecordListPage<T extends AnyRecord>({ kind }: { kind: RecordKind<T> }) {
  const [params, setParams] = useSearchParams();
  const state = readListState(params, kind);
  const lookups = useLookups();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [creating, setCreating] = useState(false);
  const [savingList, setSavingList] = useState(false);
  const [reassign, setReassign] = useState<ReassignTarget | null>(null);

  const update = (next: Partial<ListState>) => {
    // A new filter, list or order starts again at page 1; ticks belong to what was on screen.
    setParams(writeListState({ ...state, page: 1, ...next }, kind));
    if (!('page' in next)) setSelected(new Set());
  };

  const rows = useCollection<T>(
    state.smartList ? `/v2/smart_lists/${state.smartList}/${kind.plural}` : kind.apiPath,
    state.smartList ? { page: state.page, per_page: PER_PAGE, sort_by: state.sort } : plainListQuery(state, PER_PAGE),
  );
  const page = rows.data?.rows ?? [];
  const filtered = state.smartList !== null || hasQuickFilters(state);
  const view = queryStateOf(rows, {
    isEmpty: page.length === 0,
    message: filtered ? `No ${kind.plural} match.` : `No ${kind.plural} yet.`,
    action: (
      <Button variant="light" onClick={() => setCreating(true)}>
        New {kind.singular}
      </Button>
    ),
  });

  const select = (ids: number[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{kind.title}</Title>
        <Button onClick={() => setCreating(true)}>New {kind.singular}</Button>
      </Group>

      <SmartListBar
        kind={kind}
        smartListId={state.smartList}
        lookups={lookups}
        onOpen={(smartList) => update({ smartList, status: [], owner: [], stage: [], customerStatus: [], prospectStatus: [] })}
        onSaveCurrent={() => setSavingList(true)}
        onReassignAll={(list, count) => setReassign({ kind: 'smart_list', id: list.id, name: list.name, count })}
      />
      {state.smartList === null && <QuickFilters kind={kind} state={state} lookups={lookups} onChange={update} />}

      {selected.size > 0 && (
        <Paper withBorder p="xs" bg="var(--mantine-color-gray-0)">
          <Group justify="space-between" gap="xs">
            <Text size="sm" aria-live="polite">
              {selected.size} selected
            </Text>
            <Group gap="xs">
              <Button size="xs" onClick={() => setReassign({ kind: 'selected', ids: [...selected] })}>
                Reassign selected
              </Button>
              <Button size="xs" variant="subtle" onClick={() => setSelected(new Set())}>
                Clear selection
              </Button>
            </Group>
          </Group>
        </Paper>
      )}

      {view ?? (
        <RecordTable kind={kind} rows={page} lookups={lookups} sort={state.sort} onSort={(sort) => update({ sort })} selected={selected} onSelect={select} />
      )}
      <Pager {...pagerOf(rows, state.page, (p) => update({ page: p }))} />

      <NewRecordModal kind={kind} opened={creating} onClose={() => setCreating(false)} />
      <SaveSmartListModal
        kind={kind}
        state={state}
        lookups={lookups}
        opened={savingList}
        onClose={() => setSavingList(false)}
        onSaved={(list) => {
          setSavingList(false);
          update({ smartList: list.id, status: [], owner: [], stage: [], customerStatus: [], prospectStatus: [] });
        }}
      />
      <BulkReassignModal kind={kind} target={reassign} onClose={() => setReassign(null)} onDone={() => setSelected(new Set())} />
    </Stack>
  );
}
