import { Checkbox, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** The toolbar over a page of checkable rows (usePageSelection): tick the whole page, how many are ticked, then the bulk actions. */
export function SelectionBar(props: { label: string; selectAllLabel: string; selection: { checked: readonly unknown[]; all: boolean; some: boolean; toggleAll: () => void }; empty: boolean; children: ReactNode }) {
  const { selection } = props;
  return (
    <Group gap="xs" wrap="wrap" role="toolbar" aria-label={props.label}>
      <Checkbox aria-label={props.selectAllLabel} checked={selection.all} indeterminate={selection.some} disabled={props.empty} onChange={selection.toggleAll} />
      <Text size="sm" c="dimmed" miw={70} aria-live="polite">
        {selection.checked.length} selected
      </Text>
      {props.children}
    </Group>
  );
}

/** The rows of a page as a plain labelled list, busy while the next page loads. */
export function RowList(props: { label: string; busy: boolean; children: ReactNode }) {
  return (
    <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }} aria-label={props.label} aria-busy={props.busy}>
      {props.children}
    </Stack>
  );
}
