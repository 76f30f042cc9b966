import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** One COPY of the rows `row(i)` makes for i < total (null: none), streamed in 64 KB chunks: bulk seeding for the benchmarks. */
export async function copyRows(pool: Pool, sql: string, total: number, row: (i: number) => string | null, onProgress: (done: number) => void): Promise<void> {
  function* chunks(): Generator<string> {
    let chunk = '';
    for (let i = 0; i < total; i++) {
      const rows = row(i);
      if (rows !== null) chunk += rows;
      if (chunk.length >= 65_536) {
        yield chunk;
        chunk = '';
      }
      if ((i + 1) % 50_000 === 0 || i + 1 === total) onProgress(i + 1);
    }
    if (chunk) yield chunk;
  }
  const client = await pool.connect();
  try {
    await pipeline(Readable.from(chunks()), client.query(copyFrom(sql)));
  } finally {
    client.release();
  }
}
