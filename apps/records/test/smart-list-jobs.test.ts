import { factories, outboxEvents, startStack, Stack } from '@crm/testing';
import { Client } from 'pg';
import request from 'supertest';
import { recordsService } from '../src/app';
import { Api, Auth, createSmartList, teamAccount, TeamAccount, waitForJob } from './smart-list-support';

/**
 * Bulk actions on smart lists as jobs, through the gateway on real Postgres + NATS: rights, bad
 * input, and the snapshot rule for a list that changes while its job runs.
 */
describe('smart list bulk jobs', () => {
  let stack: Stack;
  let api: Api;
  let team: TeamAccount;
  let db: Client;

  beforeAll(async () => {
    stack = await startStack({ services: [recordsService, 'gateway'] });
    api = request(stack.gatewayUrl);
    team = await teamAccount(stack, api);
    db = new Client({ connectionString: stack.database.url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  const newLead = async (auth: Auth, data: object = {}) => (await api.post('/v2/leads').set(auth).send({ data: factories.lead(data) }).expect(200)).body.data;
  const getLead = async (id: number) => (await api.get(`/v2/leads/${id}`).set(team.admin).expect(200)).body.data;
  const jobCount = async () => (await db.query('SELECT count(*)::int AS n FROM records.jobs')).rows[0].n as number;
  const bulk = (list: number, auth: Auth, data: object) => api.post(`/v2/smart_lists/${list}/bulk_actions`).set(auth).send({ data });
  /** Ids of the leads whose `records.lead.updated.v1` events say `changed`. */
  const updatedEvents = async (changed: string, ids: number[]) =>
    (
      await db.query(
        `SELECT (payload->>'id')::int AS id FROM ${outboxEvents('records')}
         WHERE subject = 'records.lead.updated.v1' AND payload->'changed' = $1::jsonb AND (payload->>'id')::int = ANY($2) ORDER BY 1`,
        [JSON.stringify([changed]), ids],
      )
    ).rows.map((r) => r.id as number);

  const lockWaits = async () =>
    (await db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).rows[0].n as number;
  /** Many leads at once, in SQL (the API would take minutes). */
  const insertLeads = async (count: number, tag: string): Promise<number[]> =>
    (
      await db.query(
        `INSERT INTO records.leads (account_id, creator_id, owner_id, last_name, tags)
         SELECT $1, $2, $2, 'Bulk ' || n, ARRAY[$3] FROM generate_series(1, $4::int) AS n RETURNING id`,
        [team.accountId, team.adminId, tag, count],
      )
    ).rows.map((r) => r.id as number);

  it('refuses reassignment without the right (403) and bad actions (422), and queues nothing', async () => {
    const list = await createSmartList(api, team.admin, 'lead', {});
    const before = await jobCount();
    const refused = await bulk(list, team.rep, { action: 'reassign_owner', owner_id: team.repId }).expect(403);
    expect(refused.body.errors[0].error.code).toBe('forbidden');
    const other = await teamAccount(stack, api);
    const inactive = (await api.post('/v2/users').set(team.admin).send({ data: factories.user() }).expect(200)).body.data;
    await api.put(`/v2/users/${inactive.id}`).set(team.admin).send({ data: { status: 'inactive' } }).expect(200);
    for (const [data, field] of [
      [{ action: 'reassign_owner', owner_id: inactive.id }, '/owner_id'],
      [{ action: 'reassign_owner', owner_id: other.adminId }, '/owner_id'],
      [{ action: 'reassign_owner' }, '/owner_id'],
      [{ action: 'reassign_owner', owner_id: team.repId, tag: 'x' }, '/tag'],
      [{ action: 'add_tag', tag: '  ' }, '/tag'],
      [{ action: 'remove_tag', tag: 'x', owner_id: team.repId }, '/owner_id'],
      [{ action: 'merge' }, '/action'],
      [{ action: 'add_tag', tag: 'x', colour: 'red' }, '/colour'],
    ] as const) {
      const response = await bulk(list, team.admin, data).expect(422);
      expect(response.body.errors.map((e: { error: { field: string } }) => e.error.field)).toContain(field);
    }
    await bulk(999_999, team.admin, { action: 'add_tag', tag: 'x' }).expect(404);
    expect(await jobCount()).toBe(before);
  });

  it('tags and untags the records the user may see, with an event for each record it changed', async () => {
    const own = [await newLead(team.rep, { tags: ['campaign'] }), await newLead(team.rep, { tags: ['campaign'] })];
    const others = [await newLead(team.admin, { tags: ['campaign'] }), await newLead(team.admin, { tags: ['campaign'] })];
    const list = await createSmartList(api, team.admin, 'lead', { tags: ['campaign'] });

    const started = await bulk(list, team.rep, { action: 'add_tag', tag: 'Q3' }).expect(202);
    expect(started.body).toMatchObject({ data: { type: 'add_tag', total: 2, smart_list_id: list, resource_type: 'lead' }, meta: { type: 'job' } });
    expect(await waitForJob(api, team.rep, started.body.data.id)).toMatchObject({ status: 'completed', processed: 2, progress: 1, error: null });
    for (const lead of own) expect((await getLead(lead.id)).tags).toEqual(['campaign', 'Q3']);
    for (const lead of others) expect((await getLead(lead.id)).tags).toEqual(['campaign']);
    await api.get(`/v2/jobs/${started.body.data.id}`).set(team.admin).expect(200);

    // Already tagged, ignoring case: nothing to change, so no update and no event.
    const again = (await bulk(list, team.rep, { action: 'add_tag', tag: 'q3' }).expect(202)).body.data;
    await waitForJob(api, team.rep, again.id);
    const untag = (await bulk(list, team.admin, { action: 'remove_tag', tag: 'CAMPAIGN' }).expect(202)).body.data;
    await api.get(`/v2/jobs/${untag.id}`).set(team.rep).expect(404);
    expect(await waitForJob(api, team.admin, untag.id)).toMatchObject({ status: 'completed', total: 4, processed: 4 });
    for (const lead of [...own, ...others]) expect((await getLead(lead.id)).tags).not.toContain('campaign');
    const ids = [...own, ...others].map((l) => l.id);
    expect(await updatedEvents('tags', ids)).toEqual([...own.map((l) => l.id), ...own.map((l) => l.id), ...others.map((l) => l.id)].sort((a, b) => a - b));

    const empty = (await bulk(list, team.admin, { action: 'add_tag', tag: 'none' }).expect(202)).body.data;
    expect(empty).toMatchObject({ status: 'completed', total: 0, progress: 1 });
  });

  it('snapshots lists that filter on custom fields, typed as the field is', async () => {
    await api.post('/v2/leads/custom_fields').set(team.admin).send({ data: { name: 'Newsletter', type: 'bool' } }).expect(200);
    const yes = await newLead(team.admin, { custom_fields: { Newsletter: true } });
    await newLead(team.admin, { custom_fields: { Newsletter: false } });
    const list = await createSmartList(api, team.admin, 'lead', { custom_fields: { Newsletter: 'true' } });
    const job = (await bulk(list, team.admin, { action: 'add_tag', tag: 'subscriber' }).expect(202)).body.data;
    expect(await waitForJob(api, team.admin, job.id)).toMatchObject({ status: 'completed', total: 1 });
    expect((await getLead(yes.id)).tags).toContain('subscriber');
  });

  it('acts on the snapshot taken when the job was created: later matches untouched, deleted records skipped', async () => {
    const snapshot = await Promise.all(Array.from({ length: 6 }, () => newLead(team.admin, { tags: ['batch'] })));
    const list = await createSmartList(api, team.admin, 'lead', { tags: ['batch'] });
    const doomed = snapshot[5].id;
    // An uncommitted delete: the snapshot still sees the lead, and the worker must wait for us.
    await db.query('BEGIN');
    await db.query('DELETE FROM records.leads WHERE account_id = $1 AND id = $2', [team.accountId, doomed]);
    const job = (await bulk(list, team.admin, { action: 'reassign_owner', owner_id: team.repId }).expect(202)).body.data;
    expect(job).toMatchObject({ status: 'queued', total: 6, processed: 0, progress: 0 });

    const added = await newLead(team.admin, { tags: ['batch'] });
    const changed = await newLead(team.admin);
    await api.put(`/v2/leads/${changed.id}`).set(team.admin).send({ data: { tags: ['batch'] } }).expect(200);
    const meanwhile = await waitUntil(async () => (await api.get(`/v2/jobs/${job.id}`).set(team.admin)).body.data, (j) => j.status === 'running');
    expect(meanwhile.processed).toBe(0);
    await db.query('COMMIT');

    expect(await waitForJob(api, team.admin, job.id)).toMatchObject({ status: 'completed', total: 6, processed: 6, progress: 1 });
    for (const lead of snapshot.slice(0, 5)) expect((await getLead(lead.id)).owner_id).toBe(team.repId);
    for (const lead of [added, changed]) expect((await getLead(lead.id)).owner_id).toBe(team.adminId);
    await api.get(`/v2/leads/${doomed}`).set(team.admin).expect(404);
    expect(await updatedEvents('owner_id', [...snapshot, added, changed].map((l) => l.id))).toEqual(snapshot.slice(0, 5).map((l) => l.id).sort((a, b) => a - b));
    expect((await db.query('SELECT count(*)::int AS n FROM records.job_items WHERE job_id = $1', [job.id])).rows[0].n).toBe(0);
  });

  it('stops as failed when the new owner is deactivated mid-job, keeping the chunks already done', async () => {
    const owner = (await api.post('/v2/users').set(team.admin).send({ data: factories.user() }).expect(200)).body.data;
    const first = Math.min(...(await insertLeads(5001, 'wave')));
    const list = await createSmartList(api, team.admin, 'lead', { tags: ['wave'] });
    await db.query('BEGIN');
    await db.query('SELECT 1 FROM records.leads WHERE account_id = $1 AND id = $2 FOR UPDATE', [team.accountId, first]);
    const job = (await bulk(list, team.admin, { action: 'reassign_owner', owner_id: owner.id }).expect(202)).body.data;
    await waitUntil(async () => (await api.get(`/v2/jobs/${job.id}`).set(team.admin)).body.data, (j) => j.status === 'running');
    // The first chunk has checked the owner and now waits for our lock.
    await waitUntil(lockWaits, (n) => n > 0);
    await api.put(`/v2/users/${owner.id}`).set(team.admin).send({ data: { status: 'inactive' } }).expect(200);
    await db.query('COMMIT');

    const failed = await waitForJob(api, team.admin, job.id);
    expect(failed).toMatchObject({ status: 'failed', total: 5001, processed: 5000 });
    expect(failed.error).toMatch(/not an active user/);
    const moved = await db.query('SELECT count(*)::int AS n FROM records.leads WHERE account_id = $1 AND owner_id = $2', [team.accountId, owner.id]);
    expect(moved.rows[0].n).toBe(5000);
  });

  it('resumes after the last committed chunk when a chunk is cut off, redoing nothing', async () => {
    const owner = (await api.post('/v2/users').set(team.admin).send({ data: factories.user() }).expect(200)).body.data;
    const ids = await insertLeads(5001, 'resume');
    const list = await createSmartList(api, team.admin, 'lead', { tags: ['resume'] });
    await db.query('BEGIN');
    await db.query('SELECT 1 FROM records.leads WHERE account_id = $1 AND id = $2 FOR UPDATE', [team.accountId, Math.max(...ids)]);
    const job = (await bulk(list, team.admin, { action: 'reassign_owner', owner_id: owner.id }).expect(202)).body.data;
    await waitUntil(async () => (await api.get(`/v2/jobs/${job.id}`).set(team.admin)).body.data, (j) => j.processed === 5000);
    await waitUntil(lockWaits, (n) => n > 0);
    // The second chunk's connection dies mid-statement, as in a crash: its transaction rolls back.
    await db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
    await db.query('COMMIT');

    expect(await waitForJob(api, team.admin, job.id)).toMatchObject({ status: 'completed', total: 5001, processed: 5001, error: null });
    const events = await db.query(
      `SELECT count(*)::int AS n, count(DISTINCT payload->>'id')::int AS leads FROM ${outboxEvents('records')}
       WHERE subject = 'records.lead.updated.v1' AND payload->'data'->>'owner_id' = $1`,
      [String(owner.id)],
    );
    expect(events.rows[0]).toEqual({ n: 5001, leads: 5001 });
  });
});

async function waitUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
