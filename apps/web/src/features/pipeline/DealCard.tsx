import type { StageDto } from '@crm/contracts';
import { ActionIcon, Anchor, Badge, Group, Menu, Paper, Stack, Text } from '@mantine/core';
import { useDraggable } from '@dnd-kit/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatMoney } from './money';
import type { DealCardData } from './pipeline-types';

export interface DragData {
  deal: DealCardData;
  stage: StageDto;
}

/** What a card shows; also drawn under the pointer while it is dragged. */
export function DealCardBody(props: { deal: DealCardData; actions?: ReactNode }) {
  const { deal } = props;
  return (
    <Stack gap={4}>
      <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
        <Anchor component={Link} to={`/deals/${deal.id}`} fw={600} size="sm" lineClamp={2} style={{ wordBreak: 'break-word' }}>
          {deal.name}
        </Anchor>
        {props.actions}
      </Group>
      {deal.contact_name && (
        <Text size="xs" c="dimmed" truncate>
          {deal.contact_name}
        </Text>
      )}
      <Group gap="xs" justify="space-between">
        <Text size="sm">{formatMoney(deal.value, deal.currency)}</Text>
        {deal.hot && <Badge size="xs" color="orange" variant="light">Hot</Badge>}
      </Group>
    </Stack>
  );
}

/**
 * A deal on the board. The whole card can be dragged with a mouse or a finger (after a few pixels,
 * or a press on touch screens, so links and scrolling still work); the handle button starts a
 * keyboard drag (space, arrows, space) and the menu moves the deal without dragging at all.
 */
export function DealCard(props: { deal: DealCardData; stage: StageDto; stages: StageDto[]; onMove: (deal: DealCardData, to: StageDto) => void }) {
  const { deal, stage } = props;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: `deal-${deal.id}`,
    data: { deal, stage } satisfies DragData,
  });
  const actions = (
    <Group gap={2} wrap="nowrap">
      <ActionIcon ref={setActivatorNodeRef} {...attributes} variant="subtle" color="gray" size="sm" aria-label={`Drag ${deal.name} to another stage`} style={{ cursor: 'grab' }}>
        <span aria-hidden>⠿</span>
      </ActionIcon>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Move ${deal.name} to…`}>
            <span aria-hidden>⋯</span>
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Move to stage</Menu.Label>
          {props.stages
            .filter((s) => s.id !== stage.id)
            .map((s) => (
              <Menu.Item key={s.id} onClick={() => props.onMove(deal, s)}>
                {s.name}
              </Menu.Item>
            ))}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
  return (
    <Paper
      ref={setNodeRef}
      {...listeners}
      withBorder
      p="xs"
      radius="sm"
      shadow="xs"
      data-deal-id={deal.id}
      aria-label={`Deal ${deal.name}`}
      role="group"
      style={{ opacity: isDragging ? 0.4 : 1, touchAction: 'manipulation', cursor: 'grab' }}
    >
      <DealCardBody deal={deal} actions={actions} />
    </Paper>
  );
}
