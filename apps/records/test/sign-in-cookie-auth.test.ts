import { startStack, Stack } from '@crm/testing';
import request from 'supertest';
import { recordsService } from '../src/app';
import { Api, createUser, expectSellError, expectSoon, invite, inviteAndAccept, OWN_ORIGIN, PASSWORD, PUBLIC_URL, sessionCookieFrom } from './sign-in-support';

const lead = (last_name: string) => ({ data: { last_name } });

/**
 * The session cookie as a way into the whole API, next to bearer tokens: who may invite, the
 * cross-site request checks on cookie-authenticated changes, and sign-out reaching a second
 * gateway replica through records' event.
 */
describe('sign-in: the session cookie on the API', () => {
  let stack: Stack;
  let api: Api;
  let firstUrl: string;
  let second: Api;
  let admin: { auth: { Authorization: string }; accountId: number; userId: number };
  let rep: { id: number; email: string };
  let cookie: { Cookie: string };

  beforeAll(async () => {
    stack = await startStack({ services: [recordsService, 'gateway'], replicas: { gateway: 2 } });
    const [first, other] = stack.services.filter((s) => s.name === 'gateway').map((s) => `http://127.0.0.1:${s.httpPort}`);
    firstUrl = first;
    api = request(first);
    second = request(other);
    admin = await stack.createAccount();
    rep = await createUser(api, admin.auth);
    cookie = await inviteAndAccept(api, admin.auth, rep.id);
  });
  afterAll(() => stack?.stop());

  async function leadNames(): Promise<string[]> {
    const { body } = await api.get('/v2/leads?per_page=100').set(admin.auth).expect(200);
    return body.items.map((item: { data: { last_name: string } }) => item.data.last_name);
  }

  it('the cookie works on any route; a bearer header still works and wins when both are sent', async () => {
    expect((await api.get('/v2/users/self').set(cookie).expect(200)).body.data.id).toBe(rep.id);
    await api.get('/v2/leads').set(cookie).expect(200);
    expect((await api.get('/v2/users/self').set(admin.auth).expect(200)).body.data.id).toBe(admin.userId);
    expect((await api.get('/v2/users/self').set(admin.auth).set(cookie).expect(200)).body.data.id).toBe(admin.userId);
    // A bad bearer header is refused even with a good cookie: the header decides.
    expectSellError(await api.get('/v2/users/self').set({ Authorization: `Bearer ${'f'.repeat(64)}` }).set(cookie), 401, 'unauthorized');
    // A session token is not an API token, nor a malformed cookie a session.
    const token = cookie.Cookie.slice('crm_session='.length);
    expectSellError(await api.get('/v2/users/self').set({ Authorization: `Bearer ${token}` }), 401, 'unauthorized');
    expectSellError(await api.get('/v2/users/self').set({ Cookie: 'crm_session=nonsense' }), 401, 'unauthorized');
    expectSellError(await api.get('/v2/users/self').set({ Cookie: `crm_session=${'0'.repeat(64)}` }), 401, 'unauthorized');
    const missing = await api.get('/v2/users/self').set({ Cookie: 'other=1' });
    expectSellError(missing, 401, 'unauthorized');
    expect(missing.body.errors[0].error.message).toBe('missing Authorization: Bearer <token> header');
  });

  it('refuses cookie-authenticated changes from another site (403) and changes nothing', async () => {
    const before = await leadNames();
    const refused = [
      await api.post('/v2/leads').set(cookie).set({ Origin: 'http://evil.example' }).send(lead('Forged by origin')),
      await api.post('/v2/leads').set(cookie).set({ Origin: 'null' }).send(lead('Forged by opaque origin')),
      await api.post('/v2/leads').set(cookie).set({ Referer: 'http://evil.example/page' }).send(lead('Forged by referer')),
      await api.post('/v2/leads').set(cookie).send(lead('Forged without origin')),
      await api.post('/v2/leads').set(cookie).set(OWN_ORIGIN).set({ 'Sec-Fetch-Site': 'cross-site' }).send(lead('Forged cross-site')),
      await api.post('/v2/leads').set(cookie).set({ Origin: 'https://crm.test' }).send(lead('Forged by scheme')),
    ];
    for (const response of refused) {
      expectSellError(response, 403, 'forbidden');
      expect(response.body.errors[0].error.message).toMatch(/cross-site|Origin/);
    }
    expect(await leadNames()).toEqual(before);
    const signOutRefused = await api.delete('/v2/sessions/current').set(cookie).set({ Origin: 'http://evil.example' });
    expectSellError(signOutRefused, 403, 'forbidden');
    await api.get('/v2/users/self').set(cookie).expect(200); // still signed in
  });

  it('accepts cookie-authenticated changes from its own pages, and bearer requests whatever their origin', async () => {
    await api.post('/v2/leads').set(cookie).set(OWN_ORIGIN).send(lead('From PUBLIC_URL')).expect(200);
    await api.post('/v2/leads').set(cookie).set({ Referer: `${PUBLIC_URL}/leads/new` }).send(lead('From a referer')).expect(200);
    // The address the request was sent to (its Host) is also the site's own, whatever PUBLIC_URL says.
    await api.post('/v2/leads').set(cookie).set({ Origin: firstUrl }).send(lead('From its host')).expect(200);
    await api.post('/v2/leads').set(cookie).set(OWN_ORIGIN).set({ 'Sec-Fetch-Site': 'same-origin' }).send(lead('Same origin')).expect(200);
    await api.post('/v2/leads').set(admin.auth).set({ Origin: 'http://evil.example', 'Sec-Fetch-Site': 'cross-site' }).send(lead('By token')).expect(200);
    await api.get('/v2/leads').set(cookie).set({ Origin: 'http://evil.example' }).expect(200); // reads are not changes
    // ...but the browser saying another site asked is refused even for a read; a token is not judged by it.
    expectSellError(await api.get('/v2/leads').set(cookie).set({ 'Sec-Fetch-Site': 'cross-site' }), 403, 'forbidden');
    await api.get('/v2/leads').set(admin.auth).set({ 'Sec-Fetch-Site': 'cross-site' }).expect(200);
    expect(await leadNames()).toEqual(expect.arrayContaining(['From PUBLIC_URL', 'From a referer', 'From its host', 'Same origin', 'By token']));
  });

  it('refuses sign-in and invitation acceptance posted by another site', async () => {
    const foreign = { Origin: 'http://evil.example' };
    expectSellError(await api.post('/v2/sessions').set(foreign).send({ data: { email: rep.email, password: PASSWORD } }), 403, 'forbidden');
    await api.post('/v2/sessions').set(OWN_ORIGIN).send({ data: { email: rep.email, password: PASSWORD } }).expect(201);

    const newcomer = await createUser(api, admin.auth);
    const token = await invite(api, admin.auth, newcomer.id);
    const forged = await api.post(`/v2/invitations/${token}/accept`).set({ 'Sec-Fetch-Site': 'cross-site' }).send({ data: { password: PASSWORD } });
    expectSellError(forged, 403, 'forbidden');
    expectSellError(await api.post(`/v2/invitations/${token}/accept`).set(foreign).send({ data: { password: PASSWORD } }), 403, 'forbidden');
    // Neither used the link up; an API client without a browser (no Origin) may accept it.
    await api.post(`/v2/invitations/${token}/accept`).send({ data: { password: PASSWORD } }).expect(201);
  });

  it('only a user who may manage users can invite, and only users of their own account (404 otherwise)', async () => {
    expectSellError(await api.post(`/v2/users/${admin.userId}/invitation`).set(cookie).set(OWN_ORIGIN), 403, 'forbidden');
    const repToken = (await api.post(`/v2/users/${rep.id}/tokens`).set(cookie).set(OWN_ORIGIN).send({ data: {} }).expect(201)).body.data.access_token;
    expectSellError(await api.post(`/v2/users/${rep.id}/invitation`).set({ Authorization: `Bearer ${repToken}` }), 403, 'forbidden');

    const other = await stack.createAccount('Other company');
    expectSellError(await api.post(`/v2/users/${other.userId}/invitation`).set(admin.auth), 404, 'not_found');
    expectSellError(await api.post('/v2/users/999999/invitation').set(admin.auth), 404, 'not_found');
    expectSellError(await api.post('/v2/users/abc/invitation').set(admin.auth), 404, 'not_found');
    expectSellError(await api.post(`/v2/users/${rep.id}/invitation`), 401, 'unauthorized');
    // An admin signed in with the cookie may, from the app's own pages.
    const adminCookie = await inviteAndAccept(api, admin.auth, admin.userId);
    await api.post(`/v2/users/${rep.id}/invitation`).set(adminCookie).set(OWN_ORIGIN).expect(201);
  });

  it('signing out through one gateway ends the session on the other within moments', async () => {
    const signedIn = sessionCookieFrom(await api.post('/v2/sessions').send({ data: { email: rep.email, password: PASSWORD } }).expect(201));
    await second.get('/v2/users/self').set(signedIn).expect(200); // cached on the second replica now
    await api.delete('/v2/sessions/current').set(signedIn).set(OWN_ORIGIN).expect(204);
    await expectSoon(() => second.get('/v2/users/self').set(signedIn), 401);
  });

  it('deactivating through one gateway ends the cookie on the other within moments', async () => {
    const temp = await createUser(api, admin.auth);
    const tempCookie = await inviteAndAccept(api, admin.auth, temp.id);
    await second.get('/v2/users/self').set(tempCookie).expect(200);
    await api.put(`/v2/users/${temp.id}`).set(admin.auth).send({ data: { status: 'inactive' } }).expect(200);
    await expectSoon(() => second.get('/v2/users/self').set(tempCookie), 401);
  });

  it('documents the sign-in routes in the OpenAPI document', async () => {
    const { body } = await api.get('/docs-json').expect(200);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/v2/sessions', '/v2/sessions/current', '/v2/invitations/{token}', '/v2/invitations/{token}/accept', '/v2/users/{user_id}/invitation']),
    );
    expect(body.paths['/v2/sessions'].post.responses['201']).toBeDefined();
    expect(body.paths['/v2/users/{user_id}/invitation'].post.responses['201']).toBeDefined();
    expect(body.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'crm_session' });
  });
});
