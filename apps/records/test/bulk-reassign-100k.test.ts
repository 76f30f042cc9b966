import type { JobDto } from '@crm/contracts';
import { factories, outboxEvents, startStack, Stack } from '@crm/testing';
import { Client } from 'pg';
import request from 'supertest';
import { recordsService } from '../src/app';
import { Api, createSmartList, waitForJob } from './smart-list-support';

const RECORDS = 100_000;

/**
 * The scale test: a smart list over 100k leads reassigned as a job through the API, with
 * progress visible on the way, every lead moved, and an update event for each in the outbox.
 */
describe('bulk reassignment of 100k leads', () => {
  let stack: Stack;
  let api: Api;
  let db: Client;

  beforeAll(async () => {
    stack = await startStack({ services: [recordsService, 'gateway'] });
    api = request(stack.gatewayUrl);
    db = new Client({ connectionString: stack.database.url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  it('completes without blocking a request, reporting progress', async () => {
    const account = await stack.createAccount();
    const owner = (await api.post('/v2/users').set(account.auth).send({ data: factories.user() }).expect(200)).body.data;
    // Straight into the table: the API would take minutes to create this many.
    await db.query(
      `INSERT INTO records.leads (account_id, creator_id, owner_id, first_name, last_name, email, tags, status)
       SELECT $1, $2, $2, 'Lead', 'Number ' || n, 'lead' || n || '@example.com', ARRAY['import'], 'New'
       FROM generate_series(1, $3::int) AS n`,
      [account.accountId, account.userId, RECORDS],
    );
    const list = await createSmartList(api, account.auth, 'lead', { tags: ['import'], status: ['New'] });
    expect((await api.get(`/v2/smart_lists/${list}/count`).set(account.auth).expect(200)).body.data.count).toBe(RECORDS);

    const started = Date.now();
    const response = await api
      .post(`/v2/smart_lists/${list}/bulk_actions`)
      .set(account.auth)
      .send({ data: { action: 'reassign_owner', owner_id: owner.id } })
      .expect(202);
    const answeredMs = Date.now() - started;
    expect(response.body.data).toMatchObject({ status: 'queued', total: RECORDS, processed: 0 });

    const seen: JobDto[] = [];
    const job = await waitForJob(api, account.auth, response.body.data.id, (j) => seen.push(j), 55_000);
    const elapsedMs = Date.now() - started;
    expect(job).toMatchObject({ status: 'completed', total: RECORDS, processed: RECORDS, progress: 1 });
    const partial = seen.filter((j) => j.progress > 0 && j.progress < 1);
    expect(partial.length).toBeGreaterThan(0);
    const progress = seen.map((j) => j.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    const moved = await createSmartList(api, account.auth, 'lead', { owner_id: [owner.id] });
    expect((await api.get(`/v2/smart_lists/${moved}/count`).set(account.auth).expect(200)).body.data.count).toBe(RECORDS);
    const events = await db.query(
      `SELECT count(*)::int AS events, count(DISTINCT (payload->>'id')::int)::int AS leads FROM ${outboxEvents('records')}
       WHERE subject = 'records.lead.updated.v1' AND account_id = $1 AND payload->'changed' = '["owner_id"]'
         AND (payload->'data'->>'owner_id')::int = $2`,
      [account.accountId, owner.id],
    );
    expect(events.rows[0]).toEqual({ events: RECORDS, leads: RECORDS });
    process.stdout.write(
      `\n100k reassignment: answered in ${answeredMs} ms, completed in ${elapsedMs} ms ` +
        `(${Math.round(RECORDS / (elapsedMs / 1000))} records/s), ${partial.length} partial progress readings\n`,
    );
  }, 90_000);
});
