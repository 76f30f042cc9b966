import { Injectable } from '@nestjs/common';
import type { Tx } from '@crm/platform';

export interface StageTotalRow {
  stage_id: number;
  /** null for a stage without deals (the LEFT JOIN's empty side). */
  currency: string | null;
  count: number;
  value: string;
}

/** Counts and sums of deals per stage and currency, for the pipeline board's column headers. */
@Injectable()
export class StageTotalsRepository {
  async pipelineExists(tx: Tx, accountId: number, pipelineId: number): Promise<boolean> {
    return (await tx.rows(`SELECT 1 FROM records.pipelines WHERE account_id = $1 AND id = $2`, [accountId, pipelineId])).length > 0;
  }

  /**
   * One row per stage of the pipeline and currency of its deals (a stage without deals: one row,
   * currency null). `ownerScope`: only this owner's deals, for users who may not see all. Served
   * by deals (account_id, stage_id) — one index range per stage.
   */
  totals(tx: Tx, accountId: number, pipelineId: number, ownerScope: number | null): Promise<StageTotalRow[]> {
    return tx.rows<StageTotalRow>(
      `SELECT s.id AS stage_id, d.currency, count(d.id)::int AS count, coalesce(sum(d.value), 0)::text AS value
       FROM records.stages s
       LEFT JOIN records.deals d
         ON d.account_id = s.account_id AND d.stage_id = s.id AND ($3::int IS NULL OR d.owner_id = $3)
       WHERE s.account_id = $1 AND s.pipeline_id = $2
       GROUP BY s.id, s.position, d.currency
       ORDER BY s.position, s.id, d.currency`,
      [accountId, pipelineId, ownerScope],
    );
  }
}
