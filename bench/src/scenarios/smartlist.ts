import { Pool } from 'pg';
import { Figures, measureHttp, measureLoop, printTable } from '../measure';
import { BULK_RECORDS, BULK_TAG_API, BULK_TAG_SQL, loadLeads } from './smartlist-data';
import { startDeployedStack } from '../deployment-env';

const CONNECTIONS = 8;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 10_000);
const LEADS = Number(process.env.BENCH_SMARTLIST_LEADS ?? 1_000_000);
const OWNERS = 20;

/** The SQL the records service runs for the three-filter list, for the baseline (leads' default order). */
const THREE_FILTERS = `l.account_id = $1 AND l.owner_id = ANY($2::int[]) AND l.status = ANY($3::text[])
  AND records.lowercase_tags(l.tags) && $4::text[]`;
const SEARCH = `l.account_id = $1 AND l.status = ANY($3::text[]) AND lower(coalesce(l.first_name, '') || ' ' || coalesce(l.last_name, '') || ' ' ||
  coalesce(l.organization_name, '') || ' ' || coalesce(l.email, '') || ' ' || coalesce(l.phone, '') || ' ' || coalesce(l.mobile, '') || ' ' ||
  coalesce(l.phone_e164, '') || ' ' || coalesce(l.mobile_e164, '')) LIKE lower($2)`;
const PAGE_1 = (where: string) => `SELECT * FROM records.leads l WHERE ${where} ORDER BY l.updated_at ASC NULLS FIRST, l.id ASC LIMIT 26`;
const COUNT = (where: string) => `SELECT count(*)::int FROM records.leads l WHERE ${where}`;

/**
 * A smart list with three filters (owner among 3 of 20, status, tag) over 1M leads: page 1 and
 * the count through the gateway against the same queries straight through `pg`; then a text
 * search (trigram index); then a bulk reassignment of 100k leads as a job through the API,
 * from the request to completion, against the same UPDATE run directly in SQL.
 */
export async function smartListBenchmark(): Promise<void> {
  const stack = await startDeployedStack(['records', 'gateway'], {
    LOG_LEVEL: 'warn',
    DATABASE_POOL_SIZE: String(CONNECTIONS + 2),
  });
  const pool = new Pool({ connectionString: stack.database.url, max: CONNECTIONS });
  try {
    const account = await stack.createAccount('Bench');
    const headers = { ...account.auth, 'Content-Type': 'application/json' };
    const api = async (method: string, url: string, data?: object) => {
      const response = await fetch(`${stack.gatewayUrl}${url}`, { method, headers, body: data ? JSON.stringify({ data }) : undefined });
      if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { data: Record<string, unknown> }).data;
    };
    const owners: number[] = [];
    for (let i = 0; i <= OWNERS; i++) owners.push((await api('POST', '/v2/users', { name: `Owner ${i}`, email: `owner${i}@bench.test` })).id as number);
    const newOwner = owners.pop()!;

    const loadStarted = Date.now();
    await loadLeads(pool, account.accountId, account.userId, owners, LEADS, (done) => process.stdout.write(`\rloaded ${done} leads`));
    process.stdout.write(` in ${((Date.now() - loadStarted) / 1000).toFixed(1)} s (SQL with every index, then VACUUM ANALYZE)\n`);

    const picked = owners.slice(0, 3);
    const list = await api('POST', '/v2/smart_lists', { name: 'Hot new', resource_type: 'lead', filters: { owner_id: picked, status: ['New'], tags: ['vip'] } });
    const search = await api('POST', '/v2/smart_lists', { name: 'Search', resource_type: 'lead', filters: { q: 'lovelace', status: ['New'] } });
    const threeParams = [account.accountId, picked, ['New'], ['vip']];
    const searchParams = [account.accountId, '%lovelace%', ['New']];
    const [{ count: matching }] = (await pool.query(COUNT(THREE_FILTERS), threeParams)).rows;
    const [{ count: found }] = (await pool.query(COUNT(SEARCH), searchParams)).rows;
    process.stdout.write(`three-filter list matches ${matching} leads, search list ${found}\n`);

    const phase = async (name: string, sql: string, params: unknown[], url: string): Promise<[Figures, Figures]> => {
      const baseline = await measureLoop(`${name}: SQL (pg)`, CONNECTIONS, DURATION_MS, () => pool.query(sql, params));
      const measured = await measureHttp(`${name}: ${url}`, { url: `${stack.gatewayUrl}${url}`, connections: CONNECTIONS, durationMs: DURATION_MS, headers });
      return [baseline, measured];
    };
    const [pageSql, pageApi] = await phase('page 1, 3 filters', PAGE_1(THREE_FILTERS), threeParams, `/v2/smart_lists/${list.id}/leads?per_page=25`);
    const [countSql, countApi] = await phase('count, 3 filters', COUNT(THREE_FILTERS), threeParams, `/v2/smart_lists/${list.id}/count`);
    const [searchSql, searchApi] = await phase('page 1, q + status', PAGE_1(SEARCH), searchParams, `/v2/smart_lists/${search.id}/leads?per_page=25`);

    const bulkSql = await timed(`reassign ${BULK_RECORDS} (one UPDATE)`, async () => {
      const result = await pool.query(
        `UPDATE records.leads SET owner_id = $2, updated_at = now() WHERE account_id = $1 AND records.lowercase_tags(tags) && ARRAY[$3]`,
        [account.accountId, newOwner, BULK_TAG_SQL],
      );
      return result.rowCount ?? 0;
    });
    const bulkList = await api('POST', '/v2/smart_lists', { name: 'Bulk', resource_type: 'lead', filters: { tags: [BULK_TAG_API] } });
    let answeredMs = 0;
    const bulkApi = await timed(`reassign ${BULK_RECORDS} (job via API)`, async () => {
      const started = Date.now();
      const job = await api('POST', `/v2/smart_lists/${bulkList.id}/bulk_actions`, { action: 'reassign_owner', owner_id: newOwner });
      answeredMs = Date.now() - started;
      for (;;) {
        const state = await api('GET', `/v2/jobs/${job.id}`);
        if (state.status === 'completed') return state.processed as number;
        if (state.status === 'failed') throw new Error(`bulk job failed: ${String(state.error)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });

    process.stdout.write(`\nsmartlist benchmark: ${LEADS} leads, ${CONNECTIONS} connections, ${DURATION_MS / 1000} s per phase\n`);
    printTable([
      pageSql,
      { ...pageApi, baseline: pageSql },
      countSql,
      { ...countApi, baseline: countSql },
      searchSql,
      { ...searchApi, baseline: searchSql },
      bulkSql,
      { ...bulkApi, baseline: bulkSql },
    ]);
    process.stdout.write(
      `\np95 latency, API vs SQL: page 1 ${pageApi.p95.toFixed(1)} vs ${pageSql.p95.toFixed(1)} ms, ` +
        `count ${countApi.p95.toFixed(1)} vs ${countSql.p95.toFixed(1)} ms, search ${searchApi.p95.toFixed(1)} vs ${searchSql.p95.toFixed(1)} ms\n` +
        `bulk reassignment: ${bulkApi.rps.toFixed(0)} records/s through the API (request answered in ${answeredMs} ms) ` +
        `vs ${bulkSql.rps.toFixed(0)} records/s for the bare UPDATE (${((bulkApi.rps / bulkSql.rps) * 100).toFixed(0)}%); ` +
        `the job also writes an update event per record\n`,
    );
  } finally {
    await pool.end();
    await stack.stop();
  }
}

/** One run of `work`, which returns how many records it handled: records/s as req/s, no latency percentiles. */
async function timed(name: string, work: () => Promise<number>): Promise<Figures> {
  const started = process.hrtime.bigint();
  const records = await work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { name: `${name} records/s`, requests: records, errors: 0, rps: records / seconds, p50: NaN, p95: NaN, p99: NaN };
}
