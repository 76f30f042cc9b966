import { MailEvents, RecordsEvents, RecordsRequests as R } from '@crm/contracts';
import { factories, outboxEvents, startStack, Stack } from '@crm/testing';
import { Client } from 'pg';
import request from 'supertest';
import { recordsService } from '../src/app';
import { eventually, publishEvent } from './mail-event-support';

type Account = Awaited<ReturnType<Stack['createAccount']>>;

/** mail-ingest's address events, consumed by records' durable consumer: contacts show the BCC address, deals their dropbox. */
describe('mail address events over JetStream', () => {
  let stack: Stack;
  let api: ReturnType<typeof request>;
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

  const contactBcc = async (account: Account, id: number) =>
    (await api.get(`/v2/contacts/${id}`).set(account.auth).expect(200)).body.data.bcc_email as string | null;

  it('shows the account BCC address on every contact once it is announced, and ignores an older announcement', async () => {
    const account = await stack.createAccount();
    const other = await stack.createAccount();
    const contact = (await api.post('/v2/contacts').set(account.auth).send({ data: factories.person() }).expect(200)).body.data;
    const stranger = (await api.post('/v2/contacts').set(other.auth).send({ data: factories.person() }).expect(200)).body.data;
    expect(contact.bcc_email).toBeNull();

    const first = new Date();
    await publishEvent(stack, MailEvents.bccAddress.changed, { accountId: account.accountId, address: 'first-secret@bcc.test' }, first);
    await eventually(() => contactBcc(account, contact.id), (bcc) => bcc === 'first-secret@bcc.test');
    await publishEvent(stack, MailEvents.bccAddress.changed, { accountId: account.accountId, address: 'second-secret@bcc.test' });
    await eventually(() => contactBcc(account, contact.id), (bcc) => bcc === 'second-secret@bcc.test');
    // An announcement that happened before the stored one (a late redelivery) changes nothing.
    await publishEvent(stack, MailEvents.bccAddress.changed, { accountId: account.accountId, address: 'stale@bcc.test' }, new Date(first.getTime() - 60_000));
    await eventually(
      () => db.query(`SELECT count(*)::int AS n FROM records.inbox WHERE subject = $1`, [MailEvents.bccAddress.changed]),
      (result) => result.rows[0].n === 3,
    );
    const stored = await db.query(`SELECT bcc_email FROM records.accounts WHERE id = $1`, [account.accountId]);
    expect(stored.rows[0].bcc_email).toBe('second-secret@bcc.test');

    const created = (await api.post('/v2/contacts').set(account.auth).send({ data: factories.person() }).expect(200)).body.data;
    expect(created.bcc_email).toBe('second-secret@bcc.test');
    const updated = (await api.put(`/v2/contacts/${contact.id}`).set(account.auth).send({ data: { title: 'CTO' } }).expect(200)).body.data;
    expect(updated.bcc_email).toBe('second-secret@bcc.test');
    const list = (await api.get('/v2/contacts').set(account.auth).expect(200)).body.items.map((item: { data: object }) => item.data);
    expect(list).toHaveLength(2);
    expect(list.every((c: { bcc_email: string }) => c.bcc_email === 'second-secret@bcc.test')).toBe(true);
    const smartList = (
      await api.post('/v2/smart_lists').set(account.auth).send({ data: { name: 'All contacts', resource_type: 'contact', filters: {} } }).expect(200)
    ).body.data;
    const listed = (await api.get(`/v2/smart_lists/${smartList.id}/contacts`).set(account.auth).expect(200)).body.items;
    expect(listed.map((item: { data: { bcc_email: string } }) => item.data.bcc_email)).toEqual(['second-secret@bcc.test', 'second-secret@bcc.test']);
    expect(await contactBcc(other, stranger.id)).toBeNull();
  });

  it("fills a deal's dropbox_email with an updated event, and ignores deals that no longer exist", async () => {
    const account = await stack.createAccount();
    const deal = (await api.post('/v2/deals').set(account.auth).send({ data: factories.deal() }).expect(200)).body.data;
    const gone = (await api.post('/v2/deals').set(account.auth).send({ data: factories.deal() }).expect(200)).body.data;
    await api.delete(`/v2/deals/${gone.id}`).set(account.auth).expect(204);
    expect(deal.dropbox_email).toBeNull();

    await publishEvent(stack, MailEvents.dealAddress.assigned, { accountId: account.accountId, dealId: gone.id, address: 'gone@bcc.test' });
    await publishEvent(stack, MailEvents.dealAddress.assigned, { accountId: account.accountId, dealId: deal.id, address: 'deal-7@bcc.test' });
    const shown = await eventually(
      async () => (await api.get(`/v2/deals/${deal.id}`).set(account.auth).expect(200)).body.data,
      (data) => data.dropbox_email === 'deal-7@bcc.test',
    );
    expect(shown.name).toBe(deal.name);
    const events = await db.query(`SELECT payload FROM ${outboxEvents('records')} WHERE subject = $1 AND account_id = $2`, [
      RecordsEvents.deal.updated,
      account.accountId,
    ]);
    expect(events.rows.map((row) => row.payload)).toEqual([
      expect.objectContaining({ id: deal.id, actorId: null, changed: ['dropbox_email'], data: expect.objectContaining({ dropbox_email: 'deal-7@bcc.test' }) }),
    ]);
    const handled = await db.query(`SELECT count(*)::int AS n FROM records.inbox WHERE subject = $1`, [MailEvents.dealAddress.assigned]);
    expect(handled.rows[0].n).toBe(2);
  });
});

describe('mail address events on the in-process bus (embedded)', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ services: [recordsService], mode: 'embedded' });
  });
  afterAll(() => stack?.stop());

  it('stores the BCC address and the dropbox address from the same events', async () => {
    const account = await stack.createAccount();
    const actor = { accountId: account.accountId, userId: account.userId };
    const contact = await stack.rpc.request(R.CreateContact, { ...actor, data: factories.person() });
    const deal = await stack.rpc.request(R.CreateDeal, { ...actor, data: factories.deal() });

    // The bus resolves once records' consumer has handled the event.
    await publishEvent(stack, MailEvents.bccAddress.changed, { accountId: account.accountId, address: 'embedded@bcc.test' });
    await publishEvent(stack, MailEvents.dealAddress.assigned, { accountId: account.accountId, dealId: deal.id, address: 'deal@bcc.test' });
    expect(await stack.rpc.request(R.GetContact, { ...actor, id: contact.id })).toMatchObject({ bcc_email: 'embedded@bcc.test' });
    expect(await stack.rpc.request(R.GetDeal, { ...actor, id: deal.id })).toMatchObject({ dropbox_email: 'deal@bcc.test' });
    expect(stack.runtime('records').bus!.deadLetters).toEqual([]);
  });
});
