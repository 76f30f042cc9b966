import { eventually } from '@crm/testing';
import { createHmac } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, PHONE, screenshot, signedInPage } from './support/browser';
import { EmbeddedSystem, startEmbeddedSystem, TWILIO_AUTH_TOKEN } from './support/embedded-system';

/**
 * The Communication Center's Calls and Text messages in the browser, against the system started
 * embedded with Twilio's spec mock: texts sent from the screens reach Twilio (the recording
 * proxy), calls and texts come in as signed Twilio webhooks, and what the screens did is checked
 * through the API.
 */

type One<T> = { data: T };
type Many<T> = { items: { data: T }[] };

const USER_TWILIO_NUMBER = '+14155550100';
const USER_OWN_PHONE = '+14155550199';

/**
 * X-Twilio-Signature as Twilio computes it (its documented scheme: HMAC-SHA1 with the auth token
 * over the full URL followed by each POST parameter's name and value, sorted by name; base64).
 * Telephony checks it with the twilio SDK, so a mistake here shows as a 403.
 */
function twilioSignature(url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((text, name) => text + name + params[name], url);
  return createHmac('sha1', TWILIO_AUTH_TOKEN).update(Buffer.from(data, 'utf8')).digest('base64');
}


let sidSequence = 0;
function sid(prefix: 'CA' | 'SM' | 'RE'): string {
  return `${prefix}${Date.now().toString(16).padStart(16, '0')}${String(++sidSequence).padStart(16, '0')}`;
}

describe('web app: Communication Center calls and text messages', () => {
  let system: EmbeddedSystem;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let userId: number;

  async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
    const answer = await system.api<T>(method, path, body);
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  /** A signed Twilio webhook through the gateway's public URL; Twilio's retries aside, it must be accepted. */
  async function webhook(kindAndQuery: string, params: Record<string, string>): Promise<string> {
    const url = `${system.baseUrl}/webhooks/twilio/${kindAndQuery}`;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': twilioSignature(url, params) },
      body: new URLSearchParams(params).toString(),
    });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`webhook ${kindAndQuery}: ${response.status} ${text}`);
    return text;
  }

  const twilioMessages = () => system.twilio.requests.filter((r) => r.method === 'POST' && r.path.split('?')[0].endsWith('/Messages.json'));
  const twilioCalls = () => system.twilio.requests.filter((r) => r.method === 'POST' && r.path.split('?')[0].endsWith('/Calls.json'));
  const conversationTexts = (number: string) => api<Many<{ content: string; unread: boolean }>>('GET', `/v2/communications/text_messages?phone_number=${encodeURIComponent(number)}`);

  async function openTexts(target: Page = page): Promise<void> {
    await target.goto(`${system.baseUrl}/communication-center/texts`);
    await target.getByRole('heading', { name: 'Text messages' }).waitFor();
  }

  beforeAll(async () => {
    system = await startEmbeddedSystem();
    browser = await launchChromium();
    userId = (await api<One<{ id: number }>>('GET', '/v2/users/self')).data.id;
    // Click-to-call rings the user's own phone first; texts and calls go through their Twilio number.
    await api('PUT', `/v2/users/${userId}`, { data: { phone_number: USER_OWN_PHONE } });
    await api('POST', '/v2/phone_numbers', { data: { user_id: userId, phone_number: USER_TWILIO_NUMBER } });
    ({ context, page } = await signedInPage(browser, system));
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await system?.stop();
  });

  it('refuses a new message to something that is not a phone number, showing the API’s message and sending nothing', async () => {
    await openTexts();
    const sentBefore = twilioMessages().length;
    await page.getByRole('button', { name: 'New message' }).click();
    const dialog = page.getByRole('dialog', { name: 'New text message' });
    await dialog.getByText('Any number', { exact: true }).click();
    await dialog.getByLabel('Phone number').fill('12345');
    await dialog.getByLabel('Message').fill('Should never leave');
    await dialog.getByRole('button', { name: 'Send message' }).click();
    const alert = dialog.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/phone/i);
    expect(twilioMessages()).toHaveLength(sentBefore);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('sends an SMS to an unmatched number, shows it under Unmatched, and Add to Sell as a lead moves it to Matched', async () => {
    const number = '+12125550123';
    await openTexts();
    await page.getByRole('button', { name: 'New message' }).click();
    const dialog = page.getByRole('dialog', { name: 'New text message' });
    await dialog.getByText('Any number', { exact: true }).click();
    await dialog.getByLabel('Phone number').fill('(212) 555-0123');
    await dialog.getByLabel('Message').fill('Hello from the CRM');
    await dialog.getByRole('button', { name: 'Send message' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Twilio was asked to send it, from the user's Twilio number.
    await eventually(() => expect(twilioMessages().at(-1)?.form).toMatchObject({ To: number, From: USER_TWILIO_NUMBER, Body: 'Hello from the CRM' }));

    // The screen moved to Unmatched with the conversation open, once communications has the text.
    await page.getByRole('tab', { name: /^Unmatched/, selected: true }).waitFor();
    const conversation = page.getByRole('button', { name: `Conversation with ${number}` });
    await conversation.waitFor({ timeout: 30_000 });
    const thread = page.getByRole('region', { name: `Messages with ${number}` });
    await thread.getByText('Hello from the CRM').waitFor({ timeout: 30_000 });
    await page.getByRole('tab', { name: 'Unmatched (1)' }).waitFor();
    await screenshot(page, 'text-messages');

    // Add to Sell → a new lead, owned by the signed-in user (the owner picker is left empty).
    await page.getByRole('button', { name: 'Add to Sell' }).click();
    const add = page.getByRole('dialog', { name: `Add ${number} to Sell` });
    await add.getByLabel('First name').fill('Grace');
    await add.getByLabel('Last name').fill('Hopper');
    await add.getByRole('button', { name: 'Add lead' }).click();
    await add.waitFor({ state: 'detached' });

    await page.getByText('No text messages with unknown numbers.').waitFor();
    await page.getByRole('tab', { name: 'Unmatched (0)' }).waitFor();
    await page.getByRole('tab', { name: 'Matched', exact: true }).click();
    await page.getByRole('button', { name: 'Conversation with Grace Hopper' }).waitFor();

    const leads = await api<Many<{ id: number; first_name: string; last_name: string; phone: string; owner_id: number }>>('GET', `/v2/leads?first_name=Grace&last_name=Hopper`);
    expect(leads.items.map((i) => i.data)).toEqual([expect.objectContaining({ phone: number, owner_id: userId })]);
    const texts = await conversationTexts(number);
    expect(texts.items.map((i) => i.data)).toEqual([expect.objectContaining({ content: 'Hello from the CRM', matched: true, resource_type: 'lead', resource_id: leads.items[0].data.id })]);

    // A new message to the lead, chosen with the record picker, goes to the lead's number.
    await page.getByRole('button', { name: 'New message' }).click();
    const second = page.getByRole('dialog', { name: 'New text message' });
    await second.getByRole('combobox', { name: 'To' }).fill('Hopper');
    await page.getByRole('option', { name: `Grace Hopper · ${number}` }).click();
    await second.getByLabel('Message').fill('Your quote is ready');
    await second.getByRole('button', { name: 'Send message' }).click();
    await second.waitFor({ state: 'detached' });
    await eventually(() => expect(twilioMessages().at(-1)?.form).toMatchObject({ To: number, Body: 'Your quote is ready' }));
    await page.getByRole('region', { name: 'Messages with Grace Hopper' }).getByText('Your quote is ready').waitFor({ timeout: 30_000 });
  });

  it('shows a missed inbound call with its voicemail under Unmatched with the missed count; Call back rings the user first; Ignore hides it', async () => {
    const caller = '+13125550177';
    const callSid = sid('CA');
    const call = { AccountSid: 'ACignored', CallSid: callSid, From: caller, To: USER_TWILIO_NUMBER, Direction: 'inbound', CallStatus: 'ringing' };
    await webhook('voice', call);
    await webhook('voice?step=dial-ended', { ...call, CallStatus: 'in-progress', DialCallStatus: 'no-answer', DialCallSid: sid('CA') });
    const recordingSid = sid('RE');
    await webhook('recording?voicemail=true', {
      AccountSid: 'ACignored',
      CallSid: callSid,
      RecordingSid: recordingSid,
      RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/ACx/Recordings/${recordingSid}`,
      RecordingStatus: 'completed',
      RecordingDuration: '12',
      RecordingChannels: '1',
      RecordingSource: 'RecordVerb',
    });
    await webhook('status', { ...call, CallStatus: 'completed', CallDuration: '20' });
    await eventually(async () => {
      const counts = await api<One<{ missed_calls: number; unmatched_calls: number }>>('GET', '/v2/communications/counts');
      expect(counts.data).toMatchObject({ missed_calls: 1, unmatched_calls: 1 });
    });

    await page.goto(`${system.baseUrl}/communication-center/calls`);
    await page.getByRole('heading', { name: 'Calls' }).waitFor();
    await page.getByText('No calls with your leads and contacts yet.').waitFor();
    await page.getByRole('tab', { name: 'Unmatched (1)' }).click();
    const item = page.getByRole('article', { name: `Call from ${caller}` });
    await item.waitFor();
    await item.getByText('Missed', { exact: true }).waitFor();
    await item.getByText('Voicemail', { exact: true }).waitFor();
    // A controlled switch: it turns on once the URL says so, a render after the click (which
    // Playwright's check() does not wait for).
    const missedOnly = page.getByRole('switch', { name: 'Show only missed calls (1)' });
    await missedOnly.click();
    await eventually(async () => expect(new URL(page.url()).searchParams.get('missed')).toBe('true'));
    expect(await missedOnly.isChecked()).toBe(true);
    await item.waitFor();

    // The voicemail plays inline, streamed through the API with the session cookie.
    const audio = item.getByLabel(`Voicemail of the call with ${caller}`);
    const src = await audio.getAttribute('src');
    expect(src).toMatch(/^\/v2\/calls\/\d+\/recording$/);
    const played = await page.request.get(`${system.baseUrl}${src}`);
    expect(played.status()).toBe(200);
    await screenshot(page, 'calls');

    // Call back: Twilio rings the user's own phone from their Twilio number.
    const callsBefore = twilioCalls().length;
    await item.getByRole('button', { name: 'Call back' }).click();
    await page.getByText(`Calling your phone: answer it to be connected to ${caller}.`).waitFor();
    await eventually(() => expect(twilioCalls()).toHaveLength(callsBefore + 1));
    expect(twilioCalls().at(-1)?.form).toMatchObject({ To: USER_OWN_PHONE, From: USER_TWILIO_NUMBER });

    await item.getByRole('button', { name: 'Ignore' }).click();
    await page.getByText('No missed unmatched calls.').waitFor();
    await page.getByRole('tab', { name: 'Unmatched (0)' }).waitFor();
    const unmatched = await api<Many<unknown>>('GET', '/v2/communications/calls?matched=false');
    expect(unmatched.items).toEqual([]);
  });

  it('filters matched calls by lead status', async () => {
    // A call from the lead added above (Grace Hopper, status New) is matched at once.
    const callSid = sid('CA');
    const call = { AccountSid: 'ACignored', CallSid: callSid, From: '+12125550123', To: USER_TWILIO_NUMBER, Direction: 'inbound', CallStatus: 'ringing' };
    await webhook('voice', call);
    await webhook('status', { ...call, CallStatus: 'completed', CallDuration: '3' });
    await page.goto(`${system.baseUrl}/communication-center/calls`);
    const item = page.getByRole('article', { name: 'Call from Grace Hopper' });
    await item.waitFor({ timeout: 30_000 });
    await page.getByRole('combobox', { name: 'Lead status' }).fill('Working');
    await page.getByText('No calls with leads whose status is Working.').waitFor();
    await page.getByRole('combobox', { name: 'Lead status' }).fill('New');
    await item.waitFor();
    expect(new URL(page.url()).searchParams.get('lead_status')).toBe('New');
  });

  it('opens an unread conversation on a phone (marking it read), replies, and Delete conversation asks first, saying it cannot be undone', async () => {
    const sender = '+16175550142';
    await webhook('sms', { AccountSid: 'ACignored', MessageSid: sid('SM'), SmsSid: sid('SM'), From: sender, To: USER_TWILIO_NUMBER, Body: 'Please call me about the offer', NumMedia: '0' });
    await eventually(async () => expect((await conversationTexts(sender)).items.map((i) => i.data)).toEqual([expect.objectContaining({ unread: true })]));

    const phone = await browser.newContext({ viewport: PHONE, storageState: await context.storageState() });
    try {
      const small = await phone.newPage();
      await small.goto(`${system.baseUrl}/communication-center/texts?tab=unmatched`);
      const conversation = small.getByRole('button', { name: `Conversation with ${sender}, 1 unread` });
      await conversation.waitFor();
      await small.getByRole('switch', { name: 'Show only unread messages (1)' }).waitFor();
      await conversation.click();
      const thread = small.getByRole('region', { name: `Messages with ${sender}` });
      await thread.getByText('Please call me about the offer').waitFor();
      await eventually(async () => expect((await conversationTexts(sender)).items.map((i) => i.data.unread)).toEqual([false]));
      await small.getByRole('switch', { name: 'Show only unread messages (0)' }).waitFor();
      await screenshot(small, 'text-messages-phone');

      // Reply answers the received message, from the user's Twilio number.
      await small.getByLabel('Reply').fill('Sure, calling you in five minutes');
      await small.getByRole('button', { name: 'Send', exact: true }).click();
      await eventually(() => expect(twilioMessages().at(-1)?.form).toMatchObject({ To: sender, From: USER_TWILIO_NUMBER, Body: 'Sure, calling you in five minutes' }));
      await thread.getByText('Sure, calling you in five minutes').waitFor({ timeout: 30_000 });

      // Cancel keeps everything.
      await small.getByRole('button', { name: 'Delete conversation' }).click();
      const confirm = small.getByRole('dialog', { name: 'Delete conversation?' });
      await confirm.getByText('This cannot be undone.').waitFor();
      await confirm.getByRole('button', { name: 'Cancel' }).click();
      await confirm.waitFor({ state: 'detached' });
      expect((await conversationTexts(sender)).items).toHaveLength(2);

      await small.getByRole('button', { name: 'Delete conversation' }).click();
      await confirm.getByRole('button', { name: 'Delete permanently' }).click();
      await small.getByRole('button', { name: new RegExp(`^Conversation with \\${sender}`) }).waitFor({ state: 'detached' });
      expect((await conversationTexts(sender)).items).toEqual([]);
      // Gone for good: deleting again is a 404 in Sell's format.
      const again = await system.api<{ errors: { error: { code: string } }[] }>('DELETE', `/v2/communications/text_messages/conversations/${encodeURIComponent(sender)}`);
      expect(again.status).toBe(404);
    } finally {
      await phone.close();
    }
  });
});
