import type { Browser, Page } from 'playwright-core';
import { launchChromium, PHONE, screenshot, signedInPage } from './support/browser';
import { EmbeddedSystem, startEmbeddedSystem } from './support/embedded-system';

/**
 * Leads, contacts and deals in the browser: lists with smart lists and bulk reassign, a lead's
 * page (notes, stars, threads, BCC address) and converting it with a distribution pool as owner.
 * Seed data goes in through the API; everything under test is done through the screens, then
 * checked through the API.
 */

type One<T> = { data: T };
type Many<T> = { items: { data: T }[] };
interface Lead {
  id: number;
  owner_id: number;
  status: string;
}

describe('web app: leads, contacts and deals', () => {
  let system: EmbeddedSystem;
  let browser: Browser;
  let page: Page;
  const users: Record<'pia' | 'paul' | 'rex', number> = { pia: 0, paul: 0, rex: 0 };
  let poolId: number;
  let leadId: number;
  const BULK_TAG = 'bulk-e2e';
  const BULK_COUNT = 30;

  async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
    const answer = await system.api<T>(method, path, body);
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  /** Picks an option of a Mantine Select (or MultiSelect) found by its label inside `scope`. */
  async function choose(scope: Page | ReturnType<Page['getByRole']>, label: string, option: string): Promise<void> {
    await scope.getByRole('combobox', { name: label }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  beforeAll(async () => {
    system = await startEmbeddedSystem();
    browser = await launchChromium();
    for (const [key, name] of [
      ['pia', 'Pia Pool'],
      ['paul', 'Paul Pool'],
      ['rex', 'Rex Reassign'],
    ] as const) {
      users[key] = (await api<One<{ id: number }>>('POST', '/v2/users', { data: { name, email: `${key}@example.com`, role: 'user' } })).data.id;
    }
    poolId = (
      await api<One<{ id: number }>>('POST', '/v2/distribution_pools', {
        data: { name: 'Contact round robin', resource_type: 'contact', members: [{ user_id: users.pia }, { user_id: users.paul }] },
      })
    ).data.id;
    leadId = (
      await api<One<Lead>>('POST', '/v2/leads', {
        data: { first_name: 'Lena', last_name: 'Convert', organization_name: 'Convert Co', email: 'lena@convert.example', tags: ['hot-lead'] },
      })
    ).data.id;
    for (let i = 1; i <= BULK_COUNT; i++) {
      await api('POST', '/v2/leads', { data: { first_name: `Bulk${String(i).padStart(2, '0')}`, last_name: 'Lead', tags: [BULK_TAG] } });
    }
    ({ page } = await signedInPage(browser, system));
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: system.baseUrl });
  });

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('lists leads with filters, sorting and pages, and refuses a bad new lead without creating it', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Leads' }).click();
    await page.getByRole('heading', { name: 'Leads' }).waitFor();
    const table = page.getByRole('table', { name: 'Leads' });
    // Newest change first: the last lead seeded on top; 31 leads, 25 a page.
    await table.getByRole('row').nth(1).getByRole('link', { name: 'Bulk30 Lead' }).waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Page 2').waitFor();
    await table.getByRole('link', { name: 'Lena Convert' }).waitFor();
    expect(await table.getByRole('row').count()).toBe(1 + 6);

    await table.getByRole('button', { name: 'Name' }).click();
    await page.waitForURL(/sort=last_name%3Aasc/);
    await page.getByText('Page 1').waitFor();
    await table.getByRole('row').nth(1).getByRole('link', { name: 'Lena Convert' }).waitFor();
    await screenshot(page, 'leads');

    await choose(page, 'Status', 'Working');
    await page.getByText('No leads match.').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await table.getByRole('link', { name: 'Lena Convert' }).waitFor();

    const before = (await api<Many<Lead>>('GET', '/v2/leads?per_page=100')).items.length;
    await page.getByRole('button', { name: 'New lead' }).first().click();
    const form = page.getByRole('dialog');
    await form.getByRole('textbox', { name: 'First name' }).fill('Broken');
    await form.getByRole('textbox', { name: 'Email' }).fill('not-an-email');
    // The browser would stop a type=email field itself; the API's refusal is what is under test.
    await form.locator('form').evaluate((f: HTMLFormElement) => (f.noValidate = true));
    await form.getByRole('button', { name: 'Create lead' }).click();
    await form.getByRole('alert').waitFor();
    expect(await form.getByRole('alert').textContent()).toMatch(/email/i);
    expect((await api<Many<Lead>>('GET', '/v2/leads?per_page=100')).items.length).toBe(before);
    await form.getByRole('button', { name: 'Cancel' }).click();
  });

  it('saves a smart list by tag and reassigns all its leads, following the job to the end', async () => {
    await page.goto(`${system.baseUrl}/leads`);
    await page.getByRole('button', { name: 'Save as smart list' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save as smart list' });
    // Bad input first: a search shorter than 3 characters is refused, and no list is saved.
    await dialog.getByRole('textbox', { name: 'Smart list name' }).fill('Bulk leads');
    await dialog.getByRole('textbox', { name: 'Search text' }).fill('ab');
    await dialog.getByRole('button', { name: 'Save smart list' }).click();
    await dialog.getByRole('alert').getByText(/at least 3 characters/).waitFor();
    expect((await api<Many<unknown>>('GET', '/v2/smart_lists')).items).toHaveLength(0);

    await dialog.getByRole('textbox', { name: 'Search text' }).fill('');
    await dialog.getByRole('combobox', { name: 'Tags' }).fill(BULK_TAG);
    await dialog.getByRole('combobox', { name: 'Tags' }).press('Enter');
    await dialog.getByRole('button', { name: 'Save smart list' }).click();
    await page.getByLabel(`${BULK_COUNT} matching`).waitFor();
    await page.getByRole('table', { name: 'Leads' }).getByRole('link', { name: 'Bulk30 Lead' }).waitFor();

    await page.getByRole('button', { name: 'Reassign all' }).click();
    const reassign = page.getByRole('dialog', { name: 'Reassign leads' });
    await choose(reassign, 'New owner', 'Rex Reassign');
    await reassign.getByRole('button', { name: 'Reassign', exact: true }).click();
    await reassign.getByRole('status').getByText(`Done: ${BULK_COUNT} of ${BULK_COUNT} reassigned.`).waitFor({ timeout: 60_000 });
    expect(await reassign.getByRole('progressbar', { name: 'Reassignment progress' }).getAttribute('aria-valuenow')).toBe('100');
    await reassign.getByRole('button', { name: 'Done' }).click();

    const rexLeads = await api<Many<Lead>>('GET', `/v2/leads?owner_id=${users.rex}&per_page=100`);
    expect(rexLeads.items).toHaveLength(BULK_COUNT);
  });

  it('reassigns ticked rows one by one with a progress bar', async () => {
    await page.goto(`${system.baseUrl}/leads?sort=last_name%3Aasc`);
    const table = page.getByRole('table', { name: 'Leads' });
    await table.getByRole('checkbox', { name: 'Select Bulk01 Lead' }).check();
    await table.getByRole('checkbox', { name: 'Select Bulk02 Lead' }).check();
    await page.getByText('2 selected').waitFor();
    await page.getByRole('button', { name: 'Reassign selected' }).click();
    const reassign = page.getByRole('dialog', { name: 'Reassign leads' });
    await choose(reassign, 'New owner', 'Pia Pool');
    await reassign.getByRole('button', { name: 'Reassign', exact: true }).click();
    await reassign.getByText('Done: 2 of 2 reassigned.').waitFor();
    await reassign.getByRole('button', { name: 'Done' }).click();
    const piaLeads = await api<Many<{ first_name: string }>>('GET', `/v2/leads?owner_id=${users.pia}&per_page=100`);
    expect(piaLeads.items.map((i) => i.data.first_name).sort()).toEqual(['Bulk01', 'Bulk02']);
  });

  it("keeps a lead's notes in its feed: star one, put it in a thread, filter by both", async () => {
    await page.goto(`${system.baseUrl}/leads/${leadId}`);
    await page.getByRole('heading', { name: 'Lena Convert' }).waitFor();
    await page.getByRole('textbox', { name: 'Note' }).fill('Called back, wants a quote by Friday');
    await page.getByRole('button', { name: 'Save note' }).click();
    const note = page.getByRole('article').filter({ hasText: 'wants a quote' });
    await note.waitFor({ timeout: 30_000 });

    await note.getByRole('button', { name: 'Star note' }).click();
    await note.getByRole('button', { name: 'Unstar note' }).waitFor();
    await note.getByRole('button', { name: 'Threads of this note' }).click();
    await page.getByRole('menuitem', { name: 'New thread with this note…' }).click();
    const thread = page.getByRole('dialog', { name: 'New thread' });
    await thread.getByRole('textbox', { name: 'Thread name' }).fill('Quote');
    await thread.getByRole('button', { name: 'Create thread' }).click();
    await note.getByText('Quote', { exact: true }).waitFor();

    const show = page.getByRole('radiogroup', { name: 'Show' });
    await show.getByText('Starred').click();
    await note.waitFor();
    await show.getByText('All').click();
    await choose(page, 'Thread', 'Quote');
    await note.waitFor();
    const starred = await api<Many<{ id: number; starred: boolean; thread_ids: number[] }>>('GET', `/v2/activities?resource_type=lead&resource_id=${leadId}&starred=true`);
    expect(starred.items).toHaveLength(1);
    expect(starred.items[0].data.thread_ids).toHaveLength(1);
    await screenshot(page, 'lead');
  });

  it('copies and regenerates the BCC address from a lead page', async () => {
    const before = (await api<One<{ email: string }>>('GET', '/v2/bcc_address')).data.email;
    await page.goto(`${system.baseUrl}/leads/${leadId}`);
    const card = page.getByRole('region', { name: 'BCC address' });
    const shown = card.getByLabel('Current BCC address');
    await shown.getByText(before).waitFor();

    await card.getByRole('button', { name: 'Copy BCC address' }).click();
    await card.getByRole('button', { name: 'Copy BCC address' }).getByText('Copied').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(before);

    // Cancel changes nothing.
    await card.getByRole('button', { name: 'Generate new address' }).click();
    const confirm = page.getByRole('dialog', { name: 'Generate a new BCC address?' });
    await confirm.getByText(/keeps working for a grace period/).waitFor();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect((await api<One<{ email: string }>>('GET', '/v2/bcc_address')).data.email).toBe(before);

    await card.getByRole('button', { name: 'Generate new address' }).click();
    await confirm.getByRole('button', { name: 'Generate new address' }).click();
    await card.getByText(/still accepted until/).waitFor();
    const after = (await api<One<{ email: string; previous: { email: string }[] }>>('GET', '/v2/bcc_address')).data;
    expect(after.email).not.toBe(before);
    expect(after.previous.map((p) => p.email)).toContain(before);
    await shown.getByText(after.email).waitFor();
  });

  it('converts a lead with a distribution pool as owner and a deal', async () => {
    const stages = (await api<Many<{ id: number; name: string; pipeline_id: number; position: number }>>('GET', '/v2/stages?per_page=100')).items.map((i) => i.data);
    const stage = stages.sort((a, b) => a.position - b.position)[1];

    await page.goto(`${system.baseUrl}/leads/${leadId}`);
    await page.getByRole('button', { name: 'Convert' }).click();
    const dialog = page.getByRole('dialog', { name: /Convert Lena Convert/ });
    await choose(dialog, 'Owner', 'Contact round robin (round robin)');
    await dialog.getByRole('checkbox', { name: 'Create a deal' }).check();
    await dialog.getByRole('textbox', { name: 'Deal name' }).fill('Convert Co — first order');
    await choose(dialog, 'Pipeline stage', stage.name);
    await dialog.getByRole('textbox', { name: 'Deal value' }).fill('1200');
    await dialog.getByRole('button', { name: 'Convert', exact: true }).click();
    await page.waitForURL(/\/contacts\/\d+$/);
    await page.getByLabel(/Customer status:/).waitFor();
    await page.getByRole('link', { name: 'Convert Co — first order' }).waitFor();
    await screenshot(page, 'contact');

    const conversion = (await api<Many<{ individual_id: number; deal_id: number | null }>>('GET', `/v2/lead_conversions?lead_id=${leadId}`)).items[0].data;
    expect(new URL(page.url()).pathname).toBe(`/contacts/${conversion.individual_id}`);
    const contact = (await api<One<{ owner_id: number }>>('GET', `/v2/contacts/${conversion.individual_id}`)).data;
    expect([users.pia, users.paul]).toContain(contact.owner_id);
    expect(conversion.deal_id).not.toBeNull();
    const deal = (await api<One<{ name: string; owner_id: number; stage_id: number; value: string; contact_id: number; dropbox_email: string }>>('GET', `/v2/deals/${conversion.deal_id}`)).data;
    expect(deal).toMatchObject({ name: 'Convert Co — first order', owner_id: contact.owner_id, stage_id: stage.id, contact_id: conversion.individual_id });
    expect(Number(deal.value)).toBe(1200);
    expect((await api<One<Lead>>('GET', `/v2/leads/${leadId}`)).data.status).toBe('Converted');
    const assignments = await api<Many<{ resource_type: string; resource_id: number | null; user_id: number }>>('GET', `/v2/distribution_assignments?pool_id=${poolId}`);
    expect(assignments.items.map((i) => i.data)).toContainEqual(expect.objectContaining({ user_id: contact.owner_id }));

    // The deal's page shows its own dropbox address.
    await page.getByRole('link', { name: 'Convert Co — first order' }).click();
    await page.getByRole('region', { name: 'Deal email address' }).getByText(deal.dropbox_email).waitFor();

    await page.goto(`${system.baseUrl}/deals`);
    await page.getByRole('table', { name: 'Deals' }).getByRole('link', { name: 'Convert Co — first order' }).waitFor();
    await screenshot(page, 'deals');
  });

  it('works on a phone: the list scrolls sideways, the page is one column', async () => {
    const phone = await browser.newContext({ viewport: PHONE });
    const cookies = await page.context().cookies();
    await phone.addCookies(cookies);
    const phonePage = await phone.newPage();
    await phonePage.goto(`${system.baseUrl}/leads`);
    await phonePage.getByRole('table', { name: 'Leads' }).getByRole('link').first().waitFor();
    // Nothing wider than the screen except the table's own scroll area.
    const overflow = await phonePage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(phonePage, 'leads-phone');
    await phone.close();
  });
});
