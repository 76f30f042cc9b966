import { Pool } from 'pg';
import { measureHttp, measureLoop, printTable } from '../measure';
import { importIntoPool } from './import';
import { startDeployedStack } from '../deployment-env';
import { describeCeilings, measureCeilings } from '../ceiling/ceilings';

const ASSIGNMENTS = 10_000;
const MEMBERS = 7;
const CONNECTIONS = 64;
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);

/**
 * (a) 10k single assignments from 64 parallel HTTP clients over a 7-member pool, through the
 * gateway with records, distribution and gateway as separate processes; prints assignments/s and
 * the spread between members (must be ≤ 1). Baseline: the same locked read-modify-write of a
 * round-robin cursor plus a log row, done directly in SQL through `pg` at the same concurrency.
 * (b) a CSV import of 1M leads (BENCH_IMPORT_ROWS) into a lead pool: rows/s, the records
 * process's peak memory and the spread, against Postgres COPY of the same file.
 */
export async function distributionBenchmark(): Promise<void> {
  const stack = await startDeployedStack(['records', 'distribution', 'gateway'], { LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: '20' });
  const pool = new Pool({ connectionString: stack.database.url, max: CONNECTIONS });
  try {
    const account = await stack.createAccount('Bench');
    const headers = { ...account.auth, 'Content-Type': 'application/json' };
    const userIds: number[] = [];
    for (let i = 0; i < MEMBERS; i++) {
      const user = await post(stack.gatewayUrl, '/v2/users', headers, { name: `Member ${i}`, email: `member${i}@bench.test` });
      userIds.push(user.id);
    }
    const distributionPool = await post(stack.gatewayUrl, '/v2/distribution_pools', headers, {
      name: 'Bench pool',
      resource_type: 'lead',
      members: userIds.map((user_id) => ({ user_id })),
    });

    await pool.query(`CREATE TABLE public.bench_cursor (id int PRIMARY KEY, turn bigint NOT NULL)`);
    await pool.query(`CREATE TABLE public.bench_log (id bigserial PRIMARY KEY, user_id int NOT NULL, created_at timestamptz DEFAULT now())`);
    await pool.query(`INSERT INTO public.bench_cursor VALUES (1, 0)`);
    const baseline = await measureLoop('SQL: lock cursor, advance, log (pg)', CONNECTIONS, 5_000, async () => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query<{ turn: string }>('UPDATE public.bench_cursor SET turn = turn + 1 WHERE id = 1 RETURNING turn');
        await client.query('INSERT INTO public.bench_log (user_id) VALUES ($1)', [userIds[Number(rows[0].turn) % MEMBERS]]);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    });

    const assignments = await measureHttp(`POST next_owner (${ASSIGNMENTS})`, {
      url: `${stack.gatewayUrl}/v2/distribution_pools/${distributionPool.id}/next_owner`,
      method: 'POST',
      connections: CONNECTIONS,
      amount: ASSIGNMENTS,
      headers,
    });
    const { rows } = await pool.query<{ user_id: number; n: string }>(
      `SELECT user_id, count(*) AS n FROM distribution.assignments WHERE pool_id = $1 GROUP BY user_id`,
      [distributionPool.id],
    );
    const counts = rows.map((row) => Number(row.n));
    const spread = Math.max(...counts) - Math.min(...counts);
    const ceilings = await measureCeilings(stack.gatewayUrl, CONNECTIONS, 5_000, account.auth);

    process.stdout.write(`\ndistribution benchmark: ${MEMBERS} members, ${CONNECTIONS} parallel HTTP clients\n`);
    printTable([baseline, { ...assignments, baseline }, ...ceilings.map((ceiling) => ({ ...ceiling, baseline }))]);
    process.stdout.write(
      `\nassignments per member: ${counts.join(', ')} (spread ${spread}, must be <= 1); ` +
        `target >= 3000 assignments/s: ${assignments.rps.toFixed(0)}/s\n(${describeCeilings(ceilings)})\n`,
    );
    if (spread > 1 || counts.length !== MEMBERS) process.exitCode = 1;

    const imported = await importIntoPool(stack, pool, headers, distributionPool.id, IMPORT_ROWS);
    process.stdout.write(
      `\n(b) CSV import of ${imported.rows} leads into the pool: ${imported.seconds.toFixed(1)} s, ` +
        `${imported.rowsPerSecond.toFixed(0)} rows/s (${((imported.rowsPerSecond / imported.copyRowsPerSecond) * 100).toFixed(0)}% of COPY's ` +
        `${imported.copyRowsPerSecond.toFixed(0)} rows/s), records peak RSS ${imported.peakRssMb.toFixed(0)} MB, spread ${imported.spread}\n` +
        `targets: >= 25000 rows/s, RSS < 300 MB, >= 20% of COPY\n` +
        `CPU per 1,000 rows imported (ms; cores over the import in brackets):\n` +
        imported.cpu.map((group) => `  ${group.name}: ${group.msPerThousandRows.toFixed(0)} (${group.cores.toFixed(2)})\n`).join(''),
    );
    if (imported.spread > 1) process.exitCode = 1;
  } finally {
    await pool.end();
    await stack.stop();
  }
}

async function post(base: string, path: string, headers: Record<string, string>, data: unknown): Promise<{ id: number }> {
  const response = await fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify({ data }) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { data: { id: number } }).data;
}
