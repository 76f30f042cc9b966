import type { TextMessageDto } from '@crm/contracts';
import { iso } from '../../common/time';
import type { TextMessageEntity } from './entities/text-message.entity';

export function toTextMessageDto(message: TextMessageEntity): TextMessageDto {
  return {
    id: message.id,
    associated_deal_ids: message.associated_deal_ids,
    content: message.content,
    incoming: message.incoming,
    resource_type: message.resource_type,
    resource_id: message.resource_id,
    resource_phone_number: message.resource_phone_number,
    sent_at: iso(message.sent_at),
    user_id: message.user_id,
    user_phone_number: message.user_phone_number,
    created_at: iso(message.created_at),
    updated_at: iso(message.updated_at),
  };
}
