import { Injectable } from '@nestjs/common';
import type { ListQuery, SmartListFilters } from '@crm/contracts';
import { applyListQuery, toPage, Tx } from '@crm/platform';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { FieldDefinitions } from './custom-field-filters';
import { filterConditions } from './smart-list-filters';
import type { SmartListTarget } from './smart-list-targets';

/** What a smart list evaluates to, for a given actor. */
export interface Evaluation {
  target: SmartListTarget;
  filters: SmartListFilters;
  definitions: FieldDefinitions;
  /** Only this owner's records (a user who may not see all), or null for all. */
  ownerScope: number | null;
}

/** The records a smart list matches: a page of them, their count, or the ids a job snapshots. */
@Injectable()
export class SmartListRecordsRepository {
  async page(tx: Tx, accountId: number, evaluation: Evaluation, query: ListQuery) {
    const { target } = evaluation;
    const qb = this.matching(tx, accountId, evaluation);
    return toPage(await applyListQuery(qb, target.alias, query, target.list).getMany(), query);
  }

  async count(tx: Tx, accountId: number, evaluation: Evaluation): Promise<number> {
    // count(*) over the rows, not TypeORM's getCount (COUNT(DISTINCT id)), which sorts them all.
    const row = await this.matching(tx, accountId, evaluation).select('count(*)::int', 'count').getRawOne<{ count: number }>();
    return row?.count ?? 0;
  }

  /**
   * `SELECT <jobId>, id` of every matching record, as SQL and positional parameters, for the
   * INSERT … SELECT that snapshots a job's records in one statement.
   */
  idsForJob(tx: Tx, accountId: number, evaluation: Evaluation, jobId: number): [string, unknown[]] {
    const { alias } = evaluation.target;
    return this.matching(tx, accountId, evaluation)
      .select('CAST(:sl_job_id AS int)', 'job_id')
      .addSelect(`${alias}.id`, 'record_id')
      .setParameter('sl_job_id', jobId)
      .getQueryAndParameters();
  }

  private matching(tx: Tx, accountId: number, { target, filters, definitions, ownerScope }: Evaluation): SelectQueryBuilder<ObjectLiteral> {
    const { alias } = target;
    const qb: SelectQueryBuilder<ObjectLiteral> = tx.manager
      .getRepository<ObjectLiteral>(target.entity)
      .createQueryBuilder(alias)
      .where(`${alias}.account_id = :sl_account_id`, { sl_account_id: accountId });
    if (ownerScope !== null) qb.andWhere(`${alias}.owner_id = :sl_owner_scope`, { sl_owner_scope: ownerScope });
    for (const condition of filterConditions(target, filters, definitions)) qb.andWhere(condition.sql, condition.params);
    return qb;
  }
}
