import type { UserEmailMatch } from '@crm/contracts';
import { planFiling, UnfileableMessage } from './filing-plan';
import { unwrapForward } from './forwarded';
import type { ParsedMessage } from './parsed-message';

const DOMAIN = 'bcc.test';
const BCC = `0123456789abcdef0123456789abcdef@${DOMAIN}`;
const ada: UserEmailMatch = { id: 1, email: 'ada@company.example', name: 'Ada', status: 'active' };
const bob: UserEmailMatch = { id: 2, email: 'bob@company.example', name: 'Bob', status: 'inactive' };
const users = new Map([ada, bob].map((user) => [user.email, user]));

function message(overrides: Partial<ParsedMessage>): ParsedMessage {
  return {
    messageId: 'm1@test', subject: 'Hello', text: 'Hi', html: null, from: { email: ada.email, name: 'Ada' }, to: [], cc: [],
    date: null, inReplyTo: null, references: [], attachments: [], ...overrides,
  };
}

const plan = (m: ParsedMessage) => planFiling(m, unwrapForward(m.text, m.subject), users, DOMAIN);

describe('planFiling', () => {
  it('sent by a user: every external To/Cc person, not colleagues (even inactive ones) nor our own addresses', () => {
    const result = plan(message({
      to: [{ email: 'carla@customer.example', name: 'Carla' }, { email: bob.email, name: 'Bob' }, { email: BCC, name: null }],
      cc: [{ email: 'dan@customer.example', name: null }, { email: 'carla@customer.example', name: 'Carla' }],
    }));
    expect(result).toMatchObject({ direction: 'sent', userId: ada.id, forwarded: false });
    expect(result.people.map((p) => p.email)).toEqual(['carla@customer.example', 'dan@customer.example']);
    expect(result.log).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'skipped', email: bob.email, resource_type: 'user' })]));
  });

  it('forwarded by a user: the original sender, with the original subject, body and date', () => {
    const text = ['FYI', '', '---------- Forwarded message ---------', 'From: Carla <carla@customer.example>', 'Date: Mon, 23 Nov 2026 10:00:00 +0000',
      'Subject: Pricing', 'To: Ada <ada@company.example>', '', 'How much?'].join('\n');
    const result = plan(message({ subject: 'Fwd: Pricing', text, to: [{ email: BCC, name: null }] }));
    expect(result).toMatchObject({ direction: 'received', forwarded: true, subject: 'Pricing', from: { email: 'carla@customer.example' } });
    expect(result.text).toContain('How much?');
    expect(result.people.map((p) => p.email)).toEqual(['carla@customer.example']);
  });

  it('a forward of a colleague\'s message: filed on the original\'s external recipients', () => {
    const text = ['---------- Forwarded message ---------', 'From: Bob <bob@company.example>', 'Date: Mon, 23 Nov 2026 10:00:00 +0000',
      'Subject: Offer', 'To: Carla <carla@customer.example>', '', 'Our offer.'].join('\n');
    const result = plan(message({ subject: 'Fwd: Offer', text, to: [{ email: BCC, name: null }] }));
    expect(result).toMatchObject({ direction: 'sent', forwarded: true });
    expect(result.people.map((p) => p.email)).toEqual(['carla@customer.example']);
  });

  it('a reply is not read as a forward, even though its quoted header looks like one', () => {
    const text = ['Thanks!', '', '________________________________', 'From: Carla <carla@customer.example>', 'Sent: Monday, November 23, 2026 10:00',
      'To: Ada <ada@company.example>', 'Subject: Pricing', '', 'How much?'].join('\n');
    const result = plan(message({ subject: 'Re: Pricing', text, to: [{ email: BCC, name: null }] }));
    expect(result).toMatchObject({ direction: 'sent', forwarded: false, people: [] });
  });

  it('not from a user: the sender', () => {
    const result = plan(message({ from: { email: 'carla@customer.example', name: null }, to: [{ email: ada.email, name: null }] }));
    expect(result).toMatchObject({ direction: 'received', userId: null, people: [{ email: 'carla@customer.example', name: null }] });
  });

  it('no sender: unfileable', () => {
    expect(() => plan(message({ from: null }))).toThrow(UnfileableMessage);
  });
});
