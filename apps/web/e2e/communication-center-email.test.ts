import type { Browser, Page } from 'playwright-core';
import { rawMessage, TestImapServer } from '@crm/testing';
import {
  CapturingRelay,
  emailInTab,
  eventually,
  forwardedBody,
  getData,
  itemsAt,
  recordWithEmail,
  sendMail,
  tabEmails,
} from './communication-center-email.support';
import { launchChromium, PHONE, screenshot, signedInPage } from './support/browser';
import { EmbeddedSystem, startEmbeddedSystem } from './support/embedded-system';

/**
 * The Communication Center's email, used through the browser against the whole system. Mail
 * arrives the real ways: forwarded and Bcc'd to the account's BCC address over SMTP (filed on
 * contacts, so Inbox and Sent), and from strangers in the admin's synced IMAP mailbox (BCC mail
 * always gets a contact, so only a mailbox feeds Suggested people); mail sent from the CRM goes
 * out through a local relay and its tracking pixel is fetched to count opens.
 */
describe('web app: Communication Center email', () => {
  const NORA = { name: 'Nora Quinn', email: 'nora@northwind.example' };
  const OLGA = { name: 'Olga Berg', email: 'olga@outpost.example' };
  const SAM = { name: 'Sam Rivers', email: 'sam@riverbank.example' };
  const PAT = { name: 'Pat Lee', email: 'pat@events.example' };
  const ROB = { name: 'Rob Stone', email: 'rob@stonemason.example' };
  const KIM = { name: 'Kim Novak', email: 'kim@resellers.example' };

  let relay: CapturingRelay;
  let imap: TestImapServer;
  let system: EmbeddedSystem;
  let browser: Browser;
  let page: Page;
  let admin: { id: number; email: string };
  let nora: { id: number };

  const mailbox = (tab = 'inbox') => `${system.baseUrl}/communication-center/email/${tab}`;
  const row = (name: string) => page.getByRole('listitem', { name, exact: true });

  beforeAll(async () => {
    relay = await CapturingRelay.start();
    imap = await TestImapServer.start();
    system = await startEmbeddedSystem({ SMTP_RELAY_URL: relay.url, MAILBOX_POLL_SECONDS: '5' });
    browser = await launchChromium();
    admin = (await getData<{ data: { id: number; email: string } }>(system, '/v2/users/self')).data;
    const bcc = (await getData<{ data: { email: string } }>(system, '/v2/bcc_address')).data.email;

    // Inbox: the admin forwards two emails from a new customer; mail-ingest creates her contact.
    for (const [subject, text] of [['Quote for 20 seats', 'What would 20 seats cost per year?'], ['Quote timeline', 'When could we start?']]) {
      await sendMail(system.smtpPort, { from: admin.email, to: bcc, subject: `Fwd: ${subject}`, text: forwardedBody({ from: `${NORA.name} <${NORA.email}>`, to: admin.email, subject, text }) });
    }
    // Sent, outside the CRM: the admin writes to Olga with the BCC address in Bcc. Its HTML carries
    // what the sanitiser removes (a script, a remote image).
    await sendMail(system.smtpPort, {
      from: admin.email,
      to: `${OLGA.name} <${OLGA.email}>`,
      bcc,
      subject: 'Welcome aboard',
      text: 'Hello Olga, welcome aboard!',
      html: '<p>Hello <b>Olga</b>, welcome aboard!</p><img src="https://tracker.example/open.gif"><script>window.parent.document.title = "pwned"</script>',
    });
    nora = await recordWithEmail(system, 'contacts', NORA.email);

    // Sent from the CRM: two emails to Nora through the relay; the first one opened twice.
    for (const [subject, html] of [['Your quote', '<p>Quote attached, Nora.</p>'], ['Checking in', '<p>Any questions?</p>']]) {
      const sent = await system.api('POST', '/v2/emails', { data: { to: [{ resource_type: 'contact', resource_id: nora.id }], subject, html } });
      expect(sent.status).toBe(200);
    }
    const pixel = await eventually(async () => relay.pixelPathOf('Quote attached'));
    for (let i = 0; i < 2; i++) await fetch(`${system.baseUrl}${pixel}`);

    // Suggested people: strangers write to the admin's own mailbox, which the CRM syncs.
    imap.setUser('admin', 'imap-secret-1');
    await imap.append('admin', 'INBOX', [
      rawMessage({ from: `${SAM.name} <${SAM.email}>`, to: admin.email, subject: 'Partnership idea', text: 'Shall we work together?' }),
      rawMessage({ from: `${SAM.name} <${SAM.email}>`, to: admin.email, subject: 'Partnership follow-up', text: 'Any thoughts?' }),
      rawMessage({ from: `${PAT.name} <${PAT.email}>`, to: admin.email, subject: 'Conference invitation', text: 'Join our expo.' }),
      rawMessage({ from: `${ROB.name} <${ROB.email}>`, to: admin.email, subject: 'Bulk order', text: 'We need 500 units.' }),
      rawMessage({ from: `${KIM.name} <${KIM.email}>`, to: admin.email, subject: 'Reseller question', text: 'Do you have a reseller program?' }),
    ]);
    const connected = await system.api('POST', '/v2/mailbox_connections', { data: { host: '127.0.0.1', port: imap.port, tls: false, username: 'admin', password: 'imap-secret-1' } });
    expect([200, 201]).toContain(connected.status);

    await eventually(async () => ((await itemsAt(system, '/v2/communications/suggested_people')).length === 4 ? true : undefined), 60_000);
    await eventually(async () => ((await tabEmails(system, 'inbox')).length === 2 ? true : undefined));
    await eventually(async () => ((await tabEmails(system, 'sent')).length === 3 ? true : undefined));
    await eventually(async () => ((await emailInTab(system, 'sent', 'Your quote')) as { open_count?: number } | undefined)?.open_count === 2 || undefined);

    ({ page } = await signedInPage(browser, system));
  });

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    await imap?.destroy();
    await relay?.stop();
  });

  it('lists the Inbox with its counts, marks read and unread, searches, and opens an email with its linked record', async () => {
    await page.goto(`${system.baseUrl}/communication-center/email`);
    await page.waitForURL(/\/communication-center\/email\/inbox$/);
    await row('Quote for 20 seats').waitFor();
    await row('Quote timeline').waitFor();
    await page.getByRole('tab', { name: 'Inbox 2 (2 unread)', exact: true }).waitFor();
    await page.getByRole('tab', { name: 'Suggested people 4 (5 unread)', exact: true }).waitFor();
    await page.getByRole('tab', { name: 'Sent 3', exact: true }).waitFor();
    await row('Quote for 20 seats').getByRole('link', { name: NORA.name }).waitFor();
    await screenshot(page, 'email-inbox');

    // Bulk buttons act on the checked rows only; nothing is checked yet.
    expect(await page.getByRole('button', { name: 'Mark read' }).isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: 'Select email: Quote for 20 seats' }).check();
    await page.getByRole('button', { name: 'Mark read' }).click();
    await row('Quote for 20 seats').getByText('Unread', { exact: true }).waitFor({ state: 'detached' });
    expect((await emailInTab(system, 'inbox', 'Quote for 20 seats'))?.read).toBe(true);
    expect((await emailInTab(system, 'inbox', 'Quote timeline'))?.read).toBe(false);
    await page.getByRole('tab', { name: 'Inbox 2 (1 unread)', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Mark unread' }).click();
    await row('Quote for 20 seats').getByText('Unread', { exact: true }).waitFor();
    expect((await emailInTab(system, 'inbox', 'Quote for 20 seats'))?.read).toBe(false);

    // Search: words, then an address; the query is in the address bar.
    await page.getByRole('searchbox', { name: 'Search emails' }).fill('timeline');
    await row('Quote for 20 seats').waitFor({ state: 'detached' });
    await row('Quote timeline').waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('timeline');
    await page.getByRole('searchbox', { name: 'Search emails' }).fill('nobody@nowhere.example');
    await page.getByText('No emails match “nobody@nowhere.example”.').waitFor();
    await page.getByRole('button', { name: 'Clear search' }).click();
    await row('Quote for 20 seats').waitFor();

    // Opening shows the message and the contact it is filed on, and reads it.
    await row('Quote for 20 seats').getByRole('link', { name: 'Quote for 20 seats' }).click();
    const reader = page.getByRole('dialog', { name: 'Email' });
    await reader.getByText('What would 20 seats cost per year?').waitFor();
    const contactLink = reader.getByRole('link', { name: NORA.name });
    expect(await contactLink.getAttribute('href')).toBe(`/contacts/${nora.id}`);
    await eventually(async () => (await emailInTab(system, 'inbox', 'Quote for 20 seats'))?.read || undefined);
    await page.keyboard.press('Escape');
    await reader.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toBe('/communication-center/email/inbox');
  });

  it('Suggested people: adds one as a contact (their mail moves to the Inbox), bulk-adds one as a lead, ignores one, and shows a refusal without changing anything', async () => {
    await page.getByRole('tab', { name: /Suggested people/ }).click();
    await page.waitForURL(/\/email\/suggested$/);
    for (const person of [SAM, PAT, ROB, KIM]) await row(person.email).waitFor();
    await row(SAM.email).getByText('2 emails (2 unread)').waitFor();
    await screenshot(page, 'email-suggested-people');

    // Kim is added as a lead elsewhere while the dialog is open: the API refuses, the dialog says why.
    await page.getByRole('button', { name: `Add as contact: ${KIM.email}` }).click();
    let dialog = page.getByRole('dialog', { name: 'Add as contact' });
    await dialog.getByRole('combobox', { name: 'Owner' }).waitFor();
    const elsewhere = await system.api('POST', '/v2/communications/suggested_people/add_as_lead', { data: { emails: [KIM.email] } });
    expect(elsewhere.status).toBe(200);
    await dialog.getByRole('button', { name: 'Add 1 contact' }).click();
    const refusal = await dialog.getByRole('alert').textContent();
    expect(refusal).toContain(`${KIM.email} is already a lead or contact`);
    expect(await itemsAt(system, `/v2/contacts?email=${KIM.email}`)).toEqual([]);
    expect(await itemsAt(system, `/v2/leads?email=${KIM.email}`)).toHaveLength(1);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await row(KIM.email).waitFor({ state: 'detached' });

    // Sam, as a contact owned by the admin (the default owner).
    await page.getByRole('button', { name: `Add as contact: ${SAM.email}` }).click();
    dialog = page.getByRole('dialog', { name: 'Add as contact' });
    await dialog.getByRole('button', { name: 'Add 1 contact' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row(SAM.email).waitFor({ state: 'detached' });
    const sam = await recordWithEmail(system, 'contacts', SAM.email);
    expect(sam.owner_id).toBe(admin.id);
    const filed = await emailInTab(system, 'inbox', 'Partnership idea');
    expect(filed?.resources).toContainEqual({ resource_type: 'contact', resource_id: sam.id });

    // Rob, through his checkbox and the bulk button.
    await page.getByRole('checkbox', { name: `Select ${ROB.email}` }).check();
    await page.getByRole('toolbar', { name: 'Selected people' }).getByRole('button', { name: 'Add selected as leads' }).click();
    dialog = page.getByRole('dialog', { name: 'Add as lead' });
    await dialog.getByRole('button', { name: 'Add 1 lead' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row(ROB.email).waitFor({ state: 'detached' });
    await recordWithEmail(system, 'leads', ROB.email);

    await page.getByRole('button', { name: `Ignore ${PAT.email}` }).click();
    await page.getByText('No new people have written to you.').waitFor();
    expect(await itemsAt(system, '/v2/communications/suggested_people')).toEqual([]);

    // Sam's mail is in the Inbox now, on his new contact.
    await page.getByRole('tab', { name: /Inbox/ }).click();
    await row('Partnership idea').getByRole('link', { name: SAM.name }).waitFor();
    await row('Partnership follow-up').waitFor();
  });

  it('Sent shows whether mail sent from the CRM was opened and how often, and shows HTML only inside a sandboxed frame', async () => {
    await page.getByRole('tab', { name: /Sent/ }).click();
    await row('Your quote').getByText('Opened: yes').waitFor();
    await row('Your quote').getByText('2 opens').waitFor();
    await row('Checking in').getByText('Opened: no').waitFor();
    await row('Welcome aboard').getByText(/not tracked/).waitFor();
    await screenshot(page, 'email-sent');

    await row('Welcome aboard').getByRole('link', { name: 'Welcome aboard' }).click();
    const frame = page.getByTitle('Email message');
    await frame.waitFor();
    expect((await frame.getAttribute('sandbox'))?.split(' ')).not.toContain('allow-scripts');
    const body = page.frameLocator('iframe[title="Email message"]');
    await body.getByText('welcome aboard!').waitFor();
    expect(await body.locator('script, img').count()).toBe(0);
    expect(await page.title()).not.toBe('pwned');
    await page.keyboard.press('Escape');
  });

  it('archives from the Inbox, lists it under Archived, and moves it back', async () => {
    await page.getByRole('tab', { name: /Inbox/ }).click();
    await page.getByRole('checkbox', { name: 'Select email: Quote timeline' }).check();
    await page.getByRole('button', { name: 'Archive' }).click();
    await row('Quote timeline').waitFor({ state: 'detached' });
    expect((await emailInTab(system, 'archived', 'Quote timeline'))?.archived).toBe(true);

    await page.getByRole('tab', { name: 'Archived 1', exact: true }).click();
    await row('Quote timeline').waitFor();
    await page.getByRole('checkbox', { name: 'Select all emails on this page' }).check();
    await page.getByRole('button', { name: 'Unarchive' }).click();
    await page.getByText('Nothing archived.').waitFor();
    expect((await emailInTab(system, 'inbox', 'Quote timeline'))?.archived).toBe(false);
  });

  it('shows the API error for an email that does not exist, and no tab for a wrong name', async () => {
    await page.goto(`${mailbox('inbox')}/2147480000`);
    await page.getByRole('dialog', { name: 'Email' }).getByRole('alert').waitFor();
    await page.getByRole('button', { name: 'Try again' }).waitFor();
    await page.goto(mailbox('spam'));
    await page.getByText('There is no such email tab.').waitFor();
  });

  it('fits a 390 px phone', async () => {
    const phone = await signedInPage(browser, system, PHONE);
    await phone.page.goto(mailbox('inbox'));
    await phone.page.getByRole('listitem', { name: 'Quote for 20 seats', exact: true }).getByRole('link', { name: NORA.name }).waitFor();
    const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(phone.page, 'email-inbox-phone');
    await phone.context.close();
  });
});
