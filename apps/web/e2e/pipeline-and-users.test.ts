import { TestImapServer } from '@crm/testing';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, PHONE, screenshot, signedInPage } from './support/browser';
import { EmbeddedSystem, startEmbeddedSystem } from './support/embedded-system';

/**
 * The Deals pipeline board and Settings (users and roles, phone numbers, mailbox connection) in
 * the browser. Seed data goes in through the API; what is under test is done on the screens
 * (dragging with the mouse and the keyboard, forms, buttons) and then checked through the API.
 */

type One<T> = { data: T };
type Many<T> = { items: { data: T }[] };
interface Stage {
  id: number;
  name: string;
  category: string;
}
interface Deal {
  id: number;
  stage_id: number;
}
interface Contact {
  id: number;
  customer_status: string;
  prospect_status: string;
}
interface User {
  id: number;
  name: string;
  email: string;
  status: string;
  role_id: number | null;
}

describe('web app: pipeline board and settings', () => {
  let system: EmbeddedSystem;
  let browser: Browser;
  let page: Page;
  let stages: Record<string, Stage>;
  let contactId: number;
  let wonDealId: number;
  let keyboardDealId: number;
  let doomedDealId: number;

  async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
    const answer = await system.api<T>(method, path, body);
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }
  const deal = async (id: number) => (await api<One<Deal>>('GET', `/v2/deals/${id}`)).data;
  const column = (name: string) => page.getByRole('region', { name, exact: true });
  const card = (scope: Page | Locator, name: string) => scope.getByRole('group', { name: `Deal ${name}` });

  /** Waits until `read` gives `expected` (the API answers after the screen moved). */
  async function eventually<T>(read: () => Promise<T>, expected: T, timeout = 15_000): Promise<void> {
    const deadline = Date.now() + timeout;
    let last: T | undefined;
    while (Date.now() < deadline) {
      last = await read();
      if (JSON.stringify(last) === JSON.stringify(expected)) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(last).toEqual(expected);
  }

  /**
   * A real pointer drag: press on the card, move past dnd-kit's activation distance in steps, then
   * as a person would: hold the card at the board's edge while it scrolls (at 1280 px not every
   * column fits), and release over the column once it is in view.
   */
  async function drag(from: Locator, to: Locator): Promise<void> {
    const board = (await page.getByRole('region', { name: 'Pipeline board' }).boundingBox())!;
    await from.scrollIntoViewIfNeeded();
    const start = (await from.boundingBox())!;
    const y = start.y + start.height - 8;
    await page.mouse.move(start.x + start.width / 2, y);
    await page.mouse.down();
    await page.mouse.move(start.x + start.width / 2 + 12, y, { steps: 6 });
    for (let attempt = 0; ; attempt++) {
      const target = (await to.boundingBox())!;
      const inView = target.x >= board.x - 1 && target.x + target.width <= board.x + board.width + 1;
      if (inView) {
        // The point of the column nearest the board's middle: away from the edges that scroll.
        const x = Math.min(Math.max(board.x + board.width / 2, target.x + 12), target.x + target.width - 12);
        await page.mouse.move(x, target.y + 40, { steps: 10 });
        break;
      }
      if (attempt > 60) throw new Error('the target column never scrolled into view');
      const edge = target.x > board.x ? board.x + board.width - 6 : board.x + 6;
      await page.mouse.move(edge, board.y + 40, { steps: 4 });
      await page.waitForTimeout(150);
    }
    await page.waitForTimeout(150);
    await page.mouse.up();
  }

  beforeAll(async () => {
    system = await startEmbeddedSystem();
    browser = await launchChromium();
    const pipelineId = (await api<Many<{ id: number }>>('GET', '/v2/pipelines')).items[0].data.id;
    const list = await api<Many<Stage>>('GET', `/v2/stages?pipeline_id=${pipelineId}&per_page=100`);
    stages = Object.fromEntries(list.items.map((i) => [i.data.category, i.data]));

    contactId = (await api<One<Contact>>('POST', '/v2/contacts', { data: { first_name: 'Carla', last_name: 'Customer', email: 'carla@example.com' } })).data.id;
    const seed = async (name: string, value: string, currency: string, stage: string, withContact = true) =>
      (await api<One<Deal>>('POST', '/v2/deals', { data: { name, value, currency, stage_id: stages[stage].id, ...(withContact ? { contact_id: contactId } : {}) } })).data.id;
    wonDealId = await seed('Carla renewal', '1200.50', 'USD', 'incoming');
    keyboardDealId = await seed('Keyboard deal', '300', 'USD', 'incoming', false);
    doomedDealId = await seed('Vanishing deal', '99', 'EUR', 'incoming', false);
    await seed('Euro quote', '800', 'EUR', 'quote', false);
    ({ page } = await signedInPage(browser, system));
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('shows the board with totals, and dragging a deal to Won makes its contact a customer', async () => {
    await page.goto(`${system.baseUrl}/pipeline`);
    await card(column('Incoming'), 'Carla renewal').waitFor();
    const incoming = column('Incoming');
    const incomingTotals = page.getByRole('group', { name: 'Incoming totals' });
    await incomingTotals.getByText('3 deals').waitFor();
    await incomingTotals.getByText('$1,500.50').waitFor();
    await incomingTotals.getByText('€99.00').waitFor();
    await card(incoming, 'Carla renewal').getByText('Carla Customer').waitFor();
    await column('Won').getByText('No deals in this stage').waitFor();
    expect((await api<One<Contact>>('GET', `/v2/contacts/${contactId}`)).data.customer_status).toBe('none');
    await screenshot(page, 'pipeline');

    await drag(card(incoming, 'Carla renewal'), column('Won'));
    await card(column('Won'), 'Carla renewal').waitFor();
    await page.getByRole('group', { name: 'Won totals' }).getByText('1 deal', { exact: true }).waitFor();
    await incomingTotals.getByText('2 deals').waitFor();

    await eventually(async () => (await deal(wonDealId)).stage_id, stages.won.id);
    await eventually(async () => {
      const contact = (await api<One<Contact>>('GET', `/v2/contacts/${contactId}`)).data;
      return [contact.customer_status, contact.prospect_status];
    }, ['current', 'none']);
    // After the server's answer the columns are read again: the card stays where it was dropped.
    await page.reload();
    await card(column('Won'), 'Carla renewal').waitFor();
  });

  it('moves a deal with the keyboard only (handle, space, arrow right, space)', async () => {
    const handle = page.getByRole('button', { name: 'Drag Keyboard deal to another stage' });
    await handle.focus();
    // dnd-kit listens for the next keys from a timer after the drag starts: give it a moment between keys.
    await page.keyboard.press('Space');
    await page.waitForTimeout(250);
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(250);
    await page.keyboard.press('Space');
    await card(column('Qualified'), 'Keyboard deal').waitFor();
    await eventually(async () => (await deal(keyboardDealId)).stage_id, stages.qualified.id);
  });

  it('puts a card back and shows Sell\'s message when the API refuses the move', async () => {
    // Deleted behind the board's back: the PUT answers 404 and nothing may look moved. The board is
    // loaded afresh first, so that no refetch left over from the moves above (they invalidate their
    // columns) can drop the card before it is dragged.
    await page.reload();
    await card(column('Incoming'), 'Vanishing deal').waitFor();
    await api('DELETE', `/v2/deals/${doomedDealId}`);
    await drag(card(column('Incoming'), 'Vanishing deal'), column('Lost'));
    await page.getByText(/“Vanishing deal” was not moved to Lost/).waitFor();
    // Rolled back, then read again: the deal is gone from Lost and from the totals.
    await column('Lost').getByText('No deals in this stage').waitFor();
    await page.getByRole('group', { name: 'Lost totals' }).getByText('0 deals').waitFor();
    expect((await api<Many<Deal>>('GET', `/v2/deals?stage_id=${stages.lost.id}`)).items).toHaveLength(0);
  });

  it('scrolls sideways on a phone, and the Move menu moves a deal without dragging', async () => {
    const { context, page: phone } = await signedInPage(browser, system, PHONE);
    await phone.goto(`${system.baseUrl}/pipeline`);
    const board = phone.getByRole('region', { name: 'Pipeline board' });
    await phone.getByRole('region', { name: 'Qualified', exact: true }).getByRole('group', { name: 'Deal Keyboard deal' }).waitFor();
    const overflow = await board.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, page: document.documentElement.scrollWidth }));
    expect(overflow.scroll).toBeGreaterThan(overflow.client);
    expect(overflow.page).toBeLessThanOrEqual(PHONE.width); // the board scrolls, not the page
    await screenshot(phone, 'pipeline-phone');

    await phone.getByRole('button', { name: 'Move Keyboard deal to…' }).click();
    await phone.getByRole('menuitem', { name: 'Closure' }).click();
    await eventually(async () => (await deal(keyboardDealId)).stage_id, stages.closure.id);
    await context.close();
  });

  it('invites a user and shows the link with Copy; refuses a taken email and changes nothing', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: system.baseUrl });
    await page.goto(`${system.baseUrl}/settings/users`);
    await page.getByRole('table', { name: 'Users' }).waitFor();
    await page.getByRole('table', { name: 'Roles' }).getByText('Sales rep').waitFor();

    await page.getByRole('button', { name: 'Invite user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite a user' });
    await dialog.getByLabel('Name').fill('Nina New');
    await dialog.getByLabel('Email').fill('nina@example.com');
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Manager', exact: true }).click();
    await dialog.getByRole('button', { name: 'Invite' }).click();
    const link = dialog.getByLabel('Invitation link for Nina New');
    await link.waitFor();
    const url = await link.inputValue();
    expect(url).toMatch(new RegExp(`^${system.baseUrl}/accept-invitation\\?token=.+`));
    await dialog.getByRole('button', { name: 'Copy' }).click();
    await dialog.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    await screenshot(page, 'settings-users');

    const users = (await api<Many<User>>('GET', '/v2/users?email=nina@example.com')).items.map((i) => i.data);
    const roles = (await api<Many<{ id: number; name: string }>>('GET', '/v2/roles')).items.map((i) => i.data);
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ name: 'Nina New', status: 'active', role_id: roles.find((r) => r.name === 'Manager')!.id });
    // The link works: it names the invited user.
    const token = new URL(url).searchParams.get('token')!;
    expect((await api<One<{ email: string }>>('GET', `/v2/invitations/${encodeURIComponent(token)}`)).data.email).toBe('nina@example.com');

    await dialog.getByRole('button', { name: 'Invite another' }).click();
    await dialog.getByLabel('Name').fill('Nina Again');
    await dialog.getByLabel('Email').fill('nina@example.com');
    await dialog.getByRole('button', { name: 'Invite' }).click();
    await dialog.getByRole('alert').getByText(/already exists/).waitFor();
    expect((await api<Many<User>>('GET', '/v2/users?email=nina@example.com')).items).toHaveLength(1);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Deactivate, and a custom role with its permissions.
    await page.getByRole('button', { name: 'Deactivate Nina New' }).click();
    await eventually(async () => (await api<Many<User>>('GET', '/v2/users?email=nina@example.com')).items[0].data.status, 'inactive');
    await page.getByRole('button', { name: 'New role' }).click();
    const roleDialog = page.getByRole('dialog', { name: 'New role' });
    await roleDialog.getByLabel('Role name').fill('Team lead');
    await roleDialog.getByLabel('Reassign records').check();
    await roleDialog.getByLabel('See all records').check();
    await roleDialog.getByRole('button', { name: 'Create role' }).click();
    await page.getByRole('table', { name: 'Roles' }).getByText('Team lead').waitFor();
    const created = (await api<Many<{ name: string; permissions: string[] }>>('GET', '/v2/roles?name=team%20lead')).items[0].data;
    expect([...created.permissions].sort()).toEqual(['reassign_records', 'see_all_records']);
  });

  it('assigns a Twilio number to a user, refusing a malformed one', async () => {
    const rep = (await api<One<User>>('POST', '/v2/users', { data: { name: 'Tom Phone', email: 'tom@example.com', role: 'user' } })).data;
    await page.goto(`${system.baseUrl}/settings/phone-numbers`);
    await page.getByText('No Twilio numbers are assigned yet.').waitFor();
    await page.getByRole('combobox', { name: 'User' }).click();
    await page.getByRole('option', { name: 'Tom Phone', exact: true }).click();
    await page.getByLabel('Twilio number').fill('not a number');
    await page.getByRole('button', { name: 'Assign' }).click();
    await page.getByRole('alert').getByText(/valid phone number/).first().waitFor();
    expect((await api<Many<unknown>>('GET', '/v2/phone_numbers')).items).toHaveLength(0);

    await page.getByLabel('Twilio number').fill('+1 415 555 0199');
    await page.getByRole('button', { name: 'Assign' }).click();
    const table = page.getByRole('table', { name: 'Phone numbers' });
    await table.getByText('+14155550199').waitFor();
    await table.getByText('Tom Phone').waitFor();
    await screenshot(page, 'settings-phone-numbers');
    const numbers = (await api<Many<{ user_id: number; phone_number: string }>>('GET', '/v2/phone_numbers')).items.map((i) => i.data);
    expect(numbers).toEqual([expect.objectContaining({ user_id: rep.id, phone_number: '+14155550199' })]);
  });

  it('connects the mailbox over IMAP, shows a failed login, fixes it, and disconnects', async () => {
    const imap = await TestImapServer.start();
    try {
      imap.setUser('ada', 'right-password');
      await page.goto(`${system.baseUrl}/settings/mailbox`);
      await page.getByText('Nobody has connected a mailbox yet.').waitFor();
      const form = page.getByRole('form', { name: 'Connect a mailbox' });
      await form.getByLabel('IMAP server').fill('127.0.0.1');
      await form.getByRole('combobox', { name: 'Security' }).click();
      await page.getByRole('option', { name: 'None (not recommended)' }).click();
      await form.getByLabel('Port').fill(String(imap.port));
      await form.getByLabel('Username').fill('ada');
      await form.getByRole('textbox', { name: 'Password', exact: true }).fill('wrong-password');
      await form.getByRole('button', { name: 'Connect mailbox' }).click();

      const own = page.getByRole('region', { name: 'Your mailbox' });
      await own.getByLabel('Status: Error').waitFor({ timeout: 60_000 });
      await own.getByRole('alert').waitFor();
      await page.getByRole('table', { name: 'Mailbox connections' }).getByText('ada on 127.0.0.1').waitFor();

      await own.getByRole('button', { name: 'Change settings' }).click();
      await own.getByRole('textbox', { name: 'Password', exact: true }).fill('right-password');
      await own.getByRole('button', { name: 'Save settings' }).click();
      await own.getByLabel('Status: Up to date').waitFor({ timeout: 60_000 });
      await own.getByLabel('Inbox sync progress').waitFor();
      await screenshot(page, 'settings-mailbox');

      await own.getByRole('button', { name: 'Disconnect' }).click();
      await page.getByRole('dialog', { name: 'Disconnect mailbox' }).getByRole('button', { name: 'Disconnect' }).click();
      await own.getByRole('button', { name: 'Connect mailbox' }).waitFor();
      expect((await api<Many<unknown>>('GET', '/v2/mailbox_connections')).items).toHaveLength(0);
    } finally {
      await imap.destroy();
    }
  });
});
