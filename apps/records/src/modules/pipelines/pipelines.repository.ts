import { Injectable } from '@nestjs/common';
import type { ListQuery } from '@crm/contracts';
import { applyListQuery, ListSpec, toPage, Tx } from '@crm/platform';
import { PipelineEntity } from './entities/pipeline.entity';
import { StageEntity } from './entities/stage.entity';

const PIPELINE_LIST: ListSpec = {
  resource: 'pipeline',
  defaultSort: { field: 'id', direction: 'asc' },
  sortable: { id: 'p.id', name: 'p.name', created_at: 'p.created_at', updated_at: 'p.updated_at' },
  filters: { name: { column: 'p.name', kind: 'lower' } },
};

const STAGE_LIST: ListSpec = {
  resource: 'stage',
  defaultSort: { field: 'id', direction: 'asc' },
  sortable: { id: 's.id', name: 's.name', position: 's.position', created_at: 's.created_at', updated_at: 's.updated_at' },
  filters: {
    pipeline_id: { column: 's.pipeline_id', kind: 'int' },
    name: { column: 's.name', kind: 'lower' },
    active: { column: 's.active', kind: 'bool' },
  },
};

@Injectable()
export class PipelinesRepository {
  async listPipelines(tx: Tx, accountId: number, query: ListQuery) {
    const qb = tx.manager.getRepository(PipelineEntity).createQueryBuilder('p').where('p.account_id = :accountId', { accountId });
    return toPage(await applyListQuery(qb, 'p', query, PIPELINE_LIST).getMany(), query);
  }

  findPipeline(tx: Tx, accountId: number, id: number): Promise<PipelineEntity | null> {
    return tx.manager.getRepository(PipelineEntity).findOneBy({ account_id: accountId, id });
  }

  async listStages(tx: Tx, accountId: number, query: ListQuery) {
    const qb = tx.manager.getRepository(StageEntity).createQueryBuilder('s').where('s.account_id = :accountId', { accountId });
    return toPage(await applyListQuery(qb, 's', query, STAGE_LIST).getMany(), query);
  }

  findStage(tx: Tx, accountId: number, id: number): Promise<StageEntity | null> {
    return tx.manager.getRepository(StageEntity).findOneBy({ account_id: accountId, id });
  }

  /** The first stage of the account's first pipeline: where a deal starts when none is given. */
  firstStage(tx: Tx, accountId: number): Promise<StageEntity | null> {
    return tx.manager
      .getRepository(StageEntity)
      .createQueryBuilder('s')
      .where('s.account_id = :accountId AND s.active', { accountId })
      .orderBy('s.pipeline_id', 'ASC')
      .addOrderBy('s.position', 'ASC')
      .getOne();
  }

  firstStageOfPipeline(tx: Tx, accountId: number, pipelineId: number): Promise<StageEntity | null> {
    return tx.manager
      .getRepository(StageEntity)
      .createQueryBuilder('s')
      .where('s.account_id = :accountId AND s.pipeline_id = :pipelineId AND s.active', { accountId, pipelineId })
      .orderBy('s.position', 'ASC')
      .getOne();
  }

  savePipeline(tx: Tx, pipeline: Partial<PipelineEntity> & { account_id: number }): Promise<PipelineEntity> {
    const repository = tx.manager.getRepository(PipelineEntity);
    return repository.save(repository.create(pipeline));
  }

  saveStages(tx: Tx, stages: (Partial<StageEntity> & { account_id: number })[]): Promise<StageEntity[]> {
    const repository = tx.manager.getRepository(StageEntity);
    return repository.save(stages.map((stage) => repository.create(stage)));
  }
}
