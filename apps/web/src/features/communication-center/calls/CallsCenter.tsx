import type { PhoneCenterCallDto } from '@crm/contracts';
import { Autocomplete, Group, Stack, Switch, Tabs, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useCollection } from '../../../api/queries';
import { Pager } from '../../../components/Pager';
import { queryStateOf } from '../../../components/QueryState';
import { partyKey, useRecordNames } from '../../../components/record-names';
import { CallItem } from './CallItem';
import { CALLS_PATH, LIVE_REFRESH_MS, usePhoneCenterCounts } from './phone-center-api';

const PER_PAGE = 25;
/** Sell's default lead statuses; any other status can be typed. */
const LEAD_STATUSES = ['New', 'Working', 'Unqualified'];

type CallTab = 'matched' | 'unmatched';

/**
 * The Communication Center's calls: the signed-in user's calls, Matched (to a lead or contact) and
 * Unmatched, newest first, a page at a time. The filters live in the URL (`tab`, `missed`,
 * `lead_status`, `page`), so reloading or sharing keeps them.
 */
export default function CallsCenter() {
  const [params, setParams] = useSearchParams();
  const tab: CallTab = params.get('tab') === 'unmatched' ? 'unmatched' : 'matched';
  const missedOnly = params.get('missed') === 'true';
  const leadStatus = tab === 'matched' ? (params.get('lead_status') ?? '') : '';
  const page = Math.max(1, Number(params.get('page')) || 1);

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(name);
      else next.set(name, value);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  // The status is typed: ask the API once the typing pauses (only a new typed value moves the URL).
  const [statusInput, setStatusInput] = useState(leadStatus);
  const [debouncedStatus] = useDebouncedValue(statusInput.trim(), 400);
  useEffect(() => {
    if (tab === 'matched' && debouncedStatus !== leadStatus) update({ lead_status: debouncedStatus });
  }, [debouncedStatus]);

  const counts = usePhoneCenterCounts();
  const calls = useCollection<PhoneCenterCallDto>(
    CALLS_PATH,
    { matched: tab === 'matched', missed: missedOnly ? true : undefined, lead_status: leadStatus || undefined, page, per_page: PER_PAGE },
    { refetchInterval: LIVE_REFRESH_MS },
  );
  const rows = calls.data?.rows ?? [];
  const names = useRecordNames(rows);

  const bracket = (n: number | undefined) => (n === undefined ? '' : ` (${n})`);
  const emptyMessage = missedOnly
    ? `No missed ${tab} calls.`
    : tab === 'matched'
      ? leadStatus
        ? `No calls with leads whose status is ${leadStatus}.`
        : 'No calls with your leads and contacts yet.'
      : 'No calls from unknown numbers.';
  const state = queryStateOf(calls, { isEmpty: rows.length === 0, message: emptyMessage });

  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        Calls
      </Title>
      <Tabs value={tab} onChange={(value) => value && update({ tab: value === 'matched' ? null : value, lead_status: null })}>
        <Tabs.List>
          <Tabs.Tab value="matched">Matched</Tabs.Tab>
          <Tabs.Tab value="unmatched">Unmatched{bracket(counts.data?.unmatched_calls)}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Group gap="md" align="flex-end" wrap="wrap">
        <Switch
          label={`Show only missed calls${bracket(counts.data?.missed_calls)}`}
          checked={missedOnly}
          onChange={(event) => update({ missed: event.currentTarget.checked ? 'true' : null })}
        />
        {tab === 'matched' && (
          <Autocomplete
            label="Lead status"
            placeholder="Any status"
            data={LEAD_STATUSES}
            value={statusInput}
            onChange={setStatusInput}
            clearable
            w={200}
            maw="100%"
          />
        )}
      </Group>
      {state ?? (
        <Stack component="section" aria-label={`${tab === 'matched' ? 'Matched' : 'Unmatched'} calls`} gap="xs" aria-busy={calls.isFetching}>
          {rows.map((call) => (
            <CallItem
              key={call.id}
              call={call}
              recordName={call.resource_type === 'lead' || call.resource_type === 'contact' ? names.get(partyKey(call.resource_type, call.resource_id!)) : undefined}
            />
          ))}
        </Stack>
      )}
      <Pager
        page={page}
        hasPrev={calls.data?.hasPrev ?? page > 1}
        hasNext={calls.data?.hasNext ?? false}
        busy={calls.isFetching}
        onPage={(next) => update({ page: String(next) })}
      />
    </Stack>
  );
}
