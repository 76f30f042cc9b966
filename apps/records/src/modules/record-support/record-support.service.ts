import { Injectable } from '@nestjs/common';
import { Actor, DistributionRequests, DomainError, RecordResourceType } from '@crm/contracts';
import { RpcClient, TransactionRunner, Tx } from '@crm/platform';
import { AccessService } from '../access/access.service';
import { IntegrationOwnersService } from '../integration-owners/integration-owners.service';
import { CustomFieldsService } from '../custom-fields/custom-fields.service';
import { NamedItemsService } from '../named-items/named-items.service';
import { UsersService } from '../users/users.service';

interface TaggedRecord {
  owner_id: number;
  tags: string[];
  custom_fields: Record<string, unknown>;
}

/** Rules every lead, contact and deal write follows: a valid owner, known tags, typed custom fields. */
@Injectable()
export class RecordSupportService {
  constructor(
    private readonly users: UsersService,
    private readonly namedItems: NamedItemsService,
    private readonly customFields: CustomFieldsService,
    private readonly access: AccessService,
    private readonly rpc: RpcClient,
    private readonly transactions: TransactionRunner,
    private readonly integrationOwners: IntegrationOwnersService,
  ) {}

  /**
   * Who will own a new record: the pool named by `owner_pool_id` (reassign right needed), the
   * user named by `owner_id` (the caller checks the right), else the account's default owner for
   * API clients, else the creator. `preauthorized`: no reassign check is due (a pool or the
   * account's own default chose the owner).
   */
  async ownerForNew(
    actor: Actor,
    resourceType: RecordResourceType,
    attributes: { owner_id?: number; owner_pool_id?: number },
  ): Promise<{ assignmentId?: number; preauthorized: boolean }> {
    const pooled = await this.ownerFromPool(actor, [resourceType], attributes);
    if (pooled) return { assignmentId: pooled.assignmentId, preauthorized: true };
    if (attributes.owner_id !== undefined) return { preauthorized: false };
    const fallback = await this.integrationOwners.resolve(actor, 'api', resourceType);
    if (fallback.ownerId === null) return { preauthorized: false };
    attributes.owner_id = fallback.ownerId;
    return { assignmentId: fallback.assignmentId ?? undefined, preauthorized: true };
  }

  /**
   * `owner_pool_id` instead of `owner_id`: the distribution service names the next owner (needs
   * the reassign right). Sets `owner_id` on the attributes; returns the assignment to link to
   * the record once it is saved. Call it before opening the record's transaction: waiting on
   * another service inside one would stall the embedded database, whose connections share a session.
   */
  async ownerFromPool(
    actor: Actor,
    resourceTypes: RecordResourceType[],
    attributes: { owner_id?: number; owner_pool_id?: number },
    source = 'api',
  ): Promise<{ assignmentId: number; resourceType: RecordResourceType } | undefined> {
    if (attributes.owner_pool_id === undefined) return undefined;
    const resource = resourceTypes[0];
    if (attributes.owner_id !== undefined) throw DomainError.invalid(resource, 'owner_pool_id', 'give owner_id or owner_pool_id, not both');
    await this.transactions.read((tx) => this.access.require(tx, actor, 'reassign_records', resource));
    const reply = await this.rpc
      .request(DistributionRequests.NextOwners, { ...actor, poolId: attributes.owner_pool_id, resourceTypes, count: 1, source })
      .catch((error: unknown) => {
        if (error instanceof DomainError && error.status === 404) {
          throw DomainError.invalid(resource, 'owner_pool_id', `distribution pool ${attributes.owner_pool_id} does not exist`);
        }
        throw error;
      });
    attributes.owner_id = reply.ownerIds[0];
    return { assignmentId: reply.assignmentIds[0], resourceType: reply.resourceType };
  }

  /** After the record is committed, the assignment log learns which record it produced. */
  linkAssignmentAfterCommit(tx: Tx, actor: Actor, assignmentIds: number[], resourceIds: number[]): void {
    if (assignmentIds.length === 0) return;
    tx.afterCommit(() => {
      void this.rpc
        .request(DistributionRequests.RecordAssignments, { accountId: actor.accountId, assignmentIds, resourceIds })
        .catch(() => undefined); // the log keeps the owner; only the record link would be missing
    });
  }

  /**
   * Check what the write changes on `record` (already carrying the new owner and tags) and merge
   * the sent custom field values into it.
   */
  async prepare(
    tx: Tx,
    actor: Actor,
    resourceType: RecordResourceType,
    record: TaggedRecord,
    sent: { owner_id?: number; tags?: string[]; custom_fields?: Record<string, unknown> },
  ): Promise<void> {
    // The acting user was checked active when their token was verified.
    if (sent.owner_id !== undefined && sent.owner_id !== actor.userId) {
      await this.users.assertActiveUsers(tx, actor.accountId, resourceType, 'owner_id', [sent.owner_id]);
    }
    if (sent.custom_fields) {
      record.custom_fields = await this.customFields.merge(tx, actor.accountId, resourceType, record.custom_fields, sent.custom_fields);
    }
    if (sent.tags && record.tags.length > 0) await this.namedItems.ensureTags(tx, actor, resourceType, record.tags);
  }

  assertSource(tx: Tx, accountId: number, kind: 'lead_source' | 'deal_source', id: number, resource: string) {
    return this.namedItems.assertExists(tx, accountId, kind, id, resource, 'source_id');
  }

  assertLossReason(tx: Tx, accountId: number, id: number) {
    return this.namedItems.assertExists(tx, accountId, 'loss_reason', id, 'deal', 'loss_reason_id');
  }
}
