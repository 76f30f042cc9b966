import { enoughShared, participantsOf } from './participants';
import type { UnthreadedEmail } from './email-threading.repository';
import { subjectKeyOf } from './subject-key';

/** How far (days) from a conversation's first and last email a new email may join it by subject. */
export const SUBJECT_WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;

/** What threading knows of a conversation; a negative id is one this plan creates. */
export interface ConversationFacts {
  id: number;
  subjectKey: string | null;
  participants: string[];
  firstDate: Date;
  lastDate: Date;
  manual: boolean;
}

/** What the database holds that a batch of emails may link to (ThreadingInput of one account). */
export interface ThreadingInput {
  /** Message-ID → conversation, of stored emails named by the batch (In-Reply-To, References). */
  parents: Map<string, number>;
  /** Stored emails that name a Message-ID of the batch: their conversation and what they name. */
  replies: { conversationId: number; names: string[] }[];
  /** Every conversation above, and those that share a subject key with the batch within the window. */
  conversations: ConversationFacts[];
}

export interface ThreadingResult {
  /** Conversations to create (negative ids, to be replaced by real ones). */
  created: ConversationFacts[];
  /** Stored conversations merged away: their emails move to `into`, then they go. */
  merged: { from: number; into: number }[];
  /** Stored conversations whose subject, people or dates changed. */
  updated: ConversationFacts[];
  assignments: { emailId: number; conversationId: number }[];
}

/**
 * The threading of one account's batch, worked out in memory from what the batch may link to,
 * email after email, oldest first, as if each had been threaded alone (the result is the same):
 *
 * 1. By Message-ID: the conversation of its parent (In-Reply-To, then References from the
 *    nearest), or of emails that name it (the parent arrived late). When it links several
 *    conversations, those nobody split or merged by hand merge into the first, so the outcome
 *    does not depend on the order mail arrives in.
 * 2. Otherwise by normalised subject and shared people, within 90 days of the conversation.
 * 3. Otherwise a new conversation.
 */
export class ThreadingPlan {
  private readonly facts = new Map<number, ConversationFacts>();
  /** A conversation merged into another in this plan points at it. */
  private readonly redirect = new Map<number, number>();
  private readonly byMessageId: Map<string, number>;
  private readonly repliesTo = new Map<string, number[]>();
  private readonly bySubject = new Map<string, Set<number>>();
  private readonly assigned = new Map<number, number>();
  private readonly changed = new Set<number>();
  private readonly mergedAway = new Map<number, number>();
  private nextNewId = -1;

  constructor(input: ThreadingInput) {
    for (const conversation of input.conversations) this.remember({ ...conversation });
    this.byMessageId = new Map(input.parents);
    for (const reply of input.replies) for (const name of reply.names) this.addReply(name, reply.conversationId);
  }

  /** Thread the emails, oldest first (so that a parent in the same batch goes before its replies). */
  threadAll(emails: UnthreadedEmail[]): this {
    const ordered = [...emails].sort((a, b) => a.date.getTime() - b.date.getTime() || a.id - b.id);
    for (const email of ordered) this.thread(email);
    return this;
  }

  result(): ThreadingResult {
    const live = [...this.facts.values()];
    return {
      created: live.filter((c) => c.id < 0),
      merged: [...this.mergedAway].map(([from, into]) => ({ from, into: this.resolve(into) })),
      updated: live.filter((c) => c.id > 0 && this.changed.has(c.id)),
      assignments: [...this.assigned].map(([emailId, conversationId]) => ({ emailId, conversationId: this.resolve(conversationId) })),
    };
  }

  private thread(email: UnthreadedEmail): void {
    const names = [email.in_reply_to, ...[...email.reference_ids].reverse()].filter(
      (name): name is string => typeof name === 'string' && name !== '' && name !== email.message_id,
    );
    const ofParents = names.map((name) => this.byMessageId.get(name)).filter((id): id is number => id !== undefined);
    const ofReplies = [...new Set((this.repliesTo.get(email.message_id) ?? []).map((id) => this.resolve(id)))].sort(byAge);
    const linked = [...new Set([...ofParents, ...ofReplies].map((id) => this.resolve(id)))];
    const own = { subjectKey: subjectKeyOf(email.subject), participants: participantsOf(email), date: email.date };

    let target: number;
    if (linked.length > 0) {
      [target] = linked;
      for (const other of linked.slice(1)) if (!this.facts.get(other)!.manual) this.merge(other, target);
    } else {
      target = this.bySubjectAndPeople(own) ?? this.create(own);
    }
    this.absorb(target, own);
    this.assigned.set(email.id, target);
    this.byMessageId.set(email.message_id, target);
    for (const name of names) this.addReply(name, target);
  }

  private bySubjectAndPeople(own: { subjectKey: string | null; participants: string[]; date: Date }): number | null {
    if (own.subjectKey === null || own.participants.length === 0) return null;
    const mine = new Set(own.participants);
    const window = SUBJECT_WINDOW_DAYS * DAY_MS;
    const candidates = [...(this.bySubject.get(own.subjectKey) ?? [])]
      .map((id) => this.facts.get(id)!)
      .filter((c) => c.firstDate.getTime() - window <= own.date.getTime() && own.date.getTime() <= c.lastDate.getTime() + window)
      .sort((a, b) => b.lastDate.getTime() - a.lastDate.getTime() || byAge(b.id, a.id));
    const match = candidates.find((c) => enoughShared(c.participants.filter((p) => mine.has(p)).length, mine.size, c.participants.length));
    return match?.id ?? null;
  }

  private create(own: { subjectKey: string | null; participants: string[]; date: Date }): number {
    const id = this.nextNewId--;
    this.remember({ id, subjectKey: own.subjectKey, participants: [], firstDate: own.date, lastDate: own.date, manual: false });
    return id;
  }

  private absorb(id: number, own: { subjectKey: string | null; participants: string[]; date: Date }): void {
    const facts = this.facts.get(id)!;
    this.setSubject(facts, facts.subjectKey ?? own.subjectKey);
    facts.participants = union(facts.participants, own.participants);
    if (own.date < facts.firstDate) facts.firstDate = own.date;
    if (own.date > facts.lastDate) facts.lastDate = own.date;
    this.changed.add(id);
  }

  private merge(from: number, into: number): void {
    const gone = this.facts.get(from)!;
    const kept = this.facts.get(into)!;
    this.setSubject(gone, null);
    this.setSubject(kept, kept.subjectKey ?? gone.subjectKey);
    kept.participants = union(kept.participants, gone.participants);
    if (gone.firstDate < kept.firstDate) kept.firstDate = gone.firstDate;
    if (gone.lastDate > kept.lastDate) kept.lastDate = gone.lastDate;
    this.facts.delete(from);
    this.redirect.set(from, into);
    if (from > 0) this.mergedAway.set(from, into);
    this.changed.add(into);
  }

  private remember(facts: ConversationFacts): void {
    this.facts.set(facts.id, facts);
    const key = facts.subjectKey;
    facts.subjectKey = null;
    this.setSubject(facts, key);
  }

  /** Keep the subject index in step with a conversation's subject key. */
  private setSubject(facts: ConversationFacts, key: string | null): void {
    if (facts.subjectKey === key) return;
    if (facts.subjectKey !== null) this.bySubject.get(facts.subjectKey)?.delete(facts.id);
    facts.subjectKey = key;
    if (key !== null) this.bySubject.set(key, (this.bySubject.get(key) ?? new Set()).add(facts.id));
  }

  private addReply(name: string, conversationId: number): void {
    this.repliesTo.set(name, [...(this.repliesTo.get(name) ?? []), conversationId]);
  }

  private resolve(id: number): number {
    let current = id;
    for (let next = this.redirect.get(current); next !== undefined; next = this.redirect.get(current)) current = next;
    return current;
  }
}

/** Stored conversations by id, then new ones in the order they were made. */
function byAge(a: number, b: number): number {
  const rank = (id: number) => (id > 0 ? id : Number.MAX_SAFE_INTEGER / 2 - id);
  return rank(a) - rank(b);
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}
