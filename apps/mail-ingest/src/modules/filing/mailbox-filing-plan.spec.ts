import type { UserEmailMatch } from '@crm/contracts';
import { UnfileableMessage } from './filing-plan';
import { planMailboxFiling } from './mailbox-filing-plan';
import type { ParsedMessage } from './parsed-message';

const ada: UserEmailMatch = { id: 1, email: 'ada@company.example', name: 'Ada', status: 'active' };
const bob: UserEmailMatch = { id: 2, email: 'bob@company.example', name: 'Bob', status: 'active' };
const users = new Map([ada, bob].map((user) => [user.email, user]));

function message(overrides: Partial<ParsedMessage>): ParsedMessage {
  return {
    messageId: 'm1@test', subject: 'Hello', text: 'Hi', html: null, from: { email: 'carla@customer.example', name: 'Carla' }, to: [{ email: ada.email, name: null }],
    cc: [], date: null, inReplyTo: null, references: [], attachments: [], ...overrides,
  };
}

describe('planMailboxFiling', () => {
  it('INBOX: about the sender, received, marked as the mailbox user\'s', () => {
    const plan = planMailboxFiling(message({}), { userId: ada.id, folder: 'inbox' }, users, 'bcc.test');
    expect(plan).toMatchObject({ direction: 'received', userId: null, forwarded: false, mailbox: { userId: ada.id, folder: 'inbox' } });
    expect(plan.people).toEqual([{ email: 'carla@customer.example', name: 'Carla' }]);
  });

  it('INBOX from a colleague: nobody to file it on', () => {
    const plan = planMailboxFiling(message({ from: { email: bob.email, name: 'Bob' } }), { userId: ada.id, folder: 'inbox' }, users, 'bcc.test');
    expect(plan.people).toEqual([]);
    expect(plan.log).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'skipped', email: bob.email, resource_type: 'user' })]));
  });

  it('Sent: every external To/Cc person, sent by the mailbox user; colleagues and our own addresses left out', () => {
    const plan = planMailboxFiling(
      message({
        from: { email: ada.email, name: 'Ada' },
        to: [{ email: 'carla@customer.example', name: null }, { email: bob.email, name: null }],
        cc: [{ email: 'dan@customer.example', name: null }, { email: 'x@bcc.test', name: null }],
      }),
      { userId: ada.id, folder: 'sent' },
      users,
      'bcc.test',
    );
    expect(plan).toMatchObject({ direction: 'sent', userId: ada.id, mailbox: { folder: 'sent' } });
    expect(plan.people.map((p) => p.email)).toEqual(['carla@customer.example', 'dan@customer.example']);
  });

  it('a forward in the mailbox is not unwrapped: it is about whoever sent it', () => {
    const text = ['---------- Forwarded message ---------', 'From: Eve <eve@other.example>', 'Subject: Hi', '', 'Hello'].join('\n');
    const plan = planMailboxFiling(message({ subject: 'Fwd: Hi', text }), { userId: ada.id, folder: 'inbox' }, users, 'bcc.test');
    expect(plan.people.map((p) => p.email)).toEqual(['carla@customer.example']);
  });

  it('no sender: unfileable', () => {
    expect(() => planMailboxFiling(message({ from: null }), { userId: ada.id, folder: 'inbox' }, users, 'bcc.test')).toThrow(UnfileableMessage);
  });
});
