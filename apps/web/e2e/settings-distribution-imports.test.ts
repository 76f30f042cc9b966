import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, PHONE, screenshot, signedInPage } from './support/browser';
import { EmbeddedSystem, startEmbeddedSystem } from './support/embedded-system';

/**
 * Settings → distribution pools, lead-capture forms and CSV imports in the browser. Users are
 * seeded through the API; the pool, the form and the import are made on the screens, then
 * checked through the API (members and order, the form's owner and snippet, the leads' owners).
 */

type One<T> = { data: T };
type Many<T> = { items: { data: T }[]; meta: { links: { next_page?: string } } };
interface Pool {
  id: number;
  name: string;
  members: { user_id: number; position: number; weight: number; paused: boolean; daily_cap: number | null }[];
}
interface LeadForm {
  id: number;
  name: string;
  owner_id: number | null;
  owner_pool_id: number | null;
  fields: { name: string; required: boolean }[];
  embed_html: string;
}
interface Import {
  id: number;
  status: string;
  rows_read: number;
  rows_created: number;
  rows_failed: number;
  owner_pool_id: number | null;
  mapping: Record<string, string>;
}

const ROWS = 2000;
/** Data rows (0-based) with neither a surname nor a company: a lead needs one of them. */
const NAMELESS = [17, 400, 401, 999, 1500, 1998];
/** A data row with one value too many. */
const TOO_WIDE = 1234;

describe('web app: settings — distribution pools, lead-capture forms, imports', () => {
  let system: EmbeddedSystem;
  let browser: Browser;
  let page: Page;
  let workDir: string;
  const users: Record<'pia' | 'paul', number> = { pia: 0, paul: 0 };
  let poolId: number;

  async function api<T>(method: string, pathAndQuery: string, body?: unknown): Promise<T> {
    const answer = await system.api<T>(method, pathAndQuery, body);
    if (answer.status >= 300) throw new Error(`${method} ${pathAndQuery}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  async function eventually<T>(read: () => Promise<T>, matches: (value: T) => boolean, timeout = 15_000): Promise<T> {
    const deadline = Date.now() + timeout;
    let last = await read();
    while (!matches(last)) {
      if (Date.now() > deadline) throw new Error(`still ${JSON.stringify(last)}`);
      await new Promise((r) => setTimeout(r, 200));
      last = await read();
    }
    return last;
  }

  /** Every lead of one owner, page by page (the API has no total). */
  async function leadsOwnedBy(ownerId: number): Promise<number> {
    let count = 0;
    for (let p = 1; ; p++) {
      const page = await api<Many<{ id: number }>>('GET', `/v2/leads?owner_id=${ownerId}&per_page=100&page=${p}`);
      count += page.items.length;
      if (!page.meta.links.next_page) return count;
    }
  }

  beforeAll(async () => {
    workDir = mkdtempSync(path.join(tmpdir(), 'crm-web-settings-'));
    system = await startEmbeddedSystem();
    browser = await launchChromium();
    users.pia = (await api<One<{ id: number }>>('POST', '/v2/users', { data: { name: 'Pia Pool', email: 'pia@example.com', role: 'user' } })).data.id;
    users.paul = (await api<One<{ id: number }>>('POST', '/v2/users', { data: { name: 'Paul Pool', email: 'paul@example.com', role: 'user' } })).data.id;
    // Not offered where leads are given out (forms, lead imports).
    await api('POST', '/v2/distribution_pools', { data: { name: 'Deal desk', resource_type: 'deal' } });
    ({ page } = await signedInPage(browser, system));
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: system.baseUrl });
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('creates a pool, adds two members, orders and weighs them, refuses a blank name, pauses and resumes the pool', async () => {
    await page.goto(`${system.baseUrl}/settings/pools`);
    await page.getByRole('row').filter({ hasText: 'Deal desk' }).waitFor();
    await page.getByRole('button', { name: 'New pool' }).click();
    const dialog = page.getByRole('dialog', { name: 'New distribution pool' });
    await dialog.getByLabel('Pool name').fill('Inbound leads');
    await dialog.getByRole('button', { name: 'Create pool' }).click();
    await page.getByRole('heading', { name: 'Inbound leads' }).waitFor();
    poolId = Number(/\/settings\/pools\/(\d+)/.exec(page.url())![1]);
    await page.getByText('No members yet').waitFor();

    for (const name of ['Pia Pool', 'Paul Pool']) {
      await page.getByRole('combobox', { name: 'Add a member' }).click();
      await page.getByRole('option', { name: new RegExp(name) }).click();
      await page.getByRole('row', { name }).waitFor();
    }
    // Paul first, and Pia gets twice as many records.
    await page.getByRole('button', { name: 'Move Paul Pool up' }).click();
    await page.getByLabel('Weight of Pia Pool').fill('2');
    await page.getByLabel('Daily cap of Paul Pool').fill('5000');
    await page.getByText('Unsaved changes').waitFor();

    // A blank name: the API's message is shown and nothing is saved.
    await page.getByRole('textbox', { name: 'Pool name' }).fill(' ');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('name cannot be blank').waitFor();
    const unchanged = (await api<One<Pool>>('GET', `/v2/distribution_pools/${poolId}`)).data;
    expect(unchanged).toMatchObject({ name: 'Inbound leads', members: [] });

    await page.getByRole('textbox', { name: 'Pool name' }).fill('Inbound leads');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Pool “Inbound leads” saved.').waitFor();
    const saved = (await api<One<Pool>>('GET', `/v2/distribution_pools/${poolId}`)).data;
    expect(saved.members.map(({ user_id, weight, paused, daily_cap }) => ({ user_id, weight, paused, daily_cap }))).toEqual([
      { user_id: users.paul, weight: 1, paused: false, daily_cap: 5000 },
      { user_id: users.pia, weight: 2, paused: false, daily_cap: null },
    ]);

    // Pausing the pool pauses every member; resuming brings them back.
    await page.getByRole('button', { name: 'Pause pool' }).click();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('button', { name: 'Resume pool' }).waitFor();
    await eventually(
      async () => (await api<One<Pool>>('GET', `/v2/distribution_pools/${poolId}`)).data.members.map((m) => m.paused),
      (paused) => paused.every(Boolean),
    );
    expect(await page.getByRole('switch', { name: 'Pause Pia Pool' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Resume pool' }).click();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('button', { name: 'Pause pool' }).waitFor();
    await eventually(
      async () => (await api<One<Pool>>('GET', `/v2/distribution_pools/${poolId}`)).data.members.map((m) => m.paused),
      (paused) => paused.every((p) => !p),
    );

    await screenshot(page, 'settings-pools');

    await page.getByRole('link', { name: '← All pools' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Inbound leads' });
    await row.getByText('Active').waitFor();
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('2');
  });

  it('creates a lead form owned by the pool (after refusing one that requires no name) and shows its snippet with Copy', async () => {
    await page.goto(`${system.baseUrl}/settings/lead-forms`);
    await page.getByText('No lead-capture forms yet').waitFor();
    await page.getByRole('link', { name: 'New form' }).first().click();
    await page.getByLabel('Form name').fill('Website contact');
    await page.getByRole('combobox', { name: 'New leads go to' }).click();
    await page.getByRole('option', { name: 'Inbound leads (round robin)' }).waitFor();
    expect(await page.getByRole('option', { name: 'Deal desk (round robin)' }).count()).toBe(0);
    await page.getByRole('option', { name: 'Inbound leads (round robin)' }).click();
    await page.getByRole('button', { name: 'Add field' }).click(); // the first field not yet on the form: Company
    await page.getByLabel('Label of field 5').fill('Your company');

    // Nothing requires a last name or a company: refused, and no form is stored.
    await page.getByLabel('field 2 is required').uncheck();
    await page.getByRole('button', { name: 'Create form' }).click();
    await page.getByText('a form must require last_name or organization_name').waitFor();
    expect((await api<Many<LeadForm>>('GET', '/v2/lead_forms')).items).toHaveLength(0);

    await page.getByLabel('field 2 is required').check();
    await page.getByRole('button', { name: 'Create form' }).click();
    const snippet = page.getByLabel('Embed snippet');
    await snippet.waitFor();
    const [form] = (await api<Many<LeadForm>>('GET', '/v2/lead_forms')).items.map((i) => i.data);
    expect(form).toMatchObject({ name: 'Website contact', owner_id: null, owner_pool_id: poolId });
    expect(form.fields.map((f) => [f.name, f.required])).toEqual([
      ['first_name', false],
      ['last_name', true],
      ['email', true],
      ['phone', false],
      ['organization_name', false],
    ]);
    expect(await snippet.textContent()).toBe(form.embed_html);
    expect(form.embed_html).toContain(`action="${system.baseUrl}/v2/forms/`);
    // The preview renders the snippet itself (sandboxed: it cannot submit).
    await page.frameLocator('iframe[title="Form preview"]').getByLabel('Your company').waitFor();

    await page.getByRole('button', { name: 'Copy snippet' }).click();
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(form.embed_html);
    await screenshot(page, 'settings-lead-forms');

    await page.getByRole('link', { name: '← All forms' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Website contact' });
    await row.getByText('Inbound leads (pool)').waitFor();
    await row.getByText('Taking submissions').waitFor();
  });

  it('imports 2,000 leads into the pool: column mapping, a progress bar to 100%, the error report of the bad rows, leads split by weight', async () => {
    const lines = ['First name,Surname,E-mail,Company,Notes'];
    for (let i = 0; i < ROWS; i++) {
      if (NAMELESS.includes(i)) lines.push(`Nameless${i},,nameless${i}@import.test,,no name`);
      else if (i === TOO_WIDE) lines.push(`Wide${i},Row,wide${i}@import.test,Acme,note,extra`);
      else lines.push(`Person${i},Imported${i},person${i}@import.test,Company ${i % 50},"note ${i}, with a comma"`);
    }
    const file = path.join(workDir, 'leads.csv');
    writeFileSync(file, lines.join('\n'));

    await page.goto(`${system.baseUrl}/settings/imports`);
    await page.getByText('No imports yet.').waitFor();
    // A file with no header row is refused in the browser before anything is sent.
    const empty = path.join(workDir, 'empty.csv');
    writeFileSync(empty, '\n\n');
    await page.locator('input[type=file]').setInputFiles(empty);
    await page.getByText('The file has no header row').waitFor();
    expect(await page.getByRole('button', { name: 'Start import' }).isDisabled()).toBe(true);

    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('table', { name: 'Column mapping' }).waitFor();
    // Guessed from the header row, read in the browser.
    expect(await page.getByRole('combobox', { name: 'Import column Surname into' }).inputValue()).toBe('Last name');
    expect(await page.getByRole('combobox', { name: 'Import column E-mail into' }).inputValue()).toBe('Email');
    expect(await page.getByRole('combobox', { name: 'Import column Company into' }).inputValue()).toBe('Company');
    expect(await page.getByRole('combobox', { name: 'Import column Notes into' }).inputValue()).toBe('Description');
    await page.getByRole('combobox', { name: 'Import column Notes into' }).click();
    await page.getByRole('option', { name: "Don't import" }).click();
    await page.getByRole('combobox', { name: 'Owner of the imported records' }).click();
    await page.getByRole('option', { name: 'Inbound leads (round robin)' }).click();
    await page.getByRole('button', { name: 'Start import' }).click();

    // The bar is polled from the API until it reads 100%.
    const bar = page.getByRole('progressbar', { name: 'Import progress' });
    await bar.waitFor();
    const seen = new Set<string>();
    const deadline = Date.now() + 120_000;
    for (;;) {
      const now = (await bar.getAttribute('aria-valuenow')) ?? '';
      seen.add(now);
      if (now === '100') break;
      if (Date.now() > deadline) throw new Error(`progress stuck at ${now}`);
      await page.waitForTimeout(100);
    }
    const section = page.getByRole('region', { name: /^Import \d+$/ });
    await section.getByText('Completed').waitFor();
    const imports = (await api<Many<Import>>('GET', '/v2/imports')).items.map((i) => i.data);
    expect(imports).toHaveLength(1);
    const [job] = imports;
    expect(job).toMatchObject({ status: 'completed', rows_read: ROWS, rows_created: ROWS - NAMELESS.length - 1, rows_failed: NAMELESS.length + 1, owner_pool_id: poolId });
    expect(await section.getByLabel(/^Created: /).textContent()).toBe((ROWS - NAMELESS.length - 1).toLocaleString('en-US'));
    expect(await section.getByLabel(/^Failed: /).textContent()).toBe(String(NAMELESS.length + 1));
    expect(job.mapping).toMatchObject({ Surname: 'last_name', 'E-mail': 'email', Company: 'organization_name' });
    expect(job.mapping.Notes).toBeUndefined(); // not a field name: simply left unmapped
    await screenshot(page, 'settings-imports');

    // The error report, downloaded from the screen: one line per bad row, by record number (header = 1).
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Download error report/ }).click()]);
    const report = readFileSync((await download.path())!, 'utf8').trim().split('\n');
    expect(report[0]).toBe('row,error');
    expect(report.slice(1).map((line) => Number(line.split(',')[0]))).toEqual([...NAMELESS, TOO_WIDE].sort((a, b) => a - b).map((i) => i + 2));
    expect(report.join('\n')).toMatch(/last_name or organization_name/);
    expect(report.join('\n')).toMatch(/6 values, the header 5/);

    // Split by the pool: Pia (weight 2) twice as many as Paul (weight 1); nobody else.
    const paul = await leadsOwnedBy(users.paul);
    const pia = await leadsOwnedBy(users.pia);
    expect(paul + pia).toBe(job.rows_created);
    expect(Math.abs(pia - 2 * paul)).toBeLessThanOrEqual(3);
    const [sample] = (await api<Many<{ description: string | null; email: string }>>('GET', '/v2/leads?email=person5@import.test')).items.map((i) => i.data);
    expect(sample.description).toBeNull(); // Notes was not imported

    // The history lists it with its outcome.
    const history = page.getByRole('table', { name: 'Imports' });
    await history.getByRole('row').filter({ hasText: 'Completed' }).getByRole('link', { name: `Error report of import ${job.id}` }).waitFor();
  });

  it('shows the API refusal when the chosen pool was deleted meanwhile, and starts nothing', async () => {
    const doomed = (await api<One<Pool>>('POST', '/v2/distribution_pools', { data: { name: 'Short-lived', resource_type: 'lead' } })).data;
    const file = path.join(workDir, 'small.csv');
    writeFileSync(file, 'last_name\nSmall\n');
    await page.goto(`${system.baseUrl}/settings/imports`);
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('table', { name: 'Column mapping' }).waitFor();
    await page.getByRole('combobox', { name: 'Owner of the imported records' }).click();
    // Only lead pools are offered for leads.
    await page.getByRole('option', { name: 'Inbound leads (round robin)' }).waitFor();
    expect(await page.getByRole('option', { name: 'Deal desk (round robin)' }).count()).toBe(0);
    await page.getByRole('option', { name: 'Short-lived (round robin)' }).click();
    await api('DELETE', `/v2/distribution_pools/${doomed.id}`);
    await page.getByRole('button', { name: 'Start import' }).click();
    await page.getByText(`distribution pool ${doomed.id} does not exist`).waitFor();
    expect((await api<Many<Import>>('GET', '/v2/imports')).items).toHaveLength(1);
  });

  it('shows how much of a large file has been sent while it uploads, then the import\'s own bar', async () => {
    const lines = ['last_name,email'];
    for (let i = 0; i < 8000; i++) lines.push(`Uploaded${i},uploaded${i}@upload.test`);
    const file = path.join(workDir, 'upload.csv');
    writeFileSync(file, lines.join('\n'));
    await page.goto(`${system.baseUrl}/settings/imports`);
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('table', { name: 'Column mapping' }).waitFor();
    // A slow uplink (Chromium's network emulation), so that the upload takes seconds.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 100 * 1024 });
    try {
      await page.getByRole('button', { name: 'Start import' }).click();
      const upload = page.getByRole('progressbar', { name: 'Upload' });
      await upload.waitFor();
      const deadline = Date.now() + 30_000;
      let partly: number | undefined;
      while (partly === undefined && Date.now() < deadline) {
        const now = Number((await upload.getAttribute('aria-valuenow')) ?? 0);
        if (now > 0 && now < 100) partly = now;
        else await page.waitForTimeout(50);
      }
      expect(partly).toBeDefined();
      await page.getByText(/^Uploading .* of .* \(\d+ %\)…$/).waitFor();
    } finally {
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    }
    await page.getByRole('progressbar', { name: 'Import progress' }).first().waitFor({ timeout: 60_000 });
    const uploaded = async () => (await api<Many<Import>>('GET', '/v2/imports')).items.map((i) => i.data).find((job) => job.rows_created === 8000);
    expect(await eventually(uploaded, (job) => job?.status === 'completed', 60_000)).toMatchObject({ rows_failed: 0 });
  });

  it('works on a phone: the imports screen fits 390 px (tables scroll inside)', async () => {
    // The signed-in page, narrowed to a phone's width (the navigation becomes a drawer).
    const phone = page;
    await phone.setViewportSize(PHONE);
    await phone.goto(`${system.baseUrl}/settings/imports`);
    await phone.getByRole('button', { name: 'Toggle navigation' }).waitFor();
    await phone.getByRole('table', { name: 'Imports' }).waitFor();
    await phone.getByRole('button', { name: 'Start import' }).waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(phone, 'settings-imports-phone');
  });
});
