import type { PipelineDto, StageDto } from '@crm/contracts';
import { iso } from '../../common/time';
import type { PipelineEntity } from './entities/pipeline.entity';
import type { StageEntity } from './entities/stage.entity';

export function toPipelineDto(pipeline: PipelineEntity): PipelineDto {
  return { id: pipeline.id, name: pipeline.name, created_at: iso(pipeline.created_at), updated_at: iso(pipeline.updated_at) };
}

export function toStageDto(stage: StageEntity): StageDto {
  return {
    id: stage.id,
    name: stage.name,
    category: stage.category,
    position: stage.position,
    likelihood: stage.likelihood,
    active: stage.active,
    pipeline_id: stage.pipeline_id,
    created_at: iso(stage.created_at),
    updated_at: iso(stage.updated_at),
  };
}
