import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * A unit of work. Services pass it to repositories and to the event publisher, so that a
 * change and the events it emits commit together; services never touch the ORM themselves.
 */
export class Tx {
  private readonly committed: (() => void)[] = [];

  constructor(readonly manager: EntityManager) {}

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
    return work(new Tx(this.dataSource.manager));
  }
}
