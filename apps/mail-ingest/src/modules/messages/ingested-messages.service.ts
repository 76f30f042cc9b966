import { Injectable } from '@nestjs/common';
import { Actor, DomainError, IngestedMessageDto, ListQuery, Page, RecordsRequests } from '@crm/contracts';
import { RpcClient, TransactionRunner } from '@crm/platform';
import { IngestWorker } from './ingest.worker';
import { RawMessageRow, RawMessagesRepository } from './raw-messages.repository';

/** What happened to each message sent to the account's addresses: for admins, with a retry for failed ones. */
@Injectable()
export class IngestedMessagesService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly messages: RawMessagesRepository,
    private readonly worker: IngestWorker,
    private readonly rpc: RpcClient,
  ) {}

  async list(actor: Actor, query: ListQuery): Promise<Page<IngestedMessageDto>> {
    await this.requireAdmin(actor);
    const status = query.filters.status;
    if (status !== undefined && !['pending', 'filed', 'failed'].includes(status)) {
      throw DomainError.invalid('ingested_message', 'status', 'must be one of pending, filed, failed');
    }
    const { rows, hasMore } = await this.transactions.read((tx) => this.messages.list(tx, actor.accountId, query));
    return { items: rows.map(toDto), hasMore };
  }

  async get(actor: Actor, id: number): Promise<IngestedMessageDto> {
    await this.requireAdmin(actor);
    const row = await this.transactions.read((tx) => this.messages.find(tx, actor.accountId, String(id)));
    if (!row) throw DomainError.notFound('ingested_message', id);
    return toDto(row);
  }

  /** File a failed message again (e.g. once the contact data or the parser is fixed). */
  async retry(actor: Actor, id: number): Promise<IngestedMessageDto> {
    await this.requireAdmin(actor);
    const row = await this.transactions.run((tx) => this.messages.requeue(tx, actor.accountId, String(id)));
    if (!row) {
      const existing = await this.transactions.read((tx) => this.messages.find(tx, actor.accountId, String(id)));
      if (!existing) throw DomainError.notFound('ingested_message', id);
      throw DomainError.conflict('ingested_message', `only a failed message can be retried; this one is ${existing.status}`);
    }
    this.worker.nudge();
    return toDto(row);
  }

  private async requireAdmin(actor: Actor): Promise<void> {
    const { allowed } = await this.rpc.request(RecordsRequests.CheckPermission, { ...actor, permission: 'manage_settings' });
    if (!allowed) throw DomainError.forbidden('ingested_message', 'your role does not allow reading the mail ingest log (manage settings)');
  }
}

function toDto(row: RawMessageRow): IngestedMessageDto {
  return {
    id: Number(row.id),
    status: row.status,
    message_id: row.message_id,
    subject: row.subject,
    envelope_from: row.envelope_from,
    recipients: row.recipients,
    size: row.size,
    attempts: row.attempts,
    last_error: row.last_error,
    log: row.log,
    received_at: row.received_at.toISOString(),
    filed_at: row.filed_at ? row.filed_at.toISOString() : null,
  };
}
