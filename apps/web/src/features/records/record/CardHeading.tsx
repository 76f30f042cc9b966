import { Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The heading of a card on a record's page, with the card's one action on the right. */
export function CardHeading(props: { title: string; action?: ReactNode }) {
  return (
    <Group justify="space-between" mb="sm">
      <Title order={3} size="h4">
        {props.title}
      </Title>
      {props.action}
    </Group>
  );
}
