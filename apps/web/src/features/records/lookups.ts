import type { NamedItemDto, PipelineDto, RecordResourceType, StageDto, UserDto } from '@crm/contracts';
import { useCollection } from '../../api/queries';

/**
 * Names the lists and pages show for ids: users, pipelines, stages, tags. One page of 100 each
 * (the API's maximum), shared through TanStack Query's cache; an id beyond it shows as "User #id".
 */
export interface Lookups {
  userName: (id: number | null | undefined) => string;
  users: UserDto[];
  stageName: (id: number | null | undefined) => string;
  stages: StageDto[];
  pipelines: PipelineDto[];
}

export function useUsers() {
  return useCollection<UserDto>('/v2/users', { per_page: 100, sort_by: 'name' });
}

export function useLookups(): Lookups {
  const users = useUsers().data?.rows ?? [];
  const stages = useCollection<StageDto>('/v2/stages', { per_page: 100 }).data?.rows ?? [];
  const pipelines = useCollection<PipelineDto>('/v2/pipelines', { per_page: 100 }).data?.rows ?? [];
  const userNames = new Map(users.map((u) => [u.id, u.name]));
  const stageNames = new Map(stages.map((s) => [s.id, s.name]));
  return {
    users,
    stages,
    pipelines,
    userName: (id) => (id == null ? '—' : (userNames.get(id) ?? `User #${id}`)),
    stageName: (id) => (id == null ? '—' : (stageNames.get(id) ?? `Stage #${id}`)),
  };
}

/** The tags of one record type, for filters and forms. */
export function useTagNames(type: RecordResourceType): string[] {
  const tags = useCollection<NamedItemDto>('/v2/tags', { per_page: 100, resource_type: type }).data?.rows ?? [];
  return [...new Set(tags.map((t) => t.name))];
}

/** Stages in pipeline order, for selects: grouped by pipeline. */
export function stageOptions(lookups: Lookups): { group: string; items: { value: string; label: string }[] }[] {
  return lookups.pipelines.map((p) => ({
    group: p.name,
    items: lookups.stages
      .filter((s) => s.pipeline_id === p.id)
      .sort((a, b) => a.position - b.position)
      .map((s) => ({ value: String(s.id), label: s.name })),
  }));
}
