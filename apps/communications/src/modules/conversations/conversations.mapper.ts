import type { ConversationEmailDto, EmailConversationDto } from '@crm/contracts';
import { iso } from '../../common/time';
import { snippetOf } from '../activities/snippet';
import type { ConversationEmailRow } from './conversation-emails.repository';
import type { ConversationEntity } from './entities/conversation.entity';
import { participantsOf } from './participants';

/** The conversation as the viewer sees it: built from the emails they may see (at least one, oldest first). */
export function toConversationDto(conversation: ConversationEntity, emails: ConversationEmailRow[]): EmailConversationDto {
  const first = emails[0];
  const last = emails[emails.length - 1];
  return {
    id: conversation.id,
    subject: first.subject,
    participants: [...new Set(emails.flatMap(participantsOf))].sort(),
    email_count: emails.length,
    first_date: iso(first.date),
    last_date: iso(last.date),
    manual: conversation.manual,
    emails: emails.map(toConversationEmailDto),
    created_at: iso(conversation.created_at),
    updated_at: iso(conversation.updated_at),
  };
}

function toConversationEmailDto(email: ConversationEmailRow): ConversationEmailDto {
  return {
    id: email.id,
    message_id: email.message_id,
    subject: email.subject,
    snippet: snippetOf(email.snippet),
    direction: email.direction,
    from: email.from_address,
    to: email.to_addresses,
    cc: email.cc_addresses,
    date: iso(email.date),
    in_reply_to: email.in_reply_to,
    user_id: email.user_id,
  };
}
