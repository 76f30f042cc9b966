import { Injectable } from '@nestjs/common';
import {
  Actor,
  DistributionRequests,
  DomainError,
  ImportDto,
  ImportErrorDto,
  ImportOptionsAttributes,
  ListQuery,
  Page,
  parseAttributes,
  RecordsEvents,
} from '@crm/contracts';
import { EventPublisher, RpcClient, TransactionRunner } from '@crm/platform';
import { AccessService } from '../access/access.service';
import { UsersService } from '../users/users.service';
import { ImportWorker } from './import.worker';
import { toImportDto } from './imports.mapper';
import { ImportRow, ImportsRepository } from './imports.repository';

/** Raw bytes per uploaded chunk (base64 on the wire stays under NATS's 1 MiB message). */
export const MAX_CHUNK_BYTES = 512 * 1024;

/**
 * CSV imports: created with their options, uploaded in ordered chunks, then started; the worker
 * does the rest. Importing for someone else, or through a pool, needs the reassign right.
 */
@Injectable()
export class ImportsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly imports: ImportsRepository,
    private readonly access: AccessService,
    private readonly users: UsersService,
    private readonly rpc: RpcClient,
    private readonly events: EventPublisher,
    private readonly worker: ImportWorker,
  ) {}

  async create(actor: Actor, data: unknown): Promise<ImportDto> {
    const options = parseAttributes('import', ImportOptionsAttributes, data);
    if (options.owner_id !== undefined && options.owner_pool_id !== undefined) {
      throw DomainError.invalid('import', 'owner_pool_id', 'give owner_id or owner_pool_id, not both');
    }
    if (options.dedupe_key && options.resource_type === 'deal') throw DomainError.invalid('import', 'dedupe_key', 'deals have no email to deduplicate on');
    const mapping = options.mapping ?? {};
    if (Object.values(mapping).some((value) => typeof value !== 'string')) throw DomainError.invalid('import', 'mapping', 'map each header to a field name');
    if (options.owner_pool_id !== undefined) {
      const pool = await this.rpc.request(DistributionRequests.GetPool, { ...actor, id: options.owner_pool_id }).catch((error: unknown) => {
        if (error instanceof DomainError && error.status === 404) throw DomainError.invalid('import', 'owner_pool_id', `distribution pool ${options.owner_pool_id} does not exist`);
        throw error;
      });
      if (pool.resource_type !== options.resource_type) {
        throw DomainError.invalid('import', 'owner_pool_id', `pool ${pool.id} distributes ${pool.resource_type}s, not ${options.resource_type}s`);
      }
    }
    return this.transactions.run(async (tx) => {
      const access = await this.access.load(tx, actor);
      if (options.owner_pool_id !== undefined) await this.access.require(tx, actor, 'reassign_records', 'import');
      if (options.owner_id !== undefined) {
        this.access.assertMayAssign(access, null, options.owner_id, 'import');
        await this.users.assertActiveUsers(tx, actor.accountId, 'import', 'owner_id', [options.owner_id]);
      }
      const created = await this.imports.insert(tx, {
        account_id: actor.accountId,
        resource_type: options.resource_type,
        mapping,
        owner_id: options.owner_id ?? null,
        owner_pool_id: options.owner_pool_id ?? null,
        dedupe_key: options.dedupe_key ?? null,
        creator_id: actor.userId,
        correlation_id: actor.correlationId ?? null,
      });
      return toImportDto(created);
    });
  }

  append(actor: Actor, importId: number, seq: number, base64: string): Promise<{ bytes: number }> {
    const data = Buffer.from(base64, 'base64');
    if (!Number.isInteger(seq) || seq < 0) throw DomainError.invalid('import', 'seq', 'chunks are numbered from 0');
    if (data.length === 0 || data.length > MAX_CHUNK_BYTES) throw DomainError.invalid('import', 'data', `a chunk holds 1 to ${MAX_CHUNK_BYTES} bytes`);
    return this.transactions.run(async (tx) => {
      await this.uploading(tx, actor, importId);
      return { bytes: await this.imports.appendChunk(tx, actor.accountId, importId, seq, data) };
    });
  }

  start(actor: Actor, importId: number): Promise<ImportDto> {
    return this.transactions.run(async (tx) => {
      const row = await this.uploading(tx, actor, importId);
      if (Number(row.bytes) === 0) throw DomainError.invalid('import', 'file', 'the file is empty');
      const queued = await this.imports.markQueued(tx, actor.accountId, importId);
      await this.events.publish(tx, RecordsEvents.import.created, {
        accountId: actor.accountId,
        correlationId: actor.correlationId,
        entity: 'import',
        id: importId,
        actorId: actor.userId,
        data: toImportDto(queued),
      });
      tx.afterCommit(this.worker.nudge);
      return toImportDto(queued);
    });
  }

  get(actor: Actor, importId: number): Promise<ImportDto> {
    return this.transactions.read(async (tx) => toImportDto(await this.visible(tx, actor, importId)));
  }

  /** Newest first: the actor's own imports, or every import of the account for those who see all records. */
  list(actor: Actor, query: ListQuery): Promise<Page<ImportDto>> {
    return this.transactions.read(async (tx) => {
      const access = await this.access.load(tx, actor);
      const creatorId = access.ownerScope === null ? null : actor.userId;
      const rows = await this.imports.list(tx, actor.accountId, creatorId, query.page, query.perPage);
      return { items: rows.slice(0, query.perPage).map(toImportDto), hasMore: rows.length > query.perPage };
    });
  }

  errors(actor: Actor, importId: number, afterRow: number, limit: number): Promise<ImportErrorDto[]> {
    return this.transactions.read(async (tx) => {
      await this.visible(tx, actor, importId);
      return this.imports.errors(tx, actor.accountId, importId, afterRow, Math.min(Math.max(limit, 1), 5000));
    });
  }

  /** Its creator follows an import; so does anyone who sees all records. */
  private async visible(tx: Parameters<ImportsRepository['find']>[0], actor: Actor, importId: number): Promise<ImportRow> {
    const row = await this.imports.find(tx, actor.accountId, importId);
    const access = await this.access.load(tx, actor);
    if (!row || (row.creator_id !== actor.userId && access.ownerScope !== null)) throw DomainError.notFound('import', importId);
    return row;
  }

  private async uploading(tx: Parameters<ImportsRepository['find']>[0], actor: Actor, importId: number): Promise<ImportRow> {
    const row = await this.imports.find(tx, actor.accountId, importId);
    if (!row || row.creator_id !== actor.userId) throw DomainError.notFound('import', importId);
    if (row.status !== 'uploading') throw DomainError.conflict('import', `import ${importId} is ${row.status}, no longer uploading`);
    return row;
  }
}
