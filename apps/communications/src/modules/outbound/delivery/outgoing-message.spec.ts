import { OutgoingEmail, outgoingMessage } from './outgoing-message';
import { retryDelaySeconds } from './retry-policy';

const email = (overrides: Partial<OutgoingEmail> = {}): OutgoingEmail => ({
  token: 'T'.repeat(32),
  message_id: 'abc@bcc.test',
  date: new Date('2024-05-01T10:00:00Z'),
  from_address: { email: 'ada@crm.example', name: 'Ada Admin' },
  to_addresses: [{ email: 'pat@customer.example', name: null }],
  cc_addresses: [],
  subject: 'Hello',
  text: null,
  html: null,
  in_reply_to: null,
  reference_ids: [],
  ...overrides,
});
const PIXEL = `<img src="https://crm.example/v2/email_opens/${'T'.repeat(32)}.gif" width="1" height="1" alt="">`;

describe('the message handed to the relay', () => {
  it('puts the pixel before </body> when there is one, else at the end', () => {
    expect(outgoingMessage(email({ html: '<html><body><p>Hi</p></BODY></html>' }), 'https://crm.example/').html).toBe(
      `<html><body><p>Hi</p>${PIXEL}</BODY></html>`,
    );
    expect(outgoingMessage(email({ html: '<p>Hi</p>' }), 'https://crm.example').html).toBe(`<p>Hi</p>${PIXEL}`);
  });

  it('gives a text-only email an escaped HTML alternative, and keeps the text', () => {
    const message = outgoingMessage(email({ text: 'a < b & "c"\nnext' }), 'https://crm.example');
    expect(message.text).toBe('a < b & "c"\nnext');
    expect(message.html).toBe(`<div style="white-space: pre-wrap">a &lt; b &amp; &quot;c&quot;\nnext</div>${PIXEL}`);
  });

  it('names the message and what it answers in angle brackets, and reads no file or URL', () => {
    const message = outgoingMessage(email({ text: 'x', in_reply_to: 'p@x', reference_ids: ['r@x', 'p@x'] }), 'https://crm.example');
    expect(message).toMatchObject({
      messageId: '<abc@bcc.test>',
      inReplyTo: '<p@x>',
      references: ['<r@x>', '<p@x>'],
      from: { name: 'Ada Admin', address: 'ada@crm.example' },
      to: [{ name: '', address: 'pat@customer.example' }],
      disableFileAccess: true,
      disableUrlAccess: true,
    });
    expect(outgoingMessage(email({ text: 'x' }), 'https://crm.example')).toMatchObject({ inReplyTo: undefined, references: undefined });
  });
});

describe('retry delays', () => {
  it('double from two seconds up to an hour', () => {
    expect([1, 2, 3, 4].map(retryDelaySeconds)).toEqual([2, 4, 8, 16]);
    expect(retryDelaySeconds(12)).toBe(3600);
    expect(retryDelaySeconds(40)).toBe(3600);
  });
});
