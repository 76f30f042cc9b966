import { Injectable } from '@nestjs/common';
import { Actor, DomainError, ListQuery, Page, PipelineDto, RecordsEvents, StageCategory, StageDto } from '@crm/contracts';
import { EventPublisher, TransactionRunner, Tx } from '@crm/platform';
import type { StageEntity } from './entities/stage.entity';
import { toPipelineDto, toStageDto } from './pipelines.mapper';
import { PipelinesRepository } from './pipelines.repository';

/** Sell's default sales pipeline: one stage per category, in order, with its win likelihood. */
const DEFAULT_STAGES: { name: string; category: StageCategory; likelihood: number }[] = [
  { name: 'Incoming', category: 'incoming', likelihood: 10 },
  { name: 'Qualified', category: 'qualified', likelihood: 25 },
  { name: 'Quote', category: 'quote', likelihood: 50 },
  { name: 'Closure', category: 'closure', likelihood: 75 },
  { name: 'Won', category: 'won', likelihood: 100 },
  { name: 'Lost', category: 'lost', likelihood: 0 },
  { name: 'Unqualified', category: 'unqualified', likelihood: 0 },
];

@Injectable()
export class PipelinesService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly pipelines: PipelinesRepository,
    private readonly events: EventPublisher,
  ) {}

  listPipelines(actor: Actor, query: ListQuery): Promise<Page<PipelineDto>> {
    return this.transactions.read(async (tx) => {
      const page = await this.pipelines.listPipelines(tx, actor.accountId, query);
      return { items: page.rows.map(toPipelineDto), hasMore: page.hasMore };
    });
  }

  getPipeline(actor: Actor, id: number): Promise<PipelineDto> {
    return this.transactions.read(async (tx) => {
      const pipeline = await this.pipelines.findPipeline(tx, actor.accountId, id);
      if (!pipeline) throw DomainError.notFound('pipeline', id);
      return toPipelineDto(pipeline);
    });
  }

  listStages(actor: Actor, query: ListQuery): Promise<Page<StageDto>> {
    return this.transactions.read(async (tx) => {
      const page = await this.pipelines.listStages(tx, actor.accountId, query);
      return { items: page.rows.map(toStageDto), hasMore: page.hasMore };
    });
  }

  getStage(actor: Actor, id: number): Promise<StageDto> {
    return this.transactions.read(async (tx) => {
      const stage = await this.pipelines.findStage(tx, actor.accountId, id);
      if (!stage) throw DomainError.notFound('stage', id);
      return toStageDto(stage);
    });
  }

  /** A stage a deal may be put in, or a 422 naming the field. */
  async requireStage(tx: Tx, accountId: number, stageId: number | undefined): Promise<StageEntity> {
    const stage =
      stageId === undefined ? await this.pipelines.firstStage(tx, accountId) : await this.pipelines.findStage(tx, accountId, stageId);
    if (!stage) throw DomainError.invalid('deal', 'stage_id', stageId === undefined ? 'the account has no pipeline' : `stage ${stageId} does not exist`);
    return stage;
  }

  /**
   * Where a deal made by lead conversion starts: the given stage (which must belong to the given
   * pipeline), else the pipeline's first stage, else the account's first stage.
   */
  async stageForNewDeal(tx: Tx, accountId: number, pipelineId?: number, stageId?: number): Promise<StageEntity> {
    if (pipelineId === undefined) return this.requireStage(tx, accountId, stageId);
    if (!(await this.pipelines.findPipeline(tx, accountId, pipelineId))) {
      throw DomainError.invalid('lead_conversion', 'deal/pipeline_id', `pipeline ${pipelineId} does not exist`);
    }
    if (stageId === undefined) {
      const first = await this.pipelines.firstStageOfPipeline(tx, accountId, pipelineId);
      if (!first) throw DomainError.invalid('lead_conversion', 'deal/pipeline_id', `pipeline ${pipelineId} has no active stage`);
      return first;
    }
    const stage = await this.pipelines.findStage(tx, accountId, stageId);
    if (!stage || stage.pipeline_id !== pipelineId) {
      throw DomainError.invalid('lead_conversion', 'deal/stage_id', `stage ${stageId} is not a stage of pipeline ${pipelineId}`);
    }
    return stage;
  }

  async createDefaultPipeline(tx: Tx, accountId: number, actorId: number | null, correlationId?: string): Promise<void> {
    const pipeline = await this.pipelines.savePipeline(tx, { account_id: accountId, name: 'Sales Pipeline' });
    const stages = await this.pipelines.saveStages(
      tx,
      DEFAULT_STAGES.map((stage, index) => ({
        ...stage,
        account_id: accountId,
        pipeline_id: pipeline.id,
        position: index + 1,
        active: true,
      })),
    );
    const base = { accountId, correlationId, actorId };
    await this.events.publish(tx, RecordsEvents.pipeline.created, {
      ...base,
      entity: 'pipeline',
      id: pipeline.id,
      data: toPipelineDto(pipeline),
    });
    await this.events.publishMany(
      tx,
      RecordsEvents.stage.created,
      stages.map((stage) => ({ ...base, entity: 'stage', id: stage.id, data: toStageDto(stage) })),
    );
  }
}
