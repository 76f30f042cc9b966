import type { StageDto, StageTotalDto } from '@crm/contracts';
import { Badge, Box, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useDroppable } from '@dnd-kit/core';
import type { ReactNode } from 'react';
import { QueryStateView } from '../../components/QueryState';
import { cardsOf, useStageDeals } from './board-queries';
import { DealCard } from './DealCard';
import { formatMoney } from './money';
import type { DealCardData } from './pipeline-types';

export const COLUMN_WIDTH = { base: 260, sm: 240 };

const CATEGORY_COLORS: Record<string, string> = { won: 'green', lost: 'red', unqualified: 'gray' };

/** Count and value of every deal in the stage (not only the loaded cards), per currency. */
function StageTotals(props: { stageName: string; total: StageTotalDto | undefined; loading: boolean }) {
  if (props.loading) return <Loader size="xs" aria-label="Loading totals" />;
  if (!props.total) return null;
  const { count, values } = props.total;
  return (
    <Stack gap={0} role="group" aria-label={`${props.stageName} totals`}>
      <Text size="xs" c="dimmed">
        {count === 1 ? '1 deal' : `${count.toLocaleString()} deals`}
      </Text>
      {values.map((v) => (
        <Text key={v.currency} size="sm" fw={600}>
          {formatMoney(v.value, v.currency)}
        </Text>
      ))}
    </Stack>
  );
}

/** One stage: its totals, then its deals 50 at a time ("Load more"); a drop target for cards. */
export function StageColumn(props: {
  stage: StageDto;
  stages: StageDto[];
  total: StageTotalDto | undefined;
  totalsLoading: boolean;
  onMove: (deal: DealCardData, to: StageDto) => void;
}) {
  const { stage } = props;
  const deals = useStageDeals(stage.id);
  const { setNodeRef, isOver } = useDroppable({ id: `stage-${stage.id}`, data: { stage } });
  const cards = cardsOf(deals.data);
  const headingId = `stage-${stage.id}-heading`;

  let body: ReactNode;
  if (deals.isPending) body = <QueryStateView kind="loading" label="Loading deals…" />;
  else if (deals.error && cards.length === 0) body = <QueryStateView kind="error" message={deals.error.message} onRetry={() => void deals.refetch()} />;
  else if (cards.length === 0) body = <Text size="sm" c="dimmed" ta="center" py="lg">No deals in this stage</Text>;
  else
    body = (
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby={headingId}>
        {cards.map((deal) => (
          <li key={deal.id}>
            <DealCard deal={deal} stage={stage} stages={props.stages} onMove={props.onMove} />
          </li>
        ))}
      </Stack>
    );

  return (
    <Paper
      ref={setNodeRef}
      component="section"
      aria-labelledby={headingId}
      data-stage-id={stage.id}
      bg={isOver ? 'teal.0' : 'gray.0'}
      withBorder
      p="xs"
      w={COLUMN_WIDTH}
      style={{ flex: '0 0 auto', display: 'flex', flexDirection: 'column', outline: isOver ? '2px solid var(--mantine-color-teal-5)' : undefined }}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap={6} wrap="nowrap">
            <Title order={3} size="h5" id={headingId} style={{ overflowWrap: 'anywhere' }}>
              {stage.name}
            </Title>
            {CATEGORY_COLORS[stage.category] && (
              <Badge size="xs" variant="light" color={CATEGORY_COLORS[stage.category]}>
                {stage.category}
              </Badge>
            )}
          </Group>
          <StageTotals stageName={stage.name} total={props.total} loading={props.totalsLoading} />
        </Stack>
        <Text size="xs" c="dimmed">{stage.likelihood}%</Text>
      </Group>
      <Box style={{ overflowY: 'auto', flex: 1, minHeight: 120, maxHeight: 'calc(100dvh - 300px)' }}>
        {body}
        {deals.error && cards.length > 0 && <QueryStateView kind="error" message={deals.error.message} onRetry={() => void deals.refetch()} />}
        {deals.hasNextPage && (
          <Button variant="subtle" size="xs" fullWidth mt="xs" aria-label={`Load more deals in ${stage.name}`} loading={deals.isFetchingNextPage} onClick={() => void deals.fetchNextPage()}>
            Load more
          </Button>
        )}
      </Box>
    </Paper>
  );
}
