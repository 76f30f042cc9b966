import type { PipelineDto, StageDto } from '@crm/contracts';
import { Group, Select, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useCollection } from '../../api/queries';
import { QueryStateView, queryStateOf } from '../../components/QueryState';
import { PipelineBoard } from './PipelineBoard';

/** /pipeline: choose a pipeline (kept in `?pipeline=`), see its board. */
export function Component() {
  const [params, setParams] = useSearchParams();
  const pipelines = useCollection<PipelineDto>('/v2/pipelines', { per_page: 100, sort_by: 'id:asc' });
  const rows = pipelines.data?.rows ?? [];
  const chosen = rows.find((p) => String(p.id) === params.get('pipeline')) ?? rows[0];

  const state = queryStateOf(pipelines, { isEmpty: rows.length === 0, message: 'There are no pipelines yet.' });
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={2}>Pipeline</Title>
        {rows.length > 0 && (
          <Select
            label="Pipeline"
            data={rows.map((p) => ({ value: String(p.id), label: p.name }))}
            value={chosen ? String(chosen.id) : null}
            onChange={(value) => value && setParams({ pipeline: value }, { replace: true })}
            allowDeselect={false}
            w={{ base: '100%', xs: 260 }}
          />
        )}
      </Group>
      {state ?? (chosen && <PipelineStages pipelineId={chosen.id} />)}
    </Stack>
  );
}

function PipelineStages(props: { pipelineId: number }) {
  const stages = useCollection<StageDto>('/v2/stages', { pipeline_id: props.pipelineId, active: true, sort_by: 'position:asc', per_page: 100 });
  const rows = [...(stages.data?.rows ?? [])].filter((s) => s.pipeline_id === props.pipelineId).sort((a, b) => a.position - b.position);
  // While another pipeline's stages are still on screen (kept during the fetch), show loading rather than "no stages".
  if (stages.isPlaceholderData) return <QueryStateView kind="loading" label="Loading stages…" />;
  const state = queryStateOf(stages, { isEmpty: rows.length === 0, message: 'This pipeline has no stages.' });
  if (state) return state;
  return (
    <>
      <Text size="sm" c="dimmed" visibleFrom="sm">
        Drag a deal to another stage, or use its ⋯ menu. Moving a deal to a won stage makes its contact a customer.
      </Text>
      <PipelineBoard pipelineId={props.pipelineId} stages={rows} />
    </>
  );
}
