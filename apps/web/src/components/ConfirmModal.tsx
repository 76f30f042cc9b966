import { Button, Group, Modal, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * "Are you sure?" before something that cannot be undone (deleting a pool, a form). The confirm
 * button says what it does; Cancel and Escape leave everything as it was.
 */
export function ConfirmModal(props: {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} centered>
      {typeof props.children === 'string' ? <Text size="sm">{props.children}</Text> : props.children}
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={props.onClose} disabled={props.busy}>
          Cancel
        </Button>
        <Button color="red" onClick={props.onConfirm} loading={props.busy}>
          {props.confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
}
