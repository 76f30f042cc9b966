import { Button, Group, Text } from '@mantine/core';

/** Previous/next over a Sell collection (the API gives links, not a total). */
export function Pager(props: { page: number; hasPrev: boolean; hasNext: boolean; onPage: (page: number) => void; busy?: boolean }) {
  if (!props.hasPrev && !props.hasNext && props.page === 1) return null;
  return (
    <Group justify="flex-end" gap="xs" mt="sm" aria-label="Pages">
      <Button variant="default" size="xs" disabled={!props.hasPrev || props.busy} onClick={() => props.onPage(props.page - 1)}>
        Previous
      </Button>
      <Text size="sm" aria-live="polite">
        Page {props.page}
      </Text>
      <Button variant="default" size="xs" disabled={!props.hasNext || props.busy} onClick={() => props.onPage(props.page + 1)}>
        Next
      </Button>
    </Group>
  );
}
