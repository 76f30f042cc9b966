import { freePort } from './process-stack';
import { PrismMock, startPrism } from './twilio/prism-mock';
import { TwilioApiProxy } from './twilio/twilio-api-proxy';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const TWILIO_ACCOUNT_SID = `AC${'0'.repeat(31)}1`;
export const TWILIO_AUTH_TOKEN = 'web-e2e-auth-token';

/**
 * The system as `npm start` runs it (embedded Postgres, in-process messaging, gateway serving the
 * built web app), on free ports and a fresh data directory, with Twilio's REST API played by the
 * spec mock behind the recording proxy.
 */
export interface EmbeddedSystem {
  baseUrl: string;
  smtpPort: number;
  adminToken: string;
  twilio: TwilioApiProxy;
  /** The launcher's output so far (first-run messages, logs). */
  output(): string;
  /** A call to the public API as the admin's integration token. */
  api<T = unknown>(method: string, pathAndQuery: string, body?: unknown): Promise<{ status: number; body: T }>;
  stop(): Promise<void>;
}

/** packages/testing/{src,dist} → the repository's launcher build. */
const LAUNCHER = path.resolve(__dirname, '../../../launcher/dist/main.js');

export async function startEmbeddedSystem(extraEnv: Record<string, string> = {}): Promise<EmbeddedSystem> {
  // The caller's package depends on @crm/launcher, so turbo has built it (testing cannot: cycle).
  if (!existsSync(LAUNCHER)) throw new Error(`${LAUNCHER} is missing: build the launcher first (npx turbo run build --filter=@crm/launcher)`);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'crm-web-e2e-'));
  const prism: PrismMock = await startPrism();
  const twilio = await TwilioApiProxy.start(prism.url);
  const port = await freePort();
  const smtpPort = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    SMTP_PORT: String(smtpPort),
    DATA_DIR: dataDir,
    PUBLIC_URL: baseUrl,
    LOG_LEVEL: 'warn',
    TWILIO_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN,
    TWILIO_API_BASE_URL: twilio.url,
    ...extraEnv,
  };
  delete env.DATABASE_URL;
  delete env.NATS_URL;
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [LAUNCHER], { env, stdio: 'pipe' });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 120_000;
  while (!output.includes('CRM is running')) {
    if (child.exitCode !== null) throw new Error(`the system exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`the system did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const adminToken = readFileSync(path.join(dataDir, 'admin-token'), 'utf8').trim();

  return {
    baseUrl,
    smtpPort,
    adminToken,
    twilio,
    output: () => output,
    async api<T>(method: string, pathAndQuery: string, body?: unknown) {
      const response = await fetch(`${baseUrl}${pathAndQuery}`, {
        method,
        headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json', Accept: 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGINT');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      child.stdout?.destroy();
      child.stderr?.destroy();
      await twilio.stop();
      await prism.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
