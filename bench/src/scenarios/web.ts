import { EmbeddedSystem, launchChromium, rawMessage, startEmbeddedSystem, TestImapServer } from '@crm/testing';
import { gzipSync } from 'node:zlib';
import type { Cookie } from 'playwright-core';
import { quantile } from '../measure';
import { numberOption } from '../options';

const BUDGET_JS_GZIP_BYTES = 300 * 1024;
const PASSWORD = 'bench password 1';
const IMAP_PASSWORD = 'bench imap password';
const SCREEN = '/communication-center/email';
const WARM_UP_LOADS = 3;

/**
 * Waits until the system has finished starting up (migrations, first mailbox sync, relays catching
 * up): embedded, every service shares one event loop with Postgres, so a start-up burst would be
 * measured as page load time. Settled = ten liveness answers in a row under 20 ms.
 */
async function settle(system: EmbeddedSystem): Promise<void> {
  const deadline = Date.now() + 120_000;
  let quick = 0;
  while (quick < 10 && Date.now() < deadline) {
    const started = performance.now();
    await (await fetch(`${system.baseUrl}/health/live`)).text();
    quick = performance.now() - started < 20 ? quick + 1 : 0;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Seeded so the Inbox's first page is full: contacts known to the account, mail from each. */
const SENDERS = 30;

interface Load {
  /** Navigation start → the first seeded email visible in the Inbox. */
  usableMs: number;
  domContentLoadedMs: number;
  /** Every script the screen fetched, with its size as a server would send it gzipped. */
  scripts: { url: string; bytes: number; gzipBytes: number }[];
  /** The API requests the screen made before it was usable. */
  apiRequests: string[];
}

/**
 * `npm run bench -- web`: the web app's JavaScript for a first load of the Communication Center
 * (gzipped, against the 300 KB budget) and the time to a usable Inbox in Chromium, cold (a new
 * browser profile each time) and warm (reload), with the baseline of the same run: the latency of
 * the API requests the screen itself makes, replayed straight against the gateway.
 */
export async function webBenchmark(): Promise<void> {
  const loads = numberOption('loads', 'BENCH_WEB_LOADS', 15);
  const imap = await TestImapServer.start();
  const system = await startEmbeddedSystem();
  const browser = await launchChromium();
  try {
    const { cookie: session, email } = await signIn(system);
    await seedInbox(system, imap, email);
    await settle(system);
    // Discarded: the first loads after a start also measure the server's own warm-up (JIT, caches).
    for (let i = 0; i < WARM_UP_LOADS; i++) {
      const context = await browser.newContext();
      await context.addCookies([session]);
      await measureLoad(await context.newPage(), system.baseUrl);
      await context.close();
    }
    const cold: Load[] = [];
    const warm: Load[] = [];
    for (let i = 0; i < loads; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addCookies([session]);
      const page = await context.newPage();
      cold.push(await measureLoad(page, system.baseUrl));
      warm.push(await measureLoad(page, system.baseUrl));
      await context.close();
    }
    const api = await replayApi(system, session, cold[cold.length - 1].apiRequests, loads * 4);
    report(cold, warm, api);
  } finally {
    await browser.close();
    await system.stop();
    await imap.destroy();
  }
}

async function signIn(system: EmbeddedSystem): Promise<{ cookie: Cookie; email: string }> {
  const self = await system.api<{ data: { id: number; email: string } }>('GET', '/v2/users/self');
  const invitation = await system.api<{ data: { invitation_url: string } }>('POST', `/v2/users/${self.body.data.id}/invitation`);
  const token = new URL(invitation.body.data.invitation_url).searchParams.get('token')!;
  const accepted = await fetch(`${system.baseUrl}/v2/invitations/${encodeURIComponent(token)}/accept`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ data: { password: PASSWORD } }),
  });
  const cookie = /crm_session=([^;]+)/.exec(accepted.headers.get('set-cookie') ?? '')?.[1];
  if (!cookie) throw new Error(`no session: ${accepted.status} ${await accepted.text()}`);
  const host = new URL(system.baseUrl).hostname;
  return { email: self.body.data.email, cookie: { name: 'crm_session', value: cookie, domain: host, path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' } };
}

/**
 * Mail from contacts of the account in the admin's IMAP mailbox (a private dovecot), synced into
 * the Communication Center the way a user's own mailbox is.
 */
async function seedInbox(system: EmbeddedSystem, imap: TestImapServer, adminEmail: string): Promise<void> {
  imap.setUser('admin', IMAP_PASSWORD);
  const messages: string[] = [];
  for (let i = 0; i < SENDERS; i++) {
    const email = `sender${i}@bench.example`;
    const created = await system.api('POST', '/v2/contacts', { data: { first_name: 'Sender', last_name: String(i), email } });
    if (created.status !== 200) throw new Error(`contact: ${created.status} ${JSON.stringify(created.body)}`);
    messages.push(rawMessage({ from: `Sender ${i} <${email}>`, to: adminEmail, subject: `Bench message ${i}`, text: `Hello number ${i}.` }));
  }
  await imap.append('admin', 'INBOX', messages);
  const connected = await system.api('POST', '/v2/mailbox_connections', { data: { host: '127.0.0.1', port: imap.port, tls: false, username: 'admin', password: IMAP_PASSWORD } });
  if (connected.status !== 200) throw new Error(`mailbox connection: ${connected.status} ${JSON.stringify(connected.body)}`);
  const deadline = Date.now() + 120_000;
  for (;;) {
    const inbox = await system.api<{ items?: unknown[] }>('GET', '/v2/communications/emails?tab=inbox&per_page=25');
    if ((inbox.body.items?.length ?? 0) >= 25) return;
    if (Date.now() > deadline) throw new Error(`the synced mail did not reach the Inbox: ${JSON.stringify(inbox.body).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function measureLoad(page: import('playwright-core').Page, baseUrl: string): Promise<Load> {
  const scripts: Load['scripts'] = [];
  const apiRequests: string[] = [];
  const pending: Promise<void>[] = [];
  const onResponse = (response: import('playwright-core').Response) => {
    const url = new URL(response.url());
    if (url.pathname.startsWith('/v2/')) apiRequests.push(url.pathname + url.search);
    if (url.pathname.endsWith('.js')) {
      pending.push(
        response.body().then((body) => {
          scripts.push({ url: url.pathname, bytes: body.length, gzipBytes: gzipSync(body).length });
        }, () => undefined),
      );
    }
  };
  page.on('response', onResponse);
  const started = Date.now();
  await page.goto(`${baseUrl}${SCREEN}`);
  await page.getByText(/Bench message \d+/).first().waitFor({ timeout: 30_000 });
  const usableMs = Date.now() - started;
  // Runs in the page; this package's types are Node's, so the entry is read structurally.
  const domContentLoadedMs = await page.evaluate(() => {
    const [nav] = (performance as unknown as { getEntriesByType(type: string): { domContentLoadedEventEnd: number; startTime: number }[] }).getEntriesByType('navigation');
    return nav ? nav.domContentLoadedEventEnd - nav.startTime : NaN;
  });
  await Promise.all(pending);
  page.off('response', onResponse);
  return { usableMs, domContentLoadedMs, scripts, apiRequests };
}

/** The screen's own API requests, in parallel as the page issues them, timed from this process. */
async function replayApi(system: EmbeddedSystem, session: Cookie, requests: string[], times: number): Promise<number[]> {
  const unique = [...new Set(requests)];
  const headers = { Cookie: `crm_session=${session.value}`, Accept: 'application/json' };
  const latencies: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    const answers = await Promise.all(unique.map((path) => fetch(`${system.baseUrl}${path}`, { headers })));
    await Promise.all(answers.map((a) => a.arrayBuffer()));
    latencies.push(performance.now() - started);
  }
  return latencies;
}

function report(cold: Load[], warm: Load[], api: number[]): void {
  const first = cold[0];
  const jsGzip = first.scripts.reduce((sum, s) => sum + s.gzipBytes, 0);
  const jsRaw = first.scripts.reduce((sum, s) => sum + s.bytes, 0);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`Communication Center first load: ${first.scripts.length} scripts, ${kb(jsRaw)} raw, ${kb(jsGzip)} gzipped (budget ${kb(BUDGET_JS_GZIP_BYTES)}: ${jsGzip <= BUDGET_JS_GZIP_BYTES ? 'met' : 'NOT met'})`);
  for (const script of [...first.scripts].sort((a, b) => b.gzipBytes - a.gzipBytes)) out(`  ${script.url}  ${kb(script.bytes)} raw, ${kb(script.gzipBytes)} gzipped`);
  out(`API requests of the screen: ${[...new Set(first.apiRequests)].join(', ')}`);
  const stats = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) };
  };
  const apiStats = stats(api);
  const rows: [string, { p50: number; p95: number }][] = [
    ['API requests of the screen, replayed (baseline)', apiStats],
    ['first usable Inbox, cold (new profile)', stats(cold.map((l) => l.usableMs))],
    ['DOMContentLoaded, cold', stats(cold.map((l) => l.domContentLoadedMs))],
    ['first usable Inbox, warm (reload)', stats(warm.map((l) => l.usableMs))],
  ];
  out('');
  out(`${'measure'.padEnd(50)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}  ratio to baseline (p50)`);
  for (const [name, s] of rows) {
    const ratio = name.includes('baseline') ? '(baseline)' : `${(s.p50 / apiStats.p50).toFixed(1)}×`;
    out(`${name.padEnd(50)}${s.p50.toFixed(1).padStart(9)}${s.p95.toFixed(1).padStart(9)}  ${ratio}`);
  }
}
