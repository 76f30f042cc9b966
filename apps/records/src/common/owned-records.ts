import { Actor, DomainError, ListQuery, Page } from '@crm/contracts';
import type { TransactionRunner, Tx } from '@crm/platform';
import type { AccessService, ActorAccess } from '../modules/access/access.service';

/** What leads', contacts' and deals' repositories share: rows with an owner, found and listed by account. */
export interface OwnedRepository<E extends { owner_id: number }> {
  list(tx: Tx, accountId: number, query: ListQuery, ownerScope: number | null): Promise<{ rows: E[]; hasMore: boolean }>;
  find(tx: Tx, accountId: number, id: number): Promise<E | null>;
  findForUpdate(tx: Tx, accountId: number, id: number): Promise<E | null>;
}

/**
 * Reading records that have an owner, under the reader's visibility: a user who sees only their
 * own records lists only those, and gets a 404 for anyone else's (never a 403).
 */
export class OwnedRecords<E extends { owner_id: number }, D> {
  constructor(
    private readonly resource: string,
    private readonly repository: OwnedRepository<E>,
    private readonly access: AccessService,
    private readonly transactions: TransactionRunner,
    private readonly toDto: (row: E) => D,
  ) {}

  list(actor: Actor, query: ListQuery): Promise<Page<D>> {
    return this.transactions.read(async (tx) => {
      const access = await this.access.load(tx, actor);
      const page = await this.repository.list(tx, actor.accountId, query, access.ownerScope);
      return { items: page.rows.map(this.toDto), hasMore: page.hasMore };
    });
  }

  get(actor: Actor, id: number): Promise<D> {
    return this.transactions.read(async (tx) => this.toDto(await this.loadVisible(tx, await this.access.load(tx, actor), id, false)));
  }

  /** The record, or 404 when it does not exist or the user may not see it; locked when `forUpdate`. */
  async loadVisible(tx: Tx, access: ActorAccess, id: number, forUpdate: boolean): Promise<E> {
    const record = forUpdate
      ? await this.repository.findForUpdate(tx, access.accountId, id)
      : await this.repository.find(tx, access.accountId, id);
    if (!record) throw DomainError.notFound(this.resource, id);
    this.access.assertVisible(access, record.owner_id, this.resource, id);
    return record;
  }
}
