import { SignInRequests as S } from '@crm/contracts';
import { startStack, Stack } from '@crm/testing';
import request from 'supertest';
import { recordsService } from '../src/app';
import { SignInSweeper } from '../src/modules/sign-in/sign-in-sweeper';
import {
  Api,
  createUser,
  expectSellError,
  invite,
  inviteAndAccept,
  OWN_ORIGIN,
  PASSWORD,
  PUBLIC_URL,
  recordsDatabase,
  sessionCookieFrom,
  setCookieOf,
} from './sign-in-support';

/** Invitation links, passwords and sessions through the gateway, on real Postgres and NATS JetStream. */
describe('sign-in: invitations and sessions', () => {
  let stack: Stack;
  let api: Api;
  let admin: { auth: { Authorization: string }; accountId: number; userId: number };

  beforeAll(async () => {
    stack = await startStack({ services: [recordsService, 'gateway'] });
    api = request(stack.gatewayUrl);
    admin = await stack.createAccount();
  });
  afterAll(() => stack?.stop());

  it('invites, shows the invitation, refuses a short password, accepts once and signs the user in', async () => {
    const rep = await createUser(api, admin.auth);
    const issued = await api.post(`/v2/users/${rep.id}/invitation`).set(admin.auth).expect(201);
    expect(issued.body).toEqual({
      data: { user_id: rep.id, email: rep.email, invitation_url: expect.any(String), expires_at: expect.any(String) },
      meta: { type: 'invitation' },
    });
    const url = new URL(issued.body.data.invitation_url);
    expect(`${url.origin}${url.pathname}`).toBe(`${PUBLIC_URL}/accept-invitation`);
    const token = url.searchParams.get('token')!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const days = (Date.parse(issued.body.data.expires_at) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const shown = await api.get(`/v2/invitations/${token}`).expect(200);
    expect(shown.body).toEqual({ data: { email: rep.email, name: 'Rita Rep', expires_at: issued.body.data.expires_at }, meta: { type: 'invitation' } });

    const short = await api.post(`/v2/invitations/${token}/accept`).send({ data: { password: 'too short' } });
    expectSellError(short, 422, 'invalid', '/password');
    expect(short.body.errors[0].error.message).toMatch(/at least 10 characters/);
    expect(short.headers['set-cookie']).toBeUndefined();
    expectSellError(await api.post(`/v2/invitations/${token}/accept`).send({ data: {} }), 422, 'blank', '/password');
    expectSellError(await api.post(`/v2/invitations/${token}/accept`).send({ data: { password: 'x'.repeat(201) } }), 422, 'invalid', '/password');
    expectSellError(await api.post(`/v2/invitations/${token}/accept`).send({ password: PASSWORD }), 422, 'blank', '/data');
    await api.get(`/v2/invitations/${token}`).expect(200); // still usable after the refusals

    const accepted = await api.post(`/v2/invitations/${token}/accept`).send({ data: { password: PASSWORD } }).expect(201);
    expect(accepted.body).toEqual({ data: expect.objectContaining({ id: rep.id, email: rep.email, status: 'active' }), meta: { type: 'user' } });
    expect(setCookieOf(accepted)).toMatch(/^crm_session=[0-9a-f]{64}; Max-Age=1209600; Path=\/; HttpOnly; SameSite=Lax$/);
    const cookie = sessionCookieFrom(accepted);
    const self = await api.get('/v2/users/self').set(cookie).expect(200);
    expect(self.body).toEqual({ data: accepted.body.data, meta: { type: 'user' } });

    const reused = await api.post(`/v2/invitations/${token}/accept`).send({ data: { password: 'another good password' } });
    expectSellError(reused, 404, 'not_found');
    expect(reused.body.errors[0].error.message).toMatch(/invalid or has expired/);
    expectSellError(await api.get(`/v2/invitations/${token}`), 404, 'not_found');
    expectSellError(await api.get(`/v2/invitations/${'A'.repeat(43)}`), 404, 'not_found');
    expectSellError(await api.get('/v2/invitations/not-a-token'), 404, 'not_found');
  });

  it('signs in with email and password, case-insensitively, and answers every mistake with the same 401', async () => {
    const rep = await createUser(api, admin.auth);
    await inviteAndAccept(api, admin.auth, rep.id);

    const signedIn = await api.post('/v2/sessions').send({ data: { email: rep.email.toUpperCase(), password: PASSWORD } }).expect(201);
    expect(signedIn.body).toEqual({ data: expect.objectContaining({ id: rep.id }), meta: { type: 'user' } });
    const cookie = sessionCookieFrom(signedIn);
    expect((await api.get('/v2/users/self').set(cookie).expect(200)).body.data.id).toBe(rep.id);

    const withoutPassword = await createUser(api, admin.auth);
    const failures = await Promise.all([
      api.post('/v2/sessions').send({ data: { email: rep.email, password: `${PASSWORD}!` } }),
      api.post('/v2/sessions').send({ data: { email: `nobody-${rep.email}`, password: PASSWORD } }),
      api.post('/v2/sessions').send({ data: { email: withoutPassword.email, password: PASSWORD } }),
    ]);
    for (const failure of failures) {
      expectSellError(failure, 401, 'unauthorized');
      expect(failure.body.errors[0].error.message).toBe('wrong email or password');
      expect(failure.headers['set-cookie']).toBeUndefined();
    }
    expectSellError(await api.post('/v2/sessions').send({ data: { email: rep.email } }), 422, 'blank', '/password');
    expectSellError(await api.post('/v2/sessions').send({ data: { email: rep.email, password: 12345678901 } }), 422, 'invalid', '/password');
  });

  it('signs out: the session ends, the cookie is cleared, and signing out needs the cookie', async () => {
    const rep = await createUser(api, admin.auth);
    const cookie = await inviteAndAccept(api, admin.auth, rep.id);
    await api.get('/v2/users/self').set(cookie).expect(200);

    const out = await api.delete('/v2/sessions/current').set(cookie).set(OWN_ORIGIN).expect(204);
    expect(setCookieOf(out)).toMatch(/^crm_session=; Max-Age=0; Path=\/; HttpOnly; SameSite=Lax$/);
    expectSellError(await api.get('/v2/users/self').set(cookie), 401, 'unauthorized');
    expectSellError(await api.delete('/v2/sessions/current').set(OWN_ORIGIN), 401, 'unauthorized');
    expectSellError(await api.delete('/v2/sessions/current').set(admin.auth), 401, 'unauthorized');
    // The password still works: signing out ends one session, nothing more.
    await api.post('/v2/sessions').send({ data: { email: rep.email, password: PASSWORD } }).expect(201);
  });

  it("a deactivated user's cookie stops at once and they cannot sign in again", async () => {
    const rep = await createUser(api, admin.auth);
    const cookie = await inviteAndAccept(api, admin.auth, rep.id);
    await api.get('/v2/users/self').set(cookie).expect(200); // cached now

    await api.put(`/v2/users/${rep.id}`).set(admin.auth).send({ data: { status: 'inactive' } }).expect(200);
    expectSellError(await api.get('/v2/users/self').set(cookie), 401, 'unauthorized');
    const again = await api.post('/v2/sessions').send({ data: { email: rep.email, password: PASSWORD } });
    expectSellError(again, 401, 'unauthorized');
    expect(again.body.errors[0].error.message).toBe('wrong email or password');
    // Nor can they be invited while deactivated.
    expectSellError(await api.post(`/v2/users/${rep.id}/invitation`).set(admin.auth), 422, 'invalid', '/user_id');
  });

  it('a user deactivated after the invitation was sent cannot accept it (403) and no password is set', async () => {
    const rep = await createUser(api, admin.auth);
    const token = await invite(api, admin.auth, rep.id);
    await api.put(`/v2/users/${rep.id}`).set(admin.auth).send({ data: { status: 'inactive' } }).expect(200);
    expectSellError(await api.post(`/v2/invitations/${token}/accept`).send({ data: { password: PASSWORD } }), 403, 'forbidden');
    const [row] = await recordsDatabase(stack).query(`SELECT password_hash FROM records.users WHERE id = $1`, [rep.id]);
    expect(row.password_hash).toBeNull();
    // Reactivated, the same link works: the refusal did not use it up.
    await api.put(`/v2/users/${rep.id}`).set(admin.auth).send({ data: { status: 'active' } }).expect(200);
    await api.post(`/v2/invitations/${token}/accept`).send({ data: { password: PASSWORD } }).expect(201);
  });

  it('a new invitation voids the older one; an expired one is refused', async () => {
    const rep = await createUser(api, admin.auth);
    const first = await invite(api, admin.auth, rep.id);
    const second = await invite(api, admin.auth, rep.id);
    expectSellError(await api.get(`/v2/invitations/${first}`), 404, 'not_found');
    expectSellError(await api.post(`/v2/invitations/${first}/accept`).send({ data: { password: PASSWORD } }), 404, 'not_found');
    await api.get(`/v2/invitations/${second}`).expect(200);

    await recordsDatabase(stack).query(`UPDATE records.invitations SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [rep.id]);
    expectSellError(await api.get(`/v2/invitations/${second}`), 404, 'not_found');
    expectSellError(await api.post(`/v2/invitations/${second}/accept`).send({ data: { password: PASSWORD } }), 404, 'not_found');
  });

  it('deletes sessions and invitations a week after they ended; live and recently ended ones stay', async () => {
    const db = recordsDatabase(stack);
    const rep = await createUser(api, admin.auth);
    const live = await inviteAndAccept(api, admin.auth, rep.id); // its invitation is now used
    const signIn = async () => sessionCookieFrom(await api.post('/v2/sessions').send({ data: { email: rep.email, password: PASSWORD } }).expect(201));
    const signedOut = await signIn();
    await api.delete('/v2/sessions/current').set(signedOut).set(OWN_ORIGIN).expect(204);
    const expired = await signIn();
    const recentlySignedOut = await signIn();
    await api.delete('/v2/sessions/current').set(recentlySignedOut).set(OWN_ORIGIN).expect(204);
    const invitee = await createUser(api, admin.auth);
    const open = await invite(api, admin.auth, invitee.id);
    await invite(api, admin.auth, invitee.id); // voids `open` just now
    const pending = await invite(api, admin.auth, invitee.id);

    const sessionIds = async () => (await db.query(`SELECT id FROM records.sessions WHERE user_id = $1 ORDER BY id`, [rep.id])).map((r: { id: number }) => r.id);
    const [, signedOutId, expiredId] = await sessionIds();
    await db.query(`UPDATE records.sessions SET revoked_at = now() - interval '8 days' WHERE id = $1`, [signedOutId]);
    await db.query(`UPDATE records.sessions SET expires_at = now() - interval '8 days' WHERE id = $1`, [expiredId]);
    await db.query(`UPDATE records.invitations SET used_at = now() - interval '8 days' WHERE user_id = $1`, [rep.id]);
    const before = await sessionIds();

    const swept = await stack.services.find((service) => service.name === 'records')!.app.get(SignInSweeper).sweep();
    expect(swept).toEqual({ sessions: 2, invitations: 1 });
    expect(await sessionIds()).toEqual(before.filter((id) => id !== signedOutId && id !== expiredId));
    const invitations = await db.query(`SELECT user_id, used_at IS NOT NULL AS used, voided_at IS NOT NULL AS voided FROM records.invitations WHERE user_id = ANY($1) ORDER BY id`, [
      [rep.id, invitee.id],
    ]);
    expect(invitations).toEqual([
      { user_id: invitee.id, used: false, voided: true },
      { user_id: invitee.id, used: false, voided: true },
      { user_id: invitee.id, used: false, voided: false },
    ]);
    await api.get('/v2/users/self').set(live).expect(200);
    await api.get(`/v2/invitations/${pending}`).expect(200);
    expectSellError(await api.get(`/v2/invitations/${open}`), 404, 'not_found');
    expectSellError(await api.get('/v2/users/self').set(expired), 401, 'unauthorized');
    expect(await stack.services.find((service) => service.name === 'records')!.app.get(SignInSweeper).sweep()).toEqual({ sessions: 0, invitations: 0 });
  });

  it('resetting a password through a new invitation replaces it and ends every session of the user', async () => {
    const rep = await createUser(api, admin.auth);
    const firstCookie = await inviteAndAccept(api, admin.auth, rep.id);
    const secondCookie = sessionCookieFrom(await api.post('/v2/sessions').send({ data: { email: rep.email, password: PASSWORD } }).expect(201));
    await api.get('/v2/users/self').set(firstCookie).expect(200);
    await api.get('/v2/users/self').set(secondCookie).expect(200);

    const newCookie = await inviteAndAccept(api, admin.auth, rep.id, 'a brand new passphrase');
    expectSellError(await api.get('/v2/users/self').set(firstCookie), 401, 'unauthorized');
    expectSellError(await api.get('/v2/users/self').set(secondCookie), 401, 'unauthorized');
    await api.get('/v2/users/self').set(newCookie).expect(200);
    expectSellError(await api.post('/v2/sessions').send({ data: { email: rep.email, password: PASSWORD } }), 401, 'unauthorized');
    await api.post('/v2/sessions').send({ data: { email: rep.email, password: 'a brand new passphrase' } }).expect(201);
    const stored = await recordsDatabase(stack).query(`SELECT password_hash FROM records.users WHERE id = $1`, [rep.id]);
    expect(stored[0].password_hash).toMatch(/^scrypt\$32768\$8\$3\$/);
  });

  it('with one email in two accounts, signs in the user whose password matches, the newest when both do', async () => {
    const other = await stack.createAccount('Other company');
    const rep = await createUser(api, admin.auth);
    const twin = (await api.post('/v2/users').set(other.auth).send({ data: { name: 'Rita Twin', email: rep.email } }).expect(200)).body.data;
    await inviteAndAccept(api, admin.auth, rep.id, 'password of the first');
    await inviteAndAccept(api, other.auth, twin.id, 'password of the second');

    const first = await api.post('/v2/sessions').send({ data: { email: rep.email, password: 'password of the first' } }).expect(201);
    expect(first.body.data.id).toBe(rep.id);
    const second = await api.post('/v2/sessions').send({ data: { email: rep.email, password: 'password of the second' } }).expect(201);
    expect(second.body.data.id).toBe(twin.id);

    await inviteAndAccept(api, admin.auth, rep.id, 'password of the second');
    const both = await api.post('/v2/sessions').send({ data: { email: rep.email, password: 'password of the second' } }).expect(201);
    expect(both.body.data.id).toBe(twin.id); // created later
  });

  it('issues operator invitations (launcher, npm run invite) by email or for the account owner', async () => {
    const rep = await createUser(api, admin.auth);
    const byEmail = await stack.rpc.request(S.IssueOperatorInvitation, { email: rep.email.toUpperCase() });
    expect(byEmail).toMatchObject({ account_id: admin.accountId, user_id: rep.id, has_password: false, invitation: { user_id: rep.id } });
    await api.get(`/v2/invitations/${byEmail.invitation!.token}`).expect(200);

    const owner = await stack.rpc.request(S.IssueOperatorInvitation, { accountId: admin.accountId, unlessPasswordSet: true });
    expect(owner).toMatchObject({ user_id: admin.userId, has_password: false, invitation: { user_id: admin.userId } });
    await api.post(`/v2/invitations/${owner.invitation!.token}/accept`).send({ data: { password: PASSWORD } }).expect(201);
    const later = await stack.rpc.request(S.IssueOperatorInvitation, { accountId: admin.accountId, unlessPasswordSet: true });
    expect(later).toMatchObject({ user_id: admin.userId, has_password: true, invitation: null });

    const other = await stack.createAccount('Third company');
    await api.post('/v2/users').set(other.auth).send({ data: { name: 'Same Email', email: rep.email } }).expect(200);
    await expect(stack.rpc.request(S.IssueOperatorInvitation, { email: rep.email })).rejects.toMatchObject({ status: 409 });
    const chosen = await stack.rpc.request(S.IssueOperatorInvitation, { email: rep.email, accountId: admin.accountId });
    expect(chosen.user_id).toBe(rep.id);
    await expect(stack.rpc.request(S.IssueOperatorInvitation, { email: 'nobody@nowhere.test' })).rejects.toMatchObject({ status: 404 });
  });
});
