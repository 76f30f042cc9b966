import type { StageDto } from '@crm/contracts';
import { Alert, Box, Group, Paper } from '@mantine/core';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MouseSensor,
  pointerWithin,
  rectIntersection,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { useState } from 'react';
import { useStageTotals } from './board-queries';
import { columnKeyboardCoordinates } from './board-keyboard';
import { DealCardBody, type DragData } from './DealCard';
import { COLUMN_WIDTH, StageColumn } from './StageColumn';
import { useMoveDeal } from './use-move-deal';
import type { DealCardData } from './pipeline-types';

// The pointer's column when there is a pointer; the card's overlap when dragging by keyboard.
const collisions: CollisionDetection = (args) => {
  const under = pointerWithin(args);
  return under.length > 0 ? under : rectIntersection(args);
};

function dragDataOf(data: unknown): DragData | undefined {
  return data && typeof data === 'object' && 'deal' in data ? (data as DragData) : undefined;
}
function stageOf(data: unknown): StageDto | undefined {
  return data && typeof data === 'object' && 'stage' in data ? (data as { stage: StageDto }).stage : undefined;
}

const SCREEN_READER_INSTRUCTIONS = {
  draggable:
    'To move a deal to another stage, press space or enter, use the left and right arrow keys to choose the stage, then press space or enter again. Press escape to cancel.',
};

/** Stages side by side (scrolling sideways on a phone); deals dragged between them change stage. */
export function PipelineBoard(props: { pipelineId: number; stages: StageDto[] }) {
  const { pipelineId, stages } = props;
  const totals = useStageTotals(pipelineId);
  const move = useMoveDeal(pipelineId);
  const [dragged, setDragged] = useState<DealCardData | null>(null);

  const sensors = useSensors(
    // A few pixels of movement before a drag starts, so clicks on a card's link and menu still work.
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    // On touch screens a short press picks a card up; a swipe still scrolls the board.
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnKeyboardCoordinates }),
  );

  const moveDeal = (deal: DealCardData, to: StageDto) => {
    const from = stages.find((s) => s.id === deal.stage_id);
    if (!from || from.id === to.id) return;
    move.mutate({ deal, from, to });
  };

  const onDragStart = (event: DragStartEvent) => setDragged(dragDataOf(event.active.data.current)?.deal ?? null);
  const onDragEnd = (event: DragEndEvent) => {
    setDragged(null);
    const data = dragDataOf(event.active.data.current);
    const to = stageOf(event.over?.data.current);
    if (data && to) moveDeal(data.deal, to);
  };

  const stageName = (data: unknown) => stageOf(data)?.name ?? 'no stage';
  const dealName = (data: unknown) => dragDataOf(data)?.deal.name ?? 'the deal';
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${dealName(active.data.current)}.`,
    onDragOver: ({ active, over }) => `${dealName(active.data.current)} is over ${stageName(over?.data.current)}.`,
    onDragEnd: ({ active, over }) =>
      over ? `${dealName(active.data.current)} was dropped on ${stageName(over.data.current)}.` : `${dealName(active.data.current)} was dropped outside the stages.`,
    onDragCancel: ({ active }) => `Moving ${dealName(active.data.current)} was cancelled.`,
  };

  return (
    <>
      {totals.error && (
        <Alert color="red" role="alert" mb="sm" title="Stage totals could not be loaded">
          {totals.error.message}
        </Alert>
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={collisions}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragged(null)}
        accessibility={{ announcements, screenReaderInstructions: SCREEN_READER_INSTRUCTIONS }}
      >
        <Box style={{ overflowX: 'auto' }} pb="sm" aria-label="Pipeline board" role="region" tabIndex={-1}>
          <Group align="stretch" wrap="nowrap" gap="sm" w="max-content">
            {stages.map((stage) => (
              <StageColumn
                key={stage.id}
                stage={stage}
                stages={stages}
                total={totals.data?.find((t) => t.stage_id === stage.id)}
                totalsLoading={totals.isPending}
                onMove={moveDeal}
              />
            ))}
          </Group>
        </Box>
        <DragOverlay dropAnimation={null}>
          {dragged && (
            <Paper withBorder p="xs" shadow="md" w={COLUMN_WIDTH} style={{ cursor: 'grabbing' }}>
              <DealCardBody deal={dragged} />
            </Paper>
          )}
        </DragOverlay>
      </DndContext>
    </>
  );
}
