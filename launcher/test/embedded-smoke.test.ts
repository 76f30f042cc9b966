import { freePort } from '@crm/testing';
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** Each test starts the CRM (up to 90 s each on a busy machine) and stops it again. */
const STARTS_TIMEOUT_MS = 240_000;

/** `npm start` as a new user runs it: embedded Postgres under DATA_DIR, in-process messaging. */
describe('embedded mode (npm start)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'crm-embedded-'));
  let child: ChildProcess | undefined;
  let output = '';
  let port = 0;

  const start = async (): Promise<void> => {
    port = await freePort();
    output = '';
    const env = { ...process.env, PORT: String(port), SMTP_PORT: String(await freePort()), DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    delete env.NATS_URL;
    child = spawn(process.execPath, [path.resolve(__dirname, '../dist/main.js')], { env, stdio: 'pipe' });
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 90_000;
    while (!output.includes('CRM is running')) {
      if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}:\n${output}`);
      if (Date.now() > deadline) throw new Error(`did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  const stop = () =>
    new Promise<void>((resolve) => {
      if (!child || child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGINT');
    });

  /** `npm run invite -- <email>` against this data directory and port. */
  const invite = (email: string) =>
    new Promise<string>((resolve, reject) => {
      const env = { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
      delete env.DATABASE_URL;
      delete env.NATS_URL;
      execFile(process.execPath, [path.resolve(__dirname, '../dist/invite.js'), email], { env }, (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stdout}${stderr}`)) : resolve(stdout),
      );
    });
  const tokenOf = (text: string): string => {
    const token = /\/accept-invitation\?token=([A-Za-z0-9_-]{43})/.exec(text)?.[1];
    if (!token) throw new Error(`no invitation link in:\n${text}`);
    return token;
  };

  afterAll(async () => {
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints a token on first start, serves the API, and keeps the data across restarts', async () => {
    await start();
    const token = output.match(/\b([0-9a-f]{64})\b/)?.[1];
    expect(token).toBeDefined();
    expect(statSync(path.join(dataDir, 'admin-token')).mode & 0o777).toBe(0o600);
    const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const base = `http://127.0.0.1:${port}`;

    const created = await fetch(`${base}/v2/leads`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ data: { first_name: 'Embedded', last_name: 'Lead', email: 'embedded@example.com' } }),
    });
    expect(created.status).toBe(200);
    const lead = ((await created.json()) as { data: { id: number } }).data;
    const read = await fetch(`${base}/v2/leads/${lead.id}`, { headers: auth });
    expect(((await read.json()) as { data: { last_name: string } }).data.last_name).toBe('Lead');
    expect((await fetch(`${base}/health`)).status).toBe(200);

    await stop();
    await start();
    expect(output).not.toMatch(/\b[0-9a-f]{64}\b/);
    expect(output).toContain('admin-token');
    const again = await fetch(`http://127.0.0.1:${port}/v2/leads/${lead.id}`, { headers: auth });
    expect(again.status).toBe(200);
  }, STARTS_TIMEOUT_MS);

  it("prints a link to choose the admin's password until one is chosen, then the web app's address; npm run invite makes new links", async () => {
    // Still running from the restart above: the admin has no password yet, so that start printed a fresh link.
    expect(output).toContain(`Sign in to the web app: open http://localhost:${port}/accept-invitation?token=`);
    expect(output).toMatch(/to choose the admin's password\.\n/);
    const base = `http://127.0.0.1:${port}`;
    const accepted = await fetch(`${base}/v2/invitations/${tokenOf(output)}/accept`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ data: { password: 'embedded admin password' } }),
    });
    expect(accepted.status).toBe(201);
    const cookie = accepted.headers.get('set-cookie')!.split(';')[0];
    expect((await fetch(`${base}/v2/users/self`, { headers: { Cookie: cookie } })).status).toBe(200);

    // While it runs, through its API with the saved admin token.
    const whileRunning = tokenOf(await invite('ADMIN@example.com'));
    expect((await fetch(`${base}/v2/invitations/${whileRunning}`)).status).toBe(200);

    // While it is stopped, on its database directly.
    await stop();
    const printed = await invite('admin@example.com');
    expect(printed).toMatch(/^Invitation for admin@example.com \(valid 7 days/);
    const whileStopped = tokenOf(printed);

    await start();
    expect(output).toContain(`Web app: http://localhost:${port}/`);
    expect(output).not.toContain('Sign in to the web app');
    expect((await fetch(`http://127.0.0.1:${port}/v2/invitations/${whileStopped}`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/v2/invitations/${whileRunning}`)).status).toBe(404); // voided by the newer one
  }, STARTS_TIMEOUT_MS);
});
