import { Injectable } from '@nestjs/common';
import { Actor, DomainError, FoundResource, RecordsRequests as R } from '@crm/contracts';
import { RpcClient, Tx } from '@crm/platform';
import { RecordOwnersRepository } from '../record-owners/record-owners.repository';
import type { ViewerScope } from '../records-access/records-access.service';
import { ActivityItemsRepository } from './activity-items.repository';
import type { RecordRef } from './item-columns';

/**
 * Whether the actor may see a lead, contact or deal. Named in a request, records answers (its
 * 404 for a missing, foreign or hidden record); for a thread already stored, the local copy of
 * owners answers inside the transaction, as it does for every email, call and text.
 */
@Injectable()
export class RecordVisibility {
  constructor(
    private readonly rpc: RpcClient,
    private readonly owners: RecordOwnersRepository,
    private readonly items: ActivityItemsRepository,
  ) {}

  /** Ask records before any transaction opens; a 404 stays a 404 (the record names the resource). */
  find(actor: Actor, record: RecordRef): Promise<FoundResource> {
    return this.rpc.request(R.FindResource, {
      accountId: actor.accountId,
      userId: actor.userId,
      correlationId: actor.correlationId,
      resourceType: record.type,
      resourceId: record.id,
    });
  }

  /** The same, for a record named in a body: a hidden record is a bad attribute (422). */
  async findAttribute(actor: Actor, record: RecordRef, resource: string): Promise<FoundResource> {
    try {
      return await this.find(actor, record);
    } catch (error) {
      if (error instanceof DomainError && error.status === 404) throw DomainError.invalid(resource, 'resource_id', `${record.type} ${record.id} not found`);
      throw error;
    }
  }

  /** Records' answer fills a gap in the owners copy (never overrides an event). */
  remember(tx: Tx, accountId: number, found: FoundResource): Promise<void> {
    return this.owners.rememberIfMissing(tx, accountId, found.resource_type, found.resource_id, found.owner_id);
  }

  /** From the owners copy: whether a viewer limited to own records owns this one. */
  async owns(tx: Tx, accountId: number, viewer: ViewerScope, record: RecordRef): Promise<boolean> {
    if (viewer === null) return true;
    return (await this.items.ownerOf(tx, accountId, record)) === viewer;
  }
}
