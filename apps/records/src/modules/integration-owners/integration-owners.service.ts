import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import {
  Actor,
  DistributionRequests,
  DomainError,
  Integration,
  INTEGRATIONS,
  IntegrationOwnerAttributes,
  IntegrationOwnerDto,
  parseAttributes,
  RecordChangedEvent,
  RecordResourceType,
  RecordsEvents,
  ResolvedOwner,
} from '@crm/contracts';
import { EVENT_TRANSPORT, EventPublisher, EventTransport, RpcClient, TransactionRunner } from '@crm/platform';
import { AccessService } from '../access/access.service';
import { UsersService } from '../users/users.service';
import { IntegrationOwnerRow, IntegrationOwnersRepository } from './integration-owners.repository';

const RESOURCE_TYPES: RecordResourceType[] = ['lead', 'contact', 'deal'];
/** Defaults are read on every record an integration creates; a change reaches other replicas by event. */
const CACHE_MS = 5_000;

/** Owners for a batch of new records, in order; `assignmentIds` (pool turns to link to the records) is empty for a user. */
export interface ResolvedOwners {
  ownerIds: number[];
  assignmentIds: number[];
}

/**
 * The account's default owner per integration and record type — a user or a distribution pool.
 * API clients that create a record without an owner get it too; without a default, the record
 * belongs to whoever creates it.
 */
@Injectable()
export class IntegrationOwnersService implements OnApplicationBootstrap {
  private readonly cache = new Map<string, { row: IntegrationOwnerRow | null; expires: number }>();

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly owners: IntegrationOwnersRepository,
    private readonly access: AccessService,
    private readonly users: UsersService,
    private readonly rpc: RpcClient,
    private readonly events: EventPublisher,
    @Inject(EVENT_TRANSPORT) private readonly transport: EventTransport,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.transport.listen([RecordsEvents.integrationOwner.updated], (_subject, payload) => {
      const accountId = (payload as RecordChangedEvent).accountId;
      for (const key of this.cache.keys()) if (key.startsWith(`${accountId}:`)) this.cache.delete(key);
    });
  }

  list(actor: Actor): Promise<IntegrationOwnerDto[]> {
    return this.transactions.read(async (tx) => (await this.owners.list(tx, actor.accountId)).map(toDto));
  }

  set(actor: Actor, integration: Integration, resourceType: RecordResourceType, data: unknown): Promise<IntegrationOwnerDto> {
    checkKey(integration, resourceType);
    const attributes = parseAttributes('integration_owner', IntegrationOwnerAttributes, data);
    const owner = { owner_id: attributes.owner_id ?? null, owner_pool_id: attributes.owner_pool_id ?? null };
    if (owner.owner_id !== null && owner.owner_pool_id !== null) {
      throw DomainError.invalid('integration_owner', 'owner_pool_id', 'give owner_id or owner_pool_id, not both');
    }
    return this.transactions.run(async (tx) => {
      await this.access.require(tx, actor, 'manage_settings', 'integration_owner');
      if (owner.owner_id !== null) await this.users.assertActiveUsers(tx, actor.accountId, 'integration_owner', 'owner_id', [owner.owner_id]);
      const row = await this.owners.set(tx, actor.accountId, integration, resourceType, owner);
      this.forget(actor.accountId);
      const dto = row ? toDto(row) : { integration, resource_type: resourceType, owner_id: null, owner_pool_id: null, updated_at: new Date().toISOString() };
      await this.events.publish(tx, RecordsEvents.integrationOwner.updated, {
        accountId: actor.accountId,
        correlationId: actor.correlationId,
        entity: 'integration_owner',
        id: actor.accountId,
        actorId: actor.userId,
        data: dto,
      });
      return dto;
    });
  }

  /**
   * The owner of a new record from an integration: the configured user, or the configured pool's
   * next member (logged in distribution), or null when the account set no default.
   */
  async resolve(actor: Actor, integration: Integration, resourceType: RecordResourceType): Promise<ResolvedOwner> {
    const owners = await this.resolveMany(actor, integration, resourceType, 1);
    return owners ? { ownerId: owners.ownerIds[0], assignmentId: owners.assignmentIds[0] ?? null } : { ownerId: null, assignmentId: null };
  }

  /**
   * Owners of `count` new records from an integration: the configured user for each, or as many
   * turns of the configured pool (one request to distribution: call it outside any transaction);
   * null when the account set no default.
   */
  async resolveMany(actor: Actor, integration: Integration, resourceType: RecordResourceType, count: number): Promise<ResolvedOwners | null> {
    checkKey(integration, resourceType);
    const row = await this.configured(actor.accountId, integration, resourceType);
    if (!row) return null;
    if (row.owner_id !== null) return { ownerIds: new Array<number>(count).fill(row.owner_id), assignmentIds: [] };
    const reply = await this.rpc.request(DistributionRequests.NextOwners, {
      ...actor,
      poolId: row.owner_pool_id!,
      resourceTypes: [resourceType],
      count,
      source: integration,
    });
    return { ownerIds: reply.ownerIds, assignmentIds: reply.assignmentIds };
  }

  private async configured(accountId: number, integration: Integration, resourceType: RecordResourceType): Promise<IntegrationOwnerRow | null> {
    const key = `${accountId}:${integration}:${resourceType}`;
    const cached = this.cache.get(key);
    if (cached && cached.expires > Date.now()) return cached.row;
    const row = await this.transactions.read((tx) => this.owners.find(tx, accountId, integration, resourceType));
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { row, expires: Date.now() + CACHE_MS });
    return row;
  }

  private forget(accountId: number): void {
    for (const key of this.cache.keys()) if (key.startsWith(`${accountId}:`)) this.cache.delete(key);
  }
}

function checkKey(integration: Integration, resourceType: RecordResourceType): void {
  if (!INTEGRATIONS.includes(integration)) throw DomainError.notFound('integration', integration);
  if (!RESOURCE_TYPES.includes(resourceType)) throw DomainError.notFound('integration_owner', resourceType);
}

function toDto(row: IntegrationOwnerRow): IntegrationOwnerDto {
  return {
    integration: row.integration,
    resource_type: row.resource_type,
    owner_id: row.owner_id,
    owner_pool_id: row.owner_pool_id,
    updated_at: row.updated_at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
}
