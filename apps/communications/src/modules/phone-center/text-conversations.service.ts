import { Injectable } from '@nestjs/common';
import { Actor, DomainError, MarkTextMessagesAttributes, MarkTextMessagesDto, parseAttributes, PhoneCenterEvents } from '@crm/contracts';
import { EventPublisher, TransactionRunner } from '@crm/platform';
import { PhoneNumbers } from '../record-phones/phone-numbers';
import { DeletedTextMessage, TextConversationsRepository } from './text-conversations.repository';

/** A user's text messages: mark read or unread, delete a conversation. */
@Injectable()
export class TextConversationsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly conversations: TextConversationsRepository,
    private readonly numbers: PhoneNumbers,
    private readonly events: EventPublisher,
  ) {}

  /** Every id must be one of the actor's messages: otherwise 404 and nothing changes. */
  async mark(actor: Actor, data: unknown): Promise<MarkTextMessagesDto> {
    const attributes = parseAttributes('text_message', MarkTextMessagesAttributes, data);
    const ids = [...new Set(attributes.ids)];
    return this.transactions.run(async (tx) => {
      const owned = new Set(await this.conversations.lockOwned(tx, actor.accountId, actor.userId, ids));
      const missing = ids.find((id) => !owned.has(id));
      if (missing !== undefined) throw DomainError.notFound('text_message', missing);
      await this.conversations.setRead(tx, actor.accountId, actor.userId, ids, attributes.read);
      return { ids, read: attributes.read };
    });
  }

  /**
   * Permanently delete the actor's conversation with a number, and tell telephony (in the same
   * transaction, through the outbox) which MessageSids to delete from its own tables.
   */
  async delete(actor: Actor, phoneNumber: string): Promise<{ deleted: true }> {
    const number = this.numbers.e164(phoneNumber);
    if (!number) throw DomainError.notFound('text_conversation', phoneNumber);
    return this.transactions.run(async (tx) => {
      const deleted = await this.conversations.deleteConversation(tx, actor.accountId, actor.userId, number);
      if (deleted.length === 0) throw DomainError.notFound('text_conversation', number);
      for (const [userPhoneNumber, messages] of byUserNumber(deleted)) {
        await this.events.publish(tx, PhoneCenterEvents.textConversationDeleted, {
          accountId: actor.accountId,
          correlationId: actor.correlationId,
          userId: actor.userId,
          userPhoneNumber,
          remotePhoneNumber: number,
          messageSids: messages.map((m) => m.sid).filter((sid): sid is string => sid !== null),
        });
      }
      return { deleted: true as const };
    });
  }
}

/** One event per number of the user's the conversation used (a user's number may have changed). */
function byUserNumber(messages: DeletedTextMessage[]): Map<string, DeletedTextMessage[]> {
  const groups = new Map<string, DeletedTextMessage[]>();
  for (const message of messages) {
    const group = groups.get(message.user_phone_number);
    if (group) group.push(message);
    else groups.set(message.user_phone_number, [message]);
  }
  return groups;
}
