import { Injectable } from '@nestjs/common';
import {
  Actor,
  ConversationMergeAttributes,
  ConversationSplitAttributes,
  DomainError,
  EmailConversationDto,
  parseAttributes,
} from '@crm/contracts';
import { TransactionRunner, Tx } from '@crm/platform';
import { RecordsAccessService, ViewerScope } from '../records-access/records-access.service';
import { ConversationEmailsRepository } from './conversation-emails.repository';
import { toConversationDto } from './conversations.mapper';
import { ConversationsRepository } from './conversations.repository';
import { EmailThreadingRepository } from './email-threading.repository';
import { subjectKeyOf } from './subject-key';

const RESOURCE = 'email_conversation';

/**
 * Email conversations as users see them, and the manual fixes when the automatic threading got
 * it wrong. A conversation is visible when the user can see at least one of its emails, and
 * shows only those. Split and merge take the account's conversation lock (as the threading pass
 * does) and mark what they touch as manual: the automatic pass never merges those away again.
 * Anything the user cannot see is a 404 and nothing changes.
 */
@Injectable()
export class ConversationsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly conversations: ConversationsRepository,
    private readonly members: ConversationEmailsRepository,
    private readonly threading: EmailThreadingRepository,
    private readonly access: RecordsAccessService,
  ) {}

  async get(actor: Actor, id: number): Promise<EmailConversationDto> {
    const viewer = await this.access.viewerScope(actor);
    return this.transactions.read((tx) => this.visible(tx, actor.accountId, viewer, id));
  }

  /** The named emails (all of this conversation, not all of it) move to a new conversation. */
  async split(actor: Actor, id: number, data: unknown): Promise<EmailConversationDto> {
    const emailIds = [...new Set(parseAttributes(RESOURCE, ConversationSplitAttributes, data).email_ids)];
    const viewer = await this.access.viewerScope(actor);
    return this.transactions.run(async (tx) => {
      const { accountId } = actor;
      await this.conversations.lockAccount(tx, accountId);
      await this.visible(tx, accountId, viewer, id);
      const named = await this.members.withIds(tx, accountId, viewer, emailIds);
      const unseen = emailIds.find((emailId) => !named.some((email) => email.id === emailId));
      if (unseen !== undefined) throw DomainError.notFound('email', unseen);
      const elsewhere = named.find((email) => email.conversation_id !== id);
      if (elsewhere) throw DomainError.invalid(RESOURCE, 'email_ids', `email ${elsewhere.id} is not in conversation ${id}`);
      if ((await this.threading.count(tx, accountId, id)) === emailIds.length) {
        throw DomainError.invalid(RESOURCE, 'email_ids', 'a split must leave at least one email in the conversation');
      }
      const [first] = named;
      const created = await this.conversations.create(tx, accountId, { subjectKey: subjectKeyOf(first.subject), participants: [], date: first.date }, true);
      await this.threading.assign(tx, accountId, emailIds, created);
      await this.conversations.recompute(tx, accountId, created);
      await this.conversations.recompute(tx, accountId, id);
      await this.conversations.markManual(tx, accountId, [id]);
      return this.visible(tx, accountId, viewer, created);
    });
  }

  /** Every email of the other conversations moves into the first one named; the others are gone. */
  async merge(actor: Actor, data: unknown): Promise<EmailConversationDto> {
    const ids = [...new Set(parseAttributes(RESOURCE, ConversationMergeAttributes, data).ids)];
    if (ids.length < 2) throw DomainError.invalid(RESOURCE, 'ids', 'name at least two different conversations');
    const viewer = await this.access.viewerScope(actor);
    return this.transactions.run(async (tx) => {
      const { accountId } = actor;
      await this.conversations.lockAccount(tx, accountId);
      for (const id of ids) await this.visible(tx, accountId, viewer, id);
      const [target, ...others] = ids;
      await this.threading.moveAll(tx, accountId, others, target);
      await this.conversations.delete(tx, accountId, others);
      await this.conversations.recompute(tx, accountId, target);
      await this.conversations.markManual(tx, accountId, [target]);
      return this.visible(tx, accountId, viewer, target);
    });
  }

  /** The conversation as the viewer sees it; 404 when it is missing or none of its emails is visible. */
  private async visible(tx: Tx, accountId: number, viewer: ViewerScope, id: number): Promise<EmailConversationDto> {
    const conversation = await this.conversations.find(tx, accountId, id);
    const emails = conversation ? await this.members.inConversation(tx, accountId, viewer, id) : [];
    if (!conversation || emails.length === 0) throw DomainError.notFound(RESOURCE, id);
    return toConversationDto(conversation, emails);
  }
}
