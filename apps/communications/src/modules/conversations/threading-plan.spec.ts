import type { UnthreadedEmail } from './email-threading.repository';
import { ConversationFacts, ThreadingInput, ThreadingPlan } from './threading-plan';

let ids = 0;
const email = (messageId: string, fields: Partial<UnthreadedEmail> = {}): UnthreadedEmail => ({
  id: ++ids,
  account_id: 1,
  message_id: messageId,
  in_reply_to: null,
  reference_ids: [],
  subject: `Subject of ${messageId}`,
  from_address: { email: `${messageId}@from.example`, name: null },
  to_addresses: [],
  cc_addresses: [],
  date: new Date('2024-05-01T00:00:00Z'),
  ...fields,
});
const stored = (id: number, fields: Partial<ConversationFacts> = {}): ConversationFacts => ({
  id,
  subjectKey: null,
  participants: [],
  firstDate: new Date('2024-04-01T00:00:00Z'),
  lastDate: new Date('2024-04-01T00:00:00Z'),
  manual: false,
  ...fields,
});
const empty: ThreadingInput = { parents: new Map(), replies: [], conversations: [] };
const plan = (emails: UnthreadedEmail[], input: Partial<ThreadingInput> = {}) => new ThreadingPlan({ ...empty, ...input }).threadAll(emails).result();
const conversationOf = (result: ReturnType<typeof plan>, e: UnthreadedEmail) => result.assignments.find((a) => a.emailId === e.id)!.conversationId;

describe('ThreadingPlan', () => {
  it('puts a chain that arrives newest first into one new conversation', () => {
    const day = (d: number) => new Date(Date.UTC(2024, 4, d));
    const a = email('a', { date: day(1) });
    const b = email('b', { in_reply_to: 'a', reference_ids: ['a'], date: day(2) });
    const c = email('c', { in_reply_to: 'b', reference_ids: ['a', 'b'], date: day(3) });
    const result = plan([c, b, a]);
    expect(result.created).toHaveLength(1);
    expect(new Set([a, b, c].map((e) => conversationOf(result, e)))).toEqual(new Set([result.created[0].id]));
    expect(result.created[0]).toMatchObject({ subjectKey: 'subject of a', firstDate: day(1), lastDate: day(3) });
  });

  it('joins a stored parent, and a late parent merges the automatic conversations of its replies, never a manual one', () => {
    const reply = email('r', { in_reply_to: 'p', reference_ids: ['p'] });
    expect(plan([reply], { parents: new Map([['p', 7]]), conversations: [stored(7)] })).toMatchObject({
      created: [],
      assignments: [{ emailId: reply.id, conversationId: 7 }],
      updated: [expect.objectContaining({ id: 7 })],
    });

    const parent = email('p');
    const bridged = plan([parent], {
      replies: [
        { conversationId: 9, names: ['p'] },
        { conversationId: 4, names: ['p'] },
        { conversationId: 5, names: ['p'] },
      ],
      conversations: [stored(4), stored(5, { manual: true }), stored(9, { participants: ['x@y.example'] })],
    });
    expect(conversationOf(bridged, parent)).toBe(4);
    expect(bridged.merged).toEqual([{ from: 9, into: 4 }]);
    expect(bridged.updated).toEqual([expect.objectContaining({ id: 4, participants: ['p@from.example', 'x@y.example'] })]);
  });

  it('falls back to subject and shared people within the window', () => {
    const people = { from_address: { email: 'pat@c.example', name: null }, to_addresses: [{ email: 'sales@s.example', name: null }] };
    const candidate = stored(3, { subjectKey: 'quote', participants: ['pat@c.example', 'sales@s.example'], lastDate: new Date('2024-04-20T00:00:00Z') });
    const same = email('s1', { ...people, subject: 'RE: Quote' });
    expect(conversationOf(plan([same], { conversations: [candidate] }), same)).toBe(3);
    const stranger = email('s2', { subject: 'Quote', from_address: { email: 'other@c.example', name: null }, to_addresses: people.to_addresses });
    expect(conversationOf(plan([stranger], { conversations: [candidate] }), stranger)).toBeLessThan(0);
    const late = email('s3', { ...people, subject: 'Quote', date: new Date('2024-09-01T00:00:00Z') });
    expect(conversationOf(plan([late], { conversations: [candidate] }), late)).toBeLessThan(0);
  });
});
