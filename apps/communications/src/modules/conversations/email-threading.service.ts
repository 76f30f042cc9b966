import { Injectable } from '@nestjs/common';
import type { Tx } from '@crm/platform';
import { ConversationsRepository } from './conversations.repository';
import { EmailThreadingRepository, UnthreadedEmail } from './email-threading.repository';
import { subjectKeyOf } from './subject-key';
import { SUBJECT_WINDOW_DAYS, ThreadingPlan } from './threading-plan';

const WINDOW_MS = SUBJECT_WINDOW_DAYS * 86_400_000;

/**
 * Gives emails without a conversation one (threading-plan.ts says how), a batch at a time: per
 * account, with its conversation lock held, it reads in three queries what the batch may link
 * to, works the batch out in memory, and writes the result in five statements, whatever the
 * batch's size. An email that has a conversation is never picked again, so the pass is idempotent.
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
    const byAccount = new Map<number, UnthreadedEmail[]>();
    for (const email of leased) byAccount.set(email.account_id, [...(byAccount.get(email.account_id) ?? []), email]);
    // Locks in account order: two replicas never wait on each other in a circle.
    for (const accountId of [...byAccount.keys()].sort((a, b) => a - b)) {
      await this.conversations.lockAccount(tx, accountId);
      await this.threadAccount(tx, accountId, byAccount.get(accountId)!);
    }
    return leased.length;
  }

  private async threadAccount(tx: Tx, accountId: number, emails: UnthreadedEmail[]): Promise<void> {
    const names = [...new Set(emails.flatMap((email) => [email.in_reply_to, ...email.reference_ids]).filter((name): name is string => !!name))];
    const parents = await this.emails.conversationsByMessageId(tx, accountId, names);
    const replies = await this.emails.repliesTo(tx, accountId, emails.map((email) => email.message_id));
    const dates = emails.map((email) => email.date.getTime());
    const conversations = await this.conversations.facts(
      tx,
      accountId,
      [...new Set([...parents.values(), ...replies.map((reply) => reply.conversationId)])],
      [...new Set(emails.map((email) => subjectKeyOf(email.subject)).filter((key): key is string => key !== null))],
      new Date(Math.min(...dates) - WINDOW_MS),
      new Date(Math.max(...dates) + WINDOW_MS),
    );

    const plan = new ThreadingPlan({ parents, replies, conversations }).threadAll(emails).result();

    const ids = await this.conversations.allocateIds(tx, plan.created.length);
    const realId = new Map(plan.created.map((conversation, i) => [conversation.id, ids[i]]));
    const idOf = (id: number) => (id < 0 ? realId.get(id)! : id);
    await this.conversations.insertMany(tx, accountId, plan.created.map((conversation) => ({ ...conversation, id: idOf(conversation.id) })));
    await this.emails.moveEach(tx, accountId, plan.merged.map((m) => m.from), plan.merged.map((m) => idOf(m.into)));
    await this.emails.assignEach(tx, accountId, plan.assignments.map((a) => a.emailId), plan.assignments.map((a) => idOf(a.conversationId)));
    await this.conversations.saveFacts(tx, accountId, plan.updated);
    await this.conversations.delete(tx, accountId, plan.merged.map((m) => m.from));
  }
}
