import type { ProcessStack } from '@crm/testing';
import { createReadStream, createWriteStream, openAsBlob, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { CpuMeter, pidsMatching } from '../cpu';

export interface ImportFigures {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssMb: number;
  spread: number;
  copyRowsPerSecond: number;
  /** CPU per 1,000 rows imported, per process group (ms), and cores used over the import. */
  cpu: { name: string; msPerThousandRows: number; cores: number }[];
}

/**
 * (b) of the distribution benchmark: a CSV of `rows` leads uploaded through the gateway into a
 * lead pool, timed from upload to completion, with the importing service's peak memory (VmHWM)
 * and the spread between the pool's members; baseline: Postgres COPY of the same file.
 */
export async function importIntoPool(
  stack: ProcessStack,
  pool: Pool,
  headers: Record<string, string>,
  poolId: number,
  rows: number,
): Promise<ImportFigures> {
  const file = path.join(tmpdir(), `bench-import-${Date.now()}.csv`);
  try {
    await writeCsv(file, rows);
    const form = new FormData();
    form.append('resource_type', 'lead');
    form.append('owner_pool_id', String(poolId));
    form.append('file', await openAsBlob(file), 'leads.csv');
    const cpu = new CpuMeter({
      gateway: () => [stack.pid('gateway')!],
      records: () => [stack.pid('records')!],
      distribution: () => [stack.pid('distribution')!],
      postgres: () => pidsMatching(`${stack.database.name} `),
      'nats-server': () => pidsMatching('nats-server'),
    });
    cpu.start();
    const started = Date.now();
    const response = await fetch(`${stack.gatewayUrl}/v2/imports`, { method: 'POST', headers: { Authorization: headers.Authorization }, body: form });
    if (response.status !== 202) throw new Error(`import refused: ${response.status} ${await response.text()}`);
    const id = ((await response.json()) as { data: { id: number } }).data.id;
    let job: { status: string; rows_created: number; error: string | null };
    do {
      await new Promise((resolve) => setTimeout(resolve, 500));
      job = ((await (await fetch(`${stack.gatewayUrl}/v2/imports/${id}`, { headers })).json()) as { data: typeof job }).data;
    } while (job.status !== 'completed' && job.status !== 'failed');
    const seconds = (Date.now() - started) / 1000;
    const used = cpu.stop();
    if (job.status === 'failed') throw new Error(`import failed: ${job.error}`);
    const { rows: counts } = await pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM records.leads WHERE last_name = 'Imported' GROUP BY owner_id`,
    );
    const perOwner = counts.map((c) => Number(c.n));

    await pool.query(`CREATE TABLE public.bench_copy (first_name text, last_name text, email text, phone text, city text)`);
    const copyStarted = Date.now();
    const client = await pool.connect();
    try {
      await pipeline(createReadStream(file), client.query(copyFrom(`COPY public.bench_copy FROM STDIN WITH (FORMAT csv, HEADER true)`)));
    } finally {
      client.release();
    }
    const copySeconds = (Date.now() - copyStarted) / 1000;
    return {
      rows: job.rows_created,
      seconds,
      rowsPerSecond: job.rows_created / seconds,
      peakRssMb: peakRssMb(stack.pid('records')),
      spread: Math.max(...perOwner) - Math.min(...perOwner),
      copyRowsPerSecond: rows / copySeconds,
      cpu: Object.entries(used.cores).map(([name, cores]) => ({
        name,
        cores,
        msPerThousandRows: (cores * used.seconds * 1_000_000) / Math.max(1, job.rows_created),
      })),
    };
  } finally {
    rmSync(file, { force: true });
  }
}

async function writeCsv(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  const write = (line: string) => (out.write(line) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())));
  await write('first_name,last_name,email,phone,city\n');
  for (let i = 0; i < rows; i++) await write(`Person${i},Imported,person${i}@import.bench,+1415555${String(i % 10_000).padStart(4, '0')},City${i % 100}\n`);
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

/** The process's peak resident memory (Linux), in MB; NaN elsewhere. */
function peakRssMb(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}
