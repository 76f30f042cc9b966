import { Injectable } from '@nestjs/common';
import type { EmailDirection, MailAddress } from '@crm/contracts';
import type { Tx } from '@crm/platform';
import { restrictEmailsToViewer } from '../emails/email-visibility';
import { EmailEntity } from '../emails/entities/email.entity';
import type { ViewerScope } from '../records-access/records-access.service';

/** An email as a conversation shows it. */
export interface ConversationEmailRow {
  id: number;
  conversation_id: number | null;
  message_id: string;
  subject: string | null;
  snippet: string | null;
  direction: EmailDirection;
  from_address: MailAddress | null;
  to_addresses: MailAddress[];
  cc_addresses: MailAddress[];
  date: Date;
  in_reply_to: string | null;
  user_id: number | null;
}

/** Characters of the text fetched for the snippet (trimmed further when mapped). */
const SNIPPET_SOURCE_CHARS = 400;

/** Emails of conversations, limited by the same visibility rule as `/v2/emails`. */
@Injectable()
export class ConversationEmailsRepository {
  /** The emails of a conversation the viewer may see, oldest first. */
  inConversation(tx: Tx, accountId: number, viewer: ViewerScope, conversationId: number): Promise<ConversationEmailRow[]> {
    return this.query(tx, accountId, viewer).andWhere('e.conversation_id = :conversationId', { conversationId }).getRawMany();
  }

  /** Those of `ids` the viewer may see, oldest first. */
  withIds(tx: Tx, accountId: number, viewer: ViewerScope, ids: number[]): Promise<ConversationEmailRow[]> {
    return this.query(tx, accountId, viewer).andWhere('e.id = ANY(:ids)', { ids }).getRawMany();
  }

  private query(tx: Tx, accountId: number, viewer: ViewerScope) {
    const qb = tx.manager
      .createQueryBuilder()
      .from(EmailEntity, 'e')
      .select('e.id', 'id')
      .addSelect('e.conversation_id', 'conversation_id')
      .addSelect('e.message_id', 'message_id')
      .addSelect('e.subject', 'subject')
      .addSelect(`left(e.text, ${SNIPPET_SOURCE_CHARS})`, 'snippet')
      .addSelect('e.direction', 'direction')
      .addSelect('e.from_address', 'from_address')
      .addSelect('e.to_addresses', 'to_addresses')
      .addSelect('e.cc_addresses', 'cc_addresses')
      .addSelect('e.date', 'date')
      .addSelect('e.in_reply_to', 'in_reply_to')
      .addSelect('e.user_id', 'user_id')
      .where('e.account_id = :accountId', { accountId })
      .orderBy('e.date', 'ASC')
      .addOrderBy('e.id', 'ASC');
    return restrictEmailsToViewer(qb, 'e', viewer);
  }
}
