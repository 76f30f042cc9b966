import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MAX_PER_PAGE } from '@crm/contracts';
import { RUNTIME, ServiceRuntime, Tx } from '@crm/platform';

/** What is used here of node-postgres' client, the connection under a TypeORM query runner. */
interface PgClient {
  query<R>(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: R[] }>;
}

/**
 * The Communication Center's hottest reads (the first page of each email tab, of Suggested people
 * and of the calls and texts lists; the counts) as named prepared statements: Postgres parses each
 * once per connection and, its LIMIT being a literal, soon keeps one generic plan for it, instead
 * of parsing and planning every request. On the 1M-email bench data a tab's first page took 0.3 ms of Postgres instead of 1.0-1.4
 * (pgbench, prepared against extended protocol); planning was most of the statement's time.
 *
 * Callers pass only texts from a small fixed set (tab x page size): every text stays prepared
 * on every pooled connection for its lifetime. Embedded mode serves every pg connection from
 * one PGlite session, where two connections preparing one name would collide: there the
 * statements run unnamed, as any other.
 */
@Injectable()
export class PreparedReads {
  private readonly named: boolean;
  private readonly names = new Map<string, string>();

  constructor(@Inject(RUNTIME) runtime: ServiceRuntime) {
    this.named = runtime.mode === 'distributed';
  }

  async rows<T>(tx: Tx, sql: string, params: unknown[]): Promise<T[]> {
    if (!this.named) return tx.rows<T>(sql, params);
    const ownRunner = tx.manager.queryRunner ? undefined : tx.manager.connection.createQueryRunner();
    const runner = tx.manager.queryRunner ?? ownRunner!;
    try {
      const client = (await runner.connect()) as PgClient;
      return (await client.query<T>({ name: this.nameOf(sql), text: sql, values: params })).rows;
    } finally {
      await ownRunner?.release();
    }
  }

  /** The same text always gets the same name, so a connection prepares it once. */
  private nameOf(sql: string): string {
    let name = this.names.get(sql);
    if (name === undefined) {
      name = `read_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
      this.names.set(sql, name);
    }
    return name;
  }
}

/**
 * The row limit of a first page (one more row than the page, to tell whether there is a next),
 * to be written into the SQL as a literal: only for page 1 and a page size the API allows, so
 * at most MAX_PER_PAGE texts per query ever exist. Undefined: not a first page.
 */
export function firstPageLimit(query: { page: number; perPage: number }): number | undefined {
  const { page, perPage } = query;
  return page === 1 && Number.isInteger(perPage) && perPage >= 1 && perPage <= MAX_PER_PAGE ? perPage + 1 : undefined;
}
