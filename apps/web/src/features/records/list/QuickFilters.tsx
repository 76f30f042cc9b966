import { Button, Group, MultiSelect } from '@mantine/core';
import { stageOptions, type Lookups } from '../lookups';
import { CUSTOMER_STATUS_LABELS, LEAD_STATUSES, PROSPECT_STATUS_LABELS, type RecordKind } from '../record-kinds';
import type { CustomerStatus, ProspectStatus } from '../types';
import { hasQuickFilters, QUICK_FILTERS, type ListState } from './list-state';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** The filters the resource's own list takes (Sell's list parameters), applied as they change. */
export function QuickFilters(props: { kind: RecordKind; state: ListState; lookups: Lookups; onChange: (next: Partial<ListState>) => void }) {
  const { state, lookups, onChange } = props;
  const applies = QUICK_FILTERS[props.kind.type];
  const common = { clearable: true, searchable: true, w: { base: '100%', sm: 220 }, comboboxProps: { withinPortal: true } } as const;
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      {applies.includes('status') && (
        <MultiSelect {...common} label="Status" placeholder="Any status" data={[...new Set([...LEAD_STATUSES, ...state.status])]} value={state.status} onChange={(status) => onChange({ status })} />
      )}
      {applies.includes('stage') && (
        <MultiSelect
          {...common}
          label="Stage"
          placeholder="Any stage"
          data={stageOptions(lookups)}
          value={state.stage.map(String)}
          onChange={(stage) => onChange({ stage: stage.map(Number) })}
        />
      )}
      {applies.includes('customerStatus') && (
        <MultiSelect
          {...common}
          label="Customer status"
          placeholder="Any"
          data={options(CUSTOMER_STATUS_LABELS)}
          value={state.customerStatus}
          onChange={(v) => onChange({ customerStatus: v as CustomerStatus[] })}
        />
      )}
      {applies.includes('prospectStatus') && (
        <MultiSelect
          {...common}
          label="Prospect status"
          placeholder="Any"
          data={options(PROSPECT_STATUS_LABELS)}
          value={state.prospectStatus}
          onChange={(v) => onChange({ prospectStatus: v as ProspectStatus[] })}
        />
      )}
      <MultiSelect
        {...common}
        label="Owner"
        placeholder="Anyone"
        data={lookups.users.map((u) => ({ value: String(u.id), label: u.name }))}
        value={state.owner.map(String)}
        onChange={(owner) => onChange({ owner: owner.map(Number) })}
      />
      {hasQuickFilters(state) && (
        <Button variant="subtle" onClick={() => onChange({ status: [], owner: [], stage: [], customerStatus: [], prospectStatus: [] })}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}
