import type { OutboundTextMessageDto } from '@crm/contracts';
import type { TextMessageRow } from './text-messages.repository';

export function toOutboundTextMessageDto(row: TextMessageRow): OutboundTextMessageDto {
  return {
    id: Number(row.id),
    sid: row.message_sid!,
    status: row.status,
    content: row.body,
    user_id: row.user_id!,
    user_phone_number: row.user_phone_number,
    resource_phone_number: row.remote_phone_number,
    resource_type: row.resource_type,
    resource_id: row.resource_id,
    in_reply_to: row.in_reply_to,
    error_code: row.error_code,
    error_message: row.error_message,
    sent_at: row.sent_at.toISOString(),
  };
}
