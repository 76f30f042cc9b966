import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DistributionRequests, DomainError, RecordsEvents } from '@crm/contracts';
import { BackgroundLoop, EventPublisher, RpcClient, TransactionRunner } from '@crm/platform';
import { parse, Parser } from 'csv-parse';
import { ColumnTarget, resolveColumns } from './import-columns';
import type { ImportDefaults } from './import-records';
import { rowToAttributes } from './import-rows';
import { ImportWriter, ParsedRow } from './import-writer';
import { toImportDto } from './imports.mapper';
import { ImportRow, ImportsRepository } from './imports.repository';

/** Rows per transaction. */
const BATCH = 2000;
/** A worker renews its lease with every batch; a crashed worker's import is taken up after this. */
const LEASE_SECONDS = 120;
const POLL_MS = 1000;

/**
 * Works through uploaded imports: streams the stored chunks through csv-parse (constant memory
 * whatever the file's size), validates each row as the API would, and writes batches, each one
 * transaction with its progress. An import interrupted by a crash resumes after its last batch.
 */
@Injectable()
export class ImportWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ImportWorker');
  private readonly loop = new BackgroundLoop(() => this.step(), POLL_MS);
  private lastSweep = 0;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly imports: ImportsRepository,
    private readonly writer: ImportWriter,
    private readonly rpc: RpcClient,
    private readonly events: EventPublisher,
  ) {}

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }

  nudge = (): void => this.loop.nudge();

  /** One import, start to end; false when there was none waiting. */
  private async step(): Promise<boolean> {
    if (Date.now() - this.lastSweep > 60_000) {
      this.lastSweep = Date.now();
      await this.transactions.run((tx) => this.imports.failAbandonedUploads(tx)).catch(() => undefined);
    }
    const job = await this.transactions.run((tx) => this.imports.claim(tx, LEASE_SECONDS)).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'could not claim an import');
      return null;
    });
    if (!job) return false;
    await this.process(job);
    return true;
  }

  private async process(job: ImportRow): Promise<void> {
    let outcome: string | null = null;
    try {
      outcome = await this.stream(job);
    } catch (error) {
      outcome = error instanceof DomainError ? error.message : error instanceof Error ? error.message : String(error);
      this.logger.warn({ err: error, importId: job.id }, 'import failed');
    }
    if (!this.loop.isRunning && outcome === 'stopped') return; // shutting down: another worker resumes it
    await this.transactions
      .run(async (tx) => {
        const finished = await this.imports.finish(tx, job, outcome);
        await this.events.publish(tx, RecordsEvents.import.updated, {
          accountId: job.account_id,
          correlationId: job.correlation_id ?? undefined,
          entity: 'import',
          id: job.id,
          actorId: job.creator_id,
          data: toImportDto(finished),
        });
      })
      .catch((error: unknown) => this.logger.warn({ err: error, importId: job.id }, 'could not record the end of an import'));
  }

  /** Null when every row was handled (good or bad); otherwise why the import as a whole failed. */
  private async stream(job: ImportRow): Promise<string | null> {
    const loaded = await this.transactions.read((tx) => this.imports.defaultsFor(tx, job.account_id, job.resource_type));
    const defaults: ImportDefaults = { ...loaded, accountId: job.account_id, creatorId: job.creator_id };
    const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true });
    const progress = { bytesRead: 0 };
    const feeding = this.feed(job, parser, progress);
    let columns: ColumnTarget[] | undefined;
    let batch: ParsedRow[] = [];
    let rowsRead = job.rows_read;
    // One batch is written while the next is parsed and validated; batches still commit one after
    // another, so the dedupe check sees every earlier batch and a pool's turns follow row order.
    let writing: Promise<void> = Promise.resolve();
    const write = async (rows: ParsedRow[], read: number, bytes: number) => {
      await writing;
      writing = this.flush(job, defaults, rows, read, bytes);
      writing.catch(() => undefined); // awaited before the next batch or at the end
    };
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { records: number } }>) {
      if (!columns) {
        const resolved = resolveColumns(record, job.mapping, job.resource_type, loaded.customFields);
        if ('error' in resolved) {
          parser.destroy();
          return resolved.error;
        }
        columns = resolved.columns;
        continue;
      }
      if (info.records - 1 <= job.rows_read) continue; // done before a restart
      batch.push({ row: info.records, ...rowToAttributes(record, columns, job.resource_type) });
      rowsRead = info.records - 1;
      if (batch.length >= BATCH) {
        await write(batch, rowsRead, progress.bytesRead);
        batch = [];
      }
      if (!this.loop.isRunning) {
        await writing;
        return 'stopped';
      }
    }
    await feeding;
    if (!columns) return 'the file is empty: it needs a header row and at least one record';
    await write(batch, rowsRead, progress.bytesRead);
    await writing;
    return null;
  }

  /** Feed the stored chunks, in order, to the parser; a byte sequence that is not UTF-8 stops the import. */
  private async feed(job: ImportRow, parser: Parser, progress: { bytesRead: number }): Promise<void> {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    try {
      for (let seq = 0; ; seq++) {
        const chunk = await this.transactions.read((tx) => this.imports.chunk(tx, job.id, seq));
        if (!chunk) break;
        progress.bytesRead += chunk.length;
        const text = decoder.decode(chunk, { stream: true });
        if (parser.destroyed) return; // the import stopped reading (e.g. no header)
        if (!parser.write(text)) {
          await new Promise((resolve) => {
            parser.once('drain', resolve);
            parser.once('close', resolve);
          });
        }
      }
      decoder.decode();
      parser.end();
    } catch (error) {
      const notUtf8 = (error as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA';
      const reason = notUtf8 ? new DomainError(422, [{ code: 'invalid', message: 'the file is not UTF-8 text' }]) : error;
      parser.destroy(reason as Error);
    }
  }

  private async flush(job: ImportRow, defaults: ImportDefaults, rows: ParsedRow[], rowsRead: number, bytesRead: number): Promise<void> {
    const prepared = await this.writer.prepare(job, defaults, rows);
    const owners = await this.ownersFor(job, prepared.records.length);
    await this.transactions.run(async (tx) => {
      const created = await this.writer.write(tx, job, prepared, owners);
      await this.imports.advance(
        tx,
        job,
        { bytesRead, rowsRead, created, failed: prepared.errors.length, skipped: prepared.skipped },
        LEASE_SECONDS,
      );
    });
  }

  /** The import's user, or the pool's next members in row order (asked before the batch's transaction). */
  private async ownersFor(job: ImportRow, count: number): Promise<number[]> {
    if (count === 0) return [];
    if (job.owner_pool_id === null) return new Array<number>(count).fill(job.owner_id ?? job.creator_id);
    const reply = await this.rpc.request(DistributionRequests.NextOwners, {
      accountId: job.account_id,
      userId: job.creator_id,
      correlationId: job.correlation_id ?? undefined,
      poolId: job.owner_pool_id,
      resourceTypes: [job.resource_type],
      count,
      source: 'import',
    });
    return reply.ownerIds;
  }
}
