import { Injectable } from '@nestjs/common';
import { Actor, DomainError, StageTotalDto } from '@crm/contracts';
import { TransactionRunner } from '@crm/platform';
import { AccessService } from '../access/access.service';
import { StageTotalRow, StageTotalsRepository } from './stage-totals.repository';

/** Folds the per-currency rows into one total per stage, in the pipeline's stage order. */
export function toStageTotals(rows: StageTotalRow[]): StageTotalDto[] {
  const byStage = new Map<number, StageTotalDto>();
  for (const row of rows) {
    let total = byStage.get(row.stage_id);
    if (!total) {
      total = { stage_id: row.stage_id, count: 0, values: [] };
      byStage.set(row.stage_id, total);
    }
    if (row.currency === null || row.count === 0) continue;
    total.count += row.count;
    total.values.push({ currency: row.currency, count: row.count, value: row.value });
  }
  return [...byStage.values()];
}

/**
 * The pipeline board's column totals (an extension: Sell's API has none, and a client summing
 * pages of deals would read every deal). Under the reader's visibility, like listing deals.
 */
@Injectable()
export class StageTotalsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly repository: StageTotalsRepository,
    private readonly access: AccessService,
  ) {}

  forPipeline(actor: Actor, pipelineId: number): Promise<StageTotalDto[]> {
    return this.transactions.read(async (tx) => {
      if (!(await this.repository.pipelineExists(tx, actor.accountId, pipelineId))) throw DomainError.notFound('pipeline', pipelineId);
      const access = await this.access.load(tx, actor);
      return toStageTotals(await this.repository.totals(tx, actor.accountId, pipelineId, access.ownerScope));
    });
  }
}
