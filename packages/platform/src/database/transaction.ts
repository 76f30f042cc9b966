import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * A unit of work. Services pass it to repositories and to the event publisher, so that a
 * change and the events it emits commit together; services never touch the ORM themselves.
 */
export class Tx {
  private readonly committed: (() => void)[] = [];

  constructor(readonly manager: EntityManager) {}

  /**
   * The rows a statement returns, whatever its command: TypeORM's plain `query` answers an
   * UPDATE or DELETE … RETURNING with `[rows, count]` instead of the rows.
   */
  async rows<T>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    const ownRunner = this.manager.queryRunner ? undefined : this.manager.connection.createQueryRunner();
    const runner = this.manager.queryRunner ?? ownRunner!;
    try {
      return (await runner.query(sql, parameters, true)).records as T[];
    } finally {
      await ownRunner?.release();
    }
  }

  /** Run after a successful commit (e.g. wake the outbox relay). */
  afterCommit(hook: () => void): void {
    this.committed.push(hook);
  }

  /** @internal */
  runAfterCommitHooks(): void {
    for (const hook of this.committed.splice(0)) hook();
  }
}

@Injectable()
export class TransactionRunner {
  constructor(private readonly dataSource: DataSource) {}

  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    let tx: Tx | undefined;
    const result = await this.dataSource.transaction(async (manager) => {
      tx = new Tx(manager);
      return work(tx);
    });
    tx?.runAfterCommitHooks();
    return result;
  }

  /** Reads that need no transaction still go through a Tx so repositories have one signature. */
  read<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.withoutTransaction(work);
  }

  /**
   * One write statement that is atomic on its own (an INSERT … SELECT of several rows, say), sent
   * without BEGIN and COMMIT: one round trip instead of three. Not for work of more than one
   * statement, nor for work that publishes events (the outbox row must commit with the change).
   */
  statement<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.withoutTransaction(work);
  }

  /** Each statement on a pooled connection of its own, committed as it runs. */
  private withoutTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return work(new Tx(this.dataSource.manager));
  }
}
