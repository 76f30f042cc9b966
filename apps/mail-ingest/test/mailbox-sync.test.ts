import request from 'supertest';
import { EmailDto, MailboxConnectionDto, RecordsRequests as R } from '@crm/contracts';
import { factories, rawMessage, Stack, startStack, TestImapServer } from '@crm/testing';
import { mailIngestService } from '../src/app';
import { emailsOf, eventually } from './mail-helpers';
import { MailIngestTables, mailboxSettings, syncedTo, waitForConnection } from './mailbox-sync-support';

/**
 * A user's IMAP mailbox (a real dovecot) synced into the CRM: connection settings over the API,
 * INBOX and Sent copied incrementally by UID, filed on existing leads and contacts only, errors
 * with clear reasons and backoff, no duplicates whatever happens.
 */
describe('Mailbox sync over IMAP', () => {
  let imap: TestImapServer;
  let stack: Stack;
  let tables: MailIngestTables;
  let auth: { Authorization: string };
  let admin: { accountId: number; userId: number };
  let adminEmail: string;
  let connectionId: number;
  let contact: { id: number; email: string };
  let lead: { id: number; email: string };
  let rep: { id: number; auth: { Authorization: string } };
  const adaPassword = 'ada-imap-Pa55';

  const api = () => request(stack.gatewayUrl);
  const imapSettings = (user: string, password: string) => ({ host: '127.0.0.1', port: imap.port, tls: false, username: user, password });
  const emailsOn = (type: string, id: number) => emailsOf(stack.gatewayUrl, auth, type, id);
  const subjects = (emails: EmailDto[]) => emails.map((email) => email.subject).sort();

  beforeAll(async () => {
    imap = await TestImapServer.start();
    imap.setUser('ada', adaPassword);
    imap.setUser('rep', 'rep-imap-pass');
    stack = await startStack({ services: ['records', 'communications', mailIngestService, 'gateway'], settings: mailboxSettings() });
    tables = await MailIngestTables.open(stack);
    const account = await stack.createAccount();
    auth = account.auth;
    admin = { accountId: account.accountId, userId: account.userId };
    adminEmail = (await api().get('/v2/users/self').set(auth).expect(200)).body.data.email;
    contact = (await api().post('/v2/contacts').set(auth).send({ data: factories.person() }).expect(200)).body.data;
    lead = (await api().post('/v2/leads').set(auth).send({ data: factories.lead() }).expect(200)).body.data;
    const roles = await stack.rpc.request(R.ListRoles, { ...admin, query: { page: 1, perPage: 25, filters: {}, customFields: {} } });
    const salesRep = roles.items.find((role) => role.name === 'Sales rep')!;
    const repUser = (await api().post('/v2/users').set(auth).send({ data: factories.user({ role_id: salesRep.id }) }).expect(200)).body.data;
    const token = (await api().post(`/v2/users/${repUser.id}/tokens`).set(auth).send({ data: { name: 'rep' } }).expect(201)).body.data;
    rep = { id: repUser.id, auth: { Authorization: `Bearer ${token.access_token}` } };
  });

  afterAll(async () => {
    await tables?.close();
    await stack?.stop();
    await imap?.destroy();
  });

  it('refuses bad settings with Sell errors and stores nothing', async () => {
    const post = (data: unknown) => api().post('/v2/mailbox_connections').set(auth).send({ data });
    const valid = imapSettings('ada', adaPassword);
    const { host: _host, ...withoutHost } = valid;
    expect((await post(withoutHost).expect(422)).body.errors[0].error).toMatchObject({ resource: 'mailbox_connection', field: '/host', code: 'blank' });
    expect((await post({ ...valid, port: 'imap' }).expect(422)).body.errors[0].error).toMatchObject({ field: '/port', code: 'invalid' });
    expect((await post({ ...valid, port: 70000 }).expect(422)).body.errors[0].error).toMatchObject({ field: '/port' });
    expect((await post({ ...valid, tls: true, starttls: true }).expect(422)).body.errors[0].error).toMatchObject({ field: '/starttls' });
    expect((await post({ ...valid, host: 'mail server; rm -rf' }).expect(422)).body.errors[0].error).toMatchObject({ field: '/host' });
    expect((await post({ ...valid, folder: 'INBOX' }).expect(422)).body.errors[0].error).toMatchObject({ field: '/folder', code: 'unknown' });
    expect((await post({ ...valid, password: '' }).expect(422)).body.errors[0].error).toMatchObject({ field: '/password' });
    await api().post('/v2/mailbox_connections').set(auth).send({ host: 'x' }).expect(422);
    await api().post('/v2/mailbox_connections').send({ data: valid }).expect(401);
    expect(await tables.query('SELECT id FROM mail_ingest.mailbox_connections')).toEqual([]);
  });

  it('files INBOX mail from a contact or a lead and Sent mail to a contact on those records; strangers without links; colleagues skipped', async () => {
    const colleague = factories.user({ name: 'Nina Colleague' });
    await api().post('/v2/users').set(auth).send({ data: colleague }).expect(200);
    const stranger = `stranger-${Date.now()}@elsewhere.example`;
    await imap.append('ada', 'INBOX', [
      rawMessage({ from: `Carl <${contact.email}>`, to: adminEmail, subject: 'From the contact' }),
      rawMessage({ from: lead.email, to: adminEmail, subject: 'From the lead' }),
      rawMessage({ from: `Stranger <${stranger}>`, to: adminEmail, subject: 'From a stranger' }),
      rawMessage({ from: colleague.email, to: adminEmail, subject: 'From a colleague' }),
    ]);
    await imap.append('ada', 'Sent', [rawMessage({ from: adminEmail, to: `${contact.email}, other-${stranger}`, cc: colleague.email, subject: 'To the contact' })]);

    const created = await api().post('/v2/mailbox_connections').set(auth).send({ data: imapSettings('ada', adaPassword) }).expect(200);
    expect(created.body.meta.type).toBe('mailbox_connection');
    const dto: MailboxConnectionDto = created.body.data;
    connectionId = dto.id;
    expect(dto).toMatchObject({ user_id: admin.userId, host: '127.0.0.1', port: imap.port, tls: false, starttls: false, username: 'ada', sent_folder: null, status: 'connecting' });
    expect(JSON.stringify(created.body)).not.toContain(adaPassword);
    expect(dto).not.toHaveProperty('password');
    // One per user.
    expect((await api().post('/v2/mailbox_connections').set(auth).send({ data: imapSettings('ada', adaPassword) }).expect(409)).body.errors[0].error.code).toBe('conflict');

    // Stored encrypted: AES-GCM ciphertext, never the password.
    const [row] = await tables.query<Record<string, unknown>>('SELECT * FROM mail_ingest.mailbox_connections WHERE id = $1', [connectionId]);
    expect(JSON.stringify(row)).not.toContain(adaPassword);
    expect(row.password_encrypted).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);

    const synced = await waitForConnection(stack.gatewayUrl, auth, connectionId, syncedTo(4, 1));
    expect(synced).toMatchObject({ last_error: null, failures: 0 });
    expect(synced.folders).toEqual([
      expect.objectContaining({ folder: 'inbox', path: 'INBOX', last_uid: 4, synced: 4, total: 4 }),
      expect.objectContaining({ folder: 'sent', path: 'Sent', last_uid: 1, synced: 1, total: 1 }),
    ]);
    expect((await api().get('/v2/mailbox_connections').set(auth).expect(200)).body.items.map((item: { data: MailboxConnectionDto }) => item.data.id)).toEqual([connectionId]);

    const onContact = await eventually(async () => {
      const emails = await emailsOn('contact', contact.id);
      return emails.length === 2 ? emails : undefined;
    });
    expect(subjects(onContact)).toEqual(['From the contact', 'To the contact']);
    expect(onContact.find((email) => email.subject === 'To the contact')).toMatchObject({ direction: 'sent', user_id: admin.userId });
    expect(onContact.find((email) => email.subject === 'From the contact')).toMatchObject({ direction: 'received' });
    const onLead = await eventually(async () => nonEmpty(await emailsOn('lead', lead.id)));
    expect(subjects(onLead)).toEqual(['From the lead']);

    // Every message outside the company is published as from the mailbox, with the links found (none for strangers).
    const events = await eventually(async () => {
      const all = await tables.mailboxEvents(admin.accountId);
      return all.length === 4 ? all : undefined;
    });
    const bySubject = new Map(events.map((event) => [event.subject, event]));
    expect(bySubject.get('From a stranger')).toMatchObject({ source: 'mailbox', mailbox: { userId: admin.userId, folder: 'inbox' }, direction: 'received', links: [] });
    expect(bySubject.get('From the lead')).toMatchObject({ links: [{ resource_type: 'lead', resource_id: lead.id }] });
    expect(bySubject.get('To the contact')).toMatchObject({
      source: 'mailbox',
      mailbox: { userId: admin.userId, folder: 'sent' },
      direction: 'sent',
      userId: admin.userId,
      links: [{ resource_type: 'contact', resource_id: contact.id }],
    });
    expect(bySubject.has('From a colleague')).toBe(false);

    // The ingest log says what happened to each; a mailbox never creates contacts.
    const rows = await tables.rawRows(connectionId);
    expect(rows.every((r) => r.status === 'filed')).toBe(true);
    const logOf = (subject: string) => rows.find((r) => r.subject === subject)!.log;
    expect(logOf('From a stranger')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'resolved', reason: expect.stringContaining("mailbox (inbox)") }),
        expect.objectContaining({ action: 'skipped', email: stranger, reason: expect.stringContaining('neither a lead nor a contact') }),
      ]),
    );
    expect(logOf('From a colleague')).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'skipped', email: colleague.email, resource_type: 'user' })]));
    expect(logOf('To the contact')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'matched', email: contact.email, resource_type: 'contact', resource_id: contact.id }),
        expect.objectContaining({ action: 'skipped', email: `other-${stranger}` }),
        expect.objectContaining({ action: 'skipped', email: colleague.email, resource_type: 'user' }),
      ]),
    );
    expect((await api().get(`/v2/contacts?email=${encodeURIComponent(stranger)}`).set(auth).expect(200)).body.items).toEqual([]);

    // In the user's Communication Center: Inbox, Sent, and the stranger among Suggested people; the colleague nowhere.
    const tab = async (name: string) =>
      ((await api().get(`/v2/communications/emails?tab=${name}&per_page=100`).set(auth).expect(200)).body.items as { data: { subject: string } }[]).map((item) => item.data.subject).sort();
    await eventually(async () => ((await tab('sent')).includes('To the contact') ? true : undefined));
    expect(await tab('inbox')).toEqual(['From the contact', 'From the lead']);
    const suggested = await eventually(async () => {
      const items = (await api().get('/v2/communications/suggested_people').set(auth).expect(200)).body.items as { data: { email: string; message_count: number } }[];
      return items.length > 0 ? items.map((item) => item.data) : undefined;
    });
    expect(suggested).toEqual([expect.objectContaining({ email: stranger, message_count: 1 })]);
  });

  it('picks up newly appended messages without copying or filing the old ones again', async () => {
    await imap.append('ada', 'INBOX', [rawMessage({ from: contact.email, to: adminEmail, subject: 'A new one from the contact' })]);
    await waitForConnection(stack.gatewayUrl, auth, connectionId, syncedTo(5, 1));
    const onContact = await eventually(async () => {
      const emails = await emailsOn('contact', contact.id);
      return emails.length === 3 ? emails : undefined;
    });
    expect(subjects(onContact)).toContain('A new one from the contact');
    const rows = await tables.rawRows(connectionId);
    expect(rows).toHaveLength(6);
    expect(new Set(rows.map((r) => `${r.mailbox_path}/${r.mailbox_uid}`)).size).toBe(6);
    await eventually(async () => ((await tables.mailboxEvents(admin.accountId)).length === 5 ? true : undefined));
  });

  it('starts a folder over when its UIDVALIDITY changes, without duplicating emails', async () => {
    const [{ mailbox_uid_validity: before }] = (await tables.rawRows(connectionId)).filter((r) => r.mailbox_folder === 'sent');
    const resent = (await tables.rawRows(connectionId)).find((r) => r.subject === 'To the contact')!;
    await imap.as('ada', async (client) => {
      await client.mailboxDelete('Sent');
      await client.mailboxCreate('Sent');
    });
    await imap.append('ada', 'Sent', [
      rawMessage({ from: adminEmail, to: contact.email, subject: 'To the contact', messageId: `<${resent.message_id}>` }),
      rawMessage({ from: adminEmail, to: lead.email, subject: 'To the lead' }),
    ]);
    const connection = await waitForConnection(stack.gatewayUrl, auth, connectionId, (c) => {
      const sent = c.folders.find((f) => f.folder === 'sent');
      return c.status === 'idle' && sent !== undefined && sent.uid_validity !== before && sent.last_uid === 2;
    });
    expect(connection.folders.find((f) => f.folder === 'sent')).toMatchObject({ synced: 2, total: 2 });
    await eventually(async () => nonEmpty((await emailsOn('lead', lead.id)).filter((email) => email.subject === 'To the lead')));
    // The same Message-ID copied again under the new UIDVALIDITY is still one email on the contact.
    expect(subjects(await emailsOn('contact', contact.id))).toEqual(['A new one from the contact', 'From the contact', 'To the contact']);
  });

  it("shows a user only their own connection; another user's or account's is a 404 and stays unchanged", async () => {
    expect((await api().get('/v2/mailbox_connections').set(rep.auth).expect(200)).body.items).toEqual([]);
    expect((await api().get(`/v2/mailbox_connections?user_id=${admin.userId}`).set(rep.auth).expect(200)).body.items).toEqual([]);
    await api().get(`/v2/mailbox_connections/${connectionId}`).set(rep.auth).expect(404);
    await api().put(`/v2/mailbox_connections/${connectionId}`).set(rep.auth).send({ data: { host: 'evil.example' } }).expect(404);
    await api().delete(`/v2/mailbox_connections/${connectionId}`).set(rep.auth).expect(404);
    const other = await stack.createAccount('Another company');
    await api().get(`/v2/mailbox_connections/${connectionId}`).set(other.auth).expect(404);
    await api().put(`/v2/mailbox_connections/${connectionId}`).set(other.auth).send({ data: { password: 'x' } }).expect(404);
    await api().delete(`/v2/mailbox_connections/${connectionId}`).set(other.auth).expect(404);
    expect((await api().get('/v2/mailbox_connections').set(other.auth).expect(200)).body.items).toEqual([]);
    await api().get('/v2/mailbox_connections/abc').set(auth).expect(404);
    await api().get('/v2/mailbox_connections?color=red').set(auth).expect(400);
    expect(await getHost()).toBe('127.0.0.1');
  });

  it('says "authentication failed" for a wrong password and retries with backoff; the owner fixes it with PUT and it syncs', async () => {
    const created = await api().post('/v2/mailbox_connections').set(rep.auth).send({ data: imapSettings('rep', 'wrong password') }).expect(200);
    const id: number = created.body.data.id;
    const failing = await waitForConnection(stack.gatewayUrl, rep.auth, id, (c) => c.status === 'error' && c.failures >= 2);
    expect(failing.last_error).toMatch(/^authentication failed: check the username and password/);
    expect(failing.folders).toEqual([]);
    // An admin sees every connection of the account, but cannot log in to someone else's mailbox.
    const all = (await api().get('/v2/mailbox_connections').set(auth).expect(200)).body.items.map((item: { data: MailboxConnectionDto }) => item.data.user_id);
    expect(all.sort()).toEqual([admin.userId, rep.id].sort());
    expect((await api().get(`/v2/mailbox_connections?user_id=${rep.id}`).set(auth).expect(200)).body.items).toHaveLength(1);
    await api().put(`/v2/mailbox_connections/${id}`).set(auth).send({ data: { password: 'x' } }).expect(403);

    await imap.append('rep', 'INBOX', [rawMessage({ from: contact.email, to: 'rep@company.example', subject: 'For the rep' })]);
    const fixed = await api().put(`/v2/mailbox_connections/${id}`).set(rep.auth).send({ data: { password: 'rep-imap-pass' } }).expect(200);
    expect(fixed.body.data).toMatchObject({ status: 'connecting', failures: 0, last_error: null, username: 'rep' });
    expect(JSON.stringify(fixed.body)).not.toContain('rep-imap-pass');
    const synced = await waitForConnection(stack.gatewayUrl, rep.auth, id, syncedTo(1, 0));
    expect(synced).toMatchObject({ last_error: null, failures: 0 });
    expect(synced.last_synced_at).not.toBeNull();
    // Mail in anyone's mailbox exchanged with a contact is copied onto that contact.
    await eventually(async () => nonEmpty((await emailsOn('contact', contact.id)).filter((email) => email.subject === 'For the rep')));

    // Disconnecting stops the sync; what was copied stays.
    await api().delete(`/v2/mailbox_connections/${id}`).set(rep.auth).expect(204);
    await api().get(`/v2/mailbox_connections/${id}`).set(rep.auth).expect(404);
    expect(await tables.query('SELECT 1 FROM mail_ingest.mailbox_folders WHERE connection_id = $1', [id])).toEqual([]);
    expect(await tables.rawRows(id)).toHaveLength(1);
  });

  it('says "connection refused" while the IMAP server is down, backs off, and catches up without duplicates once it is back', async () => {
    await imap.stop();
    const down = await waitForConnection(stack.gatewayUrl, auth, connectionId, (c) => c.status === 'error' && c.failures >= 2);
    expect(down.last_error).toBe(`connection refused by 127.0.0.1:${imap.port} (is the IMAP server running, and is the port right?)`);

    await imap.restart();
    await imap.append('ada', 'INBOX', [rawMessage({ from: contact.email, to: adminEmail, subject: 'After the outage' })]);
    await waitForConnection(stack.gatewayUrl, auth, connectionId, (c) => syncedTo(6, 2)(c) && c.failures === 0 && c.last_error === null);
    await eventually(async () => nonEmpty((await emailsOn('contact', contact.id)).filter((email) => email.subject === 'After the outage')));
    const rows = await tables.rawRows(connectionId);
    expect(new Set(rows.map((r) => `${r.mailbox_path}/${r.mailbox_uid_validity}/${r.mailbox_uid}`)).size).toBe(rows.length);
    expect(subjects(await emailsOn('contact', contact.id))).toEqual(['A new one from the contact', 'After the outage', 'For the rep', 'From the contact', 'To the contact']);
  });

  async function getHost(): Promise<string> {
    const [row] = await tables.query<{ host: string }>('SELECT host FROM mail_ingest.mailbox_connections WHERE id = $1', [connectionId]);
    return row.host;
  }
});

function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined;
}
