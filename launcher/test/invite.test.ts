import { RecordsRequests, SignInRequests } from '@crm/contracts';
import { recordsService } from '@crm/records';
import { startStack, Stack, TEST_NATS_URL } from '@crm/testing';
import { execFile } from 'node:child_process';
import * as path from 'node:path';

/** `npm run invite -- <email> [account id]` against running services over NATS (the distributed path). */
describe('npm run invite (over NATS)', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ services: [recordsService] });
  });
  afterAll(() => stack?.stop());

  const invite = (...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const env = {
        ...process.env,
        NATS_URL: TEST_NATS_URL,
        NATS_SUBJECT_PREFIX: stack.runtime('records').subjectPrefix,
        PUBLIC_URL: 'https://crm.example.com/',
      };
      execFile(process.execPath, [path.resolve(__dirname, '../dist/invite.js'), ...args], { env }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
      );
    });

  it('prints a fresh link for the user with that email, on PUBLIC_URL', async () => {
    const account = await stack.createAccount();
    const { email } = await stack.rpc.request(RecordsRequests.GetUser, { accountId: account.accountId, userId: account.userId, id: account.userId });

    const { code, stdout } = await invite(email.toUpperCase());
    expect(code).toBe(0);
    const token = /^https:\/\/crm\.example\.com\/accept-invitation\?token=([A-Za-z0-9_-]{43})$/m.exec(stdout)?.[1];
    expect(token).toBeDefined();
    await expect(stack.rpc.request(SignInRequests.GetInvitation, { token: token! })).resolves.toMatchObject({ email });
  });

  it('explains what is wrong: no email, an unknown one, one shared by several accounts', async () => {
    expect(await invite()).toMatchObject({ code: 64, stderr: expect.stringContaining('usage: npm run invite -- <email>') });
    expect(await invite('nobody@nowhere.test')).toMatchObject({ code: 1, stderr: expect.stringContaining('user not found') });

    const first = await stack.createAccount('First');
    const second = await stack.createAccount('Second');
    const shared = `shared-${Date.now()}@example.com`;
    for (const account of [first, second]) {
      await stack.rpc.request(RecordsRequests.CreateUser, { accountId: account.accountId, userId: account.userId, data: { name: 'Shared', email: shared } });
    }
    expect(await invite(shared)).toMatchObject({ code: 1, stderr: expect.stringContaining('several accounts') });
    expect(await invite(shared, String(second.accountId))).toMatchObject({ code: 0, stdout: expect.stringContaining('/accept-invitation?token=') });
  });
});
