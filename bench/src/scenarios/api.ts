import { Pool } from 'pg';
import { CpuMeter, pidsMatching } from '../cpu';
import { measureHttp, measureLoop, printTable } from '../measure';
import { startDeployedStack } from '../deployment-env';
import { describeCeilings, measureCeilings } from '../ceiling/ceilings';

const CONNECTIONS = 32;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 10_000);
/** Each ceiling's run: a reference, not a result. */
const CEILING_MS = Math.min(DURATION_MS, 5_000);

/**
 * POST /v2/leads and GET /v2/leads?per_page=100 through the gateway, with records and gateway
 * as separate processes on Postgres + NATS, against a baseline measured in the same run on the
 * same database: a raw single-row INSERT and a 100-row SELECT through `pg`.
 */
export async function apiBenchmark(): Promise<void> {
  const stack = await startDeployedStack(['records', 'gateway'], {
    LOG_LEVEL: 'warn',
    DATABASE_POOL_SIZE: String(CONNECTIONS),
  });
  const pool = new Pool({ connectionString: stack.database.url, max: CONNECTIONS });
  try {
    const account = await stack.createAccount('Bench');
    const headers = { ...account.auth, 'Content-Type': 'application/json' };
    await pool.query(`CREATE TABLE public.bench_leads (LIKE records.leads INCLUDING ALL)`);
    const lead = (i: number) => ({ first_name: 'Bench', last_name: `Lead ${i}`, email: `bench${i}@example.com`, phone: '+14155550100' });

    const rawInsert = await measureLoop('raw INSERT (pg)', CONNECTIONS, DURATION_MS, (i) => {
      const l = lead(i);
      return pool.query(
        `INSERT INTO public.bench_leads (account_id, creator_id, owner_id, first_name, last_name, email, phone, phone_e164)
         VALUES ($1, $2, $2, $3, $4, $5, $6, $6)`,
        [account.accountId, account.userId, l.first_name, l.last_name, l.email, l.phone],
      );
    });
    const cpu = new CpuMeter({
      gateway: () => [stack.pid('gateway')!],
      records: () => [stack.pid('records')!],
      postgres: () => pidsMatching(`${stack.database.name} `),
      'nats-server': () => pidsMatching('nats-server'),
      'bench client': () => [process.pid],
    });
    cpu.start();
    const create = await measureHttp('POST /v2/leads', {
      url: `${stack.gatewayUrl}/v2/leads`,
      method: 'POST',
      connections: CONNECTIONS,
      durationMs: DURATION_MS,
      headers,
      body: (i) => JSON.stringify({ data: lead(i) }),
    });
    const createCpu = cpu.stop();
    const rawSelect = await measureLoop('raw SELECT 100 rows (pg)', CONNECTIONS, DURATION_MS, () =>
      pool.query(`SELECT * FROM records.leads WHERE account_id = $1 ORDER BY updated_at, id LIMIT 100`, [account.accountId]),
    );
    const list = await measureHttp('GET /v2/leads?per_page=100', {
      url: `${stack.gatewayUrl}/v2/leads?per_page=100`,
      connections: CONNECTIONS,
      durationMs: DURATION_MS,
      headers,
    });
    const ceilings = await measureCeilings(stack.gatewayUrl, CONNECTIONS, CEILING_MS, account.auth);

    process.stdout.write(`\napi benchmark: ${CONNECTIONS} connections, ${DURATION_MS / 1000} s each, ${create.requests} leads created\n`);
    printTable([rawInsert, { ...create, baseline: rawInsert }, rawSelect, { ...list, baseline: rawSelect }, ...ceilings.map((ceiling) => ({ ...ceiling, baseline: rawInsert }))]);
    process.stdout.write(`\nCPU per created lead (ms; cores over the window in brackets):\n`);
    for (const [name, cores] of Object.entries(createCpu.cores)) {
      process.stdout.write(`  ${name}: ${((cores * createCpu.seconds * 1000) / Math.max(1, create.requests)).toFixed(2)} (${cores.toFixed(2)})\n`);
    }
    process.stdout.write(
      `\ntargets: create >= 50% of raw insert rate (${((create.rps / rawInsert.rps) * 100).toFixed(0)}%), ` +
        `p99 < 25 ms at ${CONNECTIONS} connections (create ${create.p99.toFixed(1)} ms, list ${list.p99.toFixed(1)} ms)\n` +
        `(${describeCeilings(ceilings)}; the target asks ${(rawInsert.rps / 2).toFixed(0)} creates/s)\n`,
    );
  } finally {
    await pool.end();
    await stack.stop();
  }
}
