import { Injectable } from '@nestjs/common';
import { Actor, ImportErrorDto, RecordsEvents } from '@crm/contracts';
import { EventPublisher, TransactionRunner, Tx } from '@crm/platform';
import { AccountBccService } from '../account-bcc/account-bcc.service';
import { NamedItemsService } from '../named-items/named-items.service';
import { rawRowToDto } from '../smart-lists/smart-lists.mapper';
import { buildRecord, ImportDefaults, TABLES } from './import-records';
import { ImportRow, ImportsRepository } from './imports.repository';

export interface ParsedRow {
  row: number;
  attributes?: Record<string, unknown>;
  error?: string;
}

/** A batch ready to write: the records to create (owners still to choose), the rows refused and skipped. */
export interface PreparedBatch {
  records: Record<string, unknown>[];
  errors: ImportErrorDto[];
  skipped: number;
}

/**
 * Turns parsed rows into records and writes them: duplicates skipped (dedupe key), the good rows
 * inserted in one statement with a `created` event each, the bad ones reported by row.
 */
@Injectable()
export class ImportWriter {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly imports: ImportsRepository,
    private readonly namedItems: NamedItemsService,
    private readonly bcc: AccountBccService,
    private readonly events: EventPublisher,
  ) {}

  /** Before owners are chosen, so that a pool gives turns only to records that will exist. */
  async prepare(job: ImportRow, defaults: ImportDefaults, rows: ParsedRow[]): Promise<PreparedBatch> {
    const errors: ImportErrorDto[] = rows.filter((r) => r.error).map((r) => ({ row: r.row, message: r.error! }));
    const valid = rows.filter((r) => r.attributes);
    const dedupe = job.dedupe_key === 'email' && job.resource_type !== 'deal';
    const seen = dedupe
      ? await this.transactions.read((tx) =>
          this.imports.existingEmails(tx, job.account_id, TABLES[job.resource_type], valid.map(emailOf).filter((e): e is string => !!e)),
        )
      : new Set<string>();
    const records: Record<string, unknown>[] = [];
    let skipped = 0;
    for (const parsed of valid) {
      const email = dedupe ? emailOf(parsed) : undefined;
      if (email && seen.has(email)) {
        skipped++;
        continue;
      }
      if (email) seen.add(email); // the same email again further down the batch
      const built = buildRecord(job.resource_type, parsed.attributes!, 0, defaults);
      if ('error' in built) errors.push({ row: parsed.row, message: built.error });
      else records.push(built.record);
    }
    return { records, errors, skipped };
  }

  /** In the batch's transaction: `owners[i]` owns `batch.records[i]`. */
  async write(tx: Tx, job: ImportRow, batch: PreparedBatch, owners: number[]): Promise<number> {
    const actor: Actor = { accountId: job.account_id, userId: job.creator_id, correlationId: job.correlation_id ?? undefined };
    const records: Record<string, unknown>[] = batch.records.map((record, i) => ({ ...record, owner_id: owners[i] }));
    const tags = [...new Set(records.flatMap((record) => record.tags as string[]))];
    if (tags.length > 0) await this.namedItems.ensureTags(tx, actor, job.resource_type, tags);
    const inserted = records.length > 0 ? await this.imports.insertRecords(tx, TABLES[job.resource_type], Object.keys(records[0]), records) : [];
    const bcc = job.resource_type === 'contact' && inserted.length > 0 ? await this.bcc.emailOf(tx, job.account_id) : null;
    await this.events.publishMany(
      tx,
      RecordsEvents[job.resource_type].created,
      inserted.map((row) => ({
        accountId: job.account_id,
        correlationId: actor.correlationId,
        entity: job.resource_type,
        id: row.id as number,
        actorId: job.creator_id,
        data: rawRowToDto(job.resource_type, row, bcc),
      })),
    );
    await this.imports.addErrors(tx, job.id, batch.errors);
    return inserted.length;
  }
}

function emailOf(row: ParsedRow): string | undefined {
  const email = row.attributes?.email;
  return typeof email === 'string' && email ? email.toLowerCase() : undefined;
}
