import { Checkbox, Group, Table, Text, UnstyledButton } from '@mantine/core';
import type { Lookups } from '../lookups';
import type { RecordKind } from '../record-kinds';
import type { AnyRecord } from '../types';

/**
 * One page of records: a checkbox per row for bulk actions, headers that sort through the API's
 * `sort_by` (click again to reverse). Scrolls sideways on a phone rather than squeezing columns.
 */
export function RecordTable<T extends AnyRecord>(props: {
  kind: RecordKind<T>;
  rows: T[];
  lookups: Lookups;
  sort: string;
  onSort: (sort: string) => void;
  selected: ReadonlySet<number>;
  onSelect: (ids: number[], selected: boolean) => void;
}) {
  const { kind, rows, lookups, selected } = props;
  const [sortField, sortDirection] = props.sort.split(':');
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const someSelected = rows.some((r) => selected.has(r.id));

  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label={kind.title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <Checkbox
                aria-label={`Select all ${kind.plural} on this page`}
                checked={allSelected}
                indeterminate={someSelected && !allSelected}
                onChange={(e) => props.onSelect(rows.map((r) => r.id), e.currentTarget.checked)}
              />
            </Table.Th>
            {kind.columns.map((column) => {
              const active = column.sortField === sortField;
              const ariaSort = active ? (sortDirection === 'desc' ? 'descending' : 'ascending') : undefined;
              return (
                <Table.Th key={column.label} aria-sort={ariaSort}>
                  {column.sortField ? (
                    <UnstyledButton
                      onClick={() => props.onSort(`${column.sortField}:${active && sortDirection !== 'desc' ? 'desc' : 'asc'}`)}
                      title={`Sort by ${column.label.toLowerCase()}`}
                    >
                      <Group gap={4} wrap="nowrap">
                        <Text fw={700} size="sm">
                          {column.label}
                        </Text>
                        <Text size="xs" c={active ? undefined : 'dimmed'} aria-hidden>
                          {active ? (sortDirection === 'desc' ? '▼' : '▲') : '↕'}
                        </Text>
                      </Group>
                    </UnstyledButton>
                  ) : (
                    column.label
                  )}
                </Table.Th>
              );
            })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id} bg={selected.has(row.id) ? 'var(--mantine-primary-color-light)' : undefined}>
              <Table.Td>
                <Checkbox aria-label={`Select ${kind.displayName(row)}`} checked={selected.has(row.id)} onChange={(e) => props.onSelect([row.id], e.currentTarget.checked)} />
              </Table.Td>
              {kind.columns.map((column) => (
                <Table.Td key={column.label}>{column.render(row, lookups)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
