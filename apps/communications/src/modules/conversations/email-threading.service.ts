import { Injectable } from '@nestjs/common';
import type { Tx } from '@crm/platform';
import { ConversationFacts, ConversationsRepository } from './conversations.repository';
import { EmailThreadingRepository, UnthreadedEmail } from './email-threading.repository';
import { enoughShared, participantsOf } from './participants';
import { subjectKeyOf } from './subject-key';

/**
 * Gives each email a conversation, once (an email that has one is never moved by this pass):
 *
 * 1. By Message-ID: the conversation of its parent (In-Reply-To, then References from the
 *    nearest), or of emails already stored that name it as theirs (the parent arrived late).
 *    When it links several conversations, the automatic ones among them merge into the first
 *    (so the result does not depend on arrival order); one a user split or merged never does.
 * 2. Otherwise by normalised subject and shared people, within 90 days of the conversation.
 * 3. Otherwise a new conversation.
 *
 * Runs with the account's conversation lock held (ConversationsRepository.lockAccount).
 */
@Injectable()
export class EmailThreadingService {
  constructor(
    private readonly emails: EmailThreadingRepository,
    private readonly conversations: ConversationsRepository,
  ) {}

  /** Thread up to `limit` emails that have no conversation; how many were threaded. */
  async threadBatch(tx: Tx, limit: number): Promise<number> {
    const leased = await this.emails.leaseUnthreaded(tx, limit);
    const accounts = [...new Set(leased.map((email) => email.account_id))].sort((a, b) => a - b);
    for (const accountId of accounts) await this.conversations.lockAccount(tx, accountId);
    // Oldest first, so that a parent filed in the same batch is threaded before its replies.
    const ordered = [...leased].sort((a, b) => a.account_id - b.account_id || a.date.getTime() - b.date.getTime() || a.id - b.id);
    for (const email of ordered) await this.thread(tx, email);
    return leased.length;
  }

  private async thread(tx: Tx, email: UnthreadedEmail): Promise<void> {
    const accountId = email.account_id;
    const facts: ConversationFacts = { subjectKey: subjectKeyOf(email.subject), participants: participantsOf(email), date: email.date };
    const linked = await this.linkedConversations(tx, email);
    let target: number;
    if (linked.length > 0) {
      [target] = linked;
      const mergeable = await this.conversations.automaticAmong(tx, accountId, linked.slice(1));
      if (mergeable.length > 0) {
        await this.emails.moveAll(tx, accountId, mergeable, target);
        await this.conversations.delete(tx, accountId, mergeable);
        await this.conversations.recompute(tx, accountId, target);
      }
    } else {
      target = (await this.bySubject(tx, accountId, facts)) ?? (await this.conversations.create(tx, accountId, facts, false));
    }
    await this.emails.assign(tx, accountId, [email.id], target);
    await this.conversations.absorb(tx, accountId, target, facts);
  }

  /** Parents first, the nearest first; then the conversations of stored replies to this email. */
  private async linkedConversations(tx: Tx, email: UnthreadedEmail): Promise<number[]> {
    const parents = [email.in_reply_to, ...[...email.reference_ids].reverse()].filter(
      (id): id is string => typeof id === 'string' && id !== '' && id !== email.message_id,
    );
    const byMessageId = await this.emails.conversationsByMessageId(tx, email.account_id, [...new Set(parents)]);
    const ofParents = parents.map((id) => byMessageId.get(id)).filter((id): id is number => id !== undefined);
    const ofReplies = await this.emails.conversationsReferencing(tx, email.account_id, email.message_id);
    return [...new Set([...ofParents, ...ofReplies])];
  }

  private async bySubject(tx: Tx, accountId: number, facts: ConversationFacts): Promise<number | null> {
    if (facts.subjectKey === null || facts.participants.length === 0) return null;
    const mine = new Set(facts.participants);
    const candidates = await this.conversations.subjectCandidates(tx, accountId, facts.subjectKey, facts.date);
    const match = candidates.find((candidate) => {
      const shared = candidate.participants.filter((address) => mine.has(address)).length;
      return enoughShared(shared, mine.size, candidate.participants.length);
    });
    return match?.id ?? null;
  }
}
