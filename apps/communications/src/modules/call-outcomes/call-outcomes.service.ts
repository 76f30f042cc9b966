import { Injectable } from '@nestjs/common';
import { Actor, CallOutcomeDto, DomainError, ListQuery, Page } from '@crm/contracts';
import { TransactionRunner, Tx } from '@crm/platform';
import { toCallOutcomeDto } from './call-outcomes.mapper';
import { CallOutcomesRepository } from './call-outcomes.repository';
import { DEFAULT_CALL_OUTCOMES } from './default-call-outcomes';

/**
 * Call outcomes per account. The defaults are seeded on first use rather than on account
 * creation, so accounts that existed before this service had outcomes get them too.
 */
@Injectable()
export class CallOutcomesService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly outcomes: CallOutcomesRepository,
  ) {}

  async list(actor: Actor, query: ListQuery): Promise<Page<CallOutcomeDto>> {
    const seeded = await this.transactions.read((tx) => this.outcomes.exists(tx, actor.accountId));
    if (!seeded) await this.transactions.run((tx) => this.outcomes.insertMissing(tx, actor.accountId, DEFAULT_CALL_OUTCOMES));
    return this.transactions.read(async (tx) => {
      const page = await this.outcomes.list(tx, actor.accountId, query);
      return { items: page.rows.map(toCallOutcomeDto), hasMore: page.hasMore };
    });
  }

  /** 422 on `field` of `resource` unless `id` is an outcome of the account. */
  async assertOutcome(tx: Tx, accountId: number, id: number, resource: string, field: string): Promise<void> {
    if (!(await this.outcomes.exists(tx, accountId))) await this.outcomes.insertMissing(tx, accountId, DEFAULT_CALL_OUTCOMES);
    if (!(await this.outcomes.find(tx, accountId, id))) throw DomainError.invalid(resource, field, `call outcome ${id} not found`);
  }
}
