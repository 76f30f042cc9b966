import { freePort } from '@crm/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

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
  });
});
