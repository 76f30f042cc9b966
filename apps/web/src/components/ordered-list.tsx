import { ActionIcon, Button, Group } from '@mantine/core';

/**
 * Edits of an ordered list held in a form (a pool's members, a lead form's fields): change one
 * item, swap it with its neighbour, take it out. Each gives the whole new list to `onChange`.
 */
export function orderedListEdits<T>(items: T[], onChange: (items: T[]) => void) {
  return {
    update: (index: number, change: Partial<T>) => onChange(items.map((item, i) => (i === index ? { ...item, ...change } : item))),
    move: (index: number, by: -1 | 1) => {
      const next = [...items];
      [next[index], next[index + by]] = [next[index + by], next[index]];
      onChange(next);
    },
    remove: (index: number) => onChange(items.filter((_, i) => i !== index)),
  };
}

/** Up, down and Remove for one item of an ordered list: real buttons, so the order can be changed from the keyboard. */
export function OrderButtons(props: { name: string; index: number; count: number; onMove: (by: -1 | 1) => void; onRemove: () => void; removeDisabled?: boolean }) {
  return (
    <Group gap={4} wrap="nowrap">
      <ActionIcon variant="default" aria-label={`Move ${props.name} up`} disabled={props.index === 0} onClick={() => props.onMove(-1)}>
        ↑
      </ActionIcon>
      <ActionIcon variant="default" aria-label={`Move ${props.name} down`} disabled={props.index === props.count - 1} onClick={() => props.onMove(1)}>
        ↓
      </ActionIcon>
      <Button size="compact-xs" variant="subtle" color="red" aria-label={`Remove ${props.name}`} disabled={props.removeDisabled} onClick={props.onRemove}>
        Remove
      </Button>
    </Group>
  );
}
