import type { CallStatus, PhoneCenterCallDto, PhoneCenterTextMessageDto, TextMessageStatus } from '@crm/contracts';
import { toCallDto } from '../calls/calls.mapper';
import type { CallEntity } from '../calls/entities/call.entity';
import type { TextMessageEntity } from '../text-messages/entities/text-message.entity';
import { toTextMessageDto } from '../text-messages/text-messages.mapper';

export function toPhoneCenterCallDto(call: CallEntity): PhoneCenterCallDto {
  return {
    ...toCallDto(call),
    matched: call.resource_type !== null,
    status: (call.status ?? null) as CallStatus | null,
    user_phone_number: call.user_phone_e164 ?? null,
    voicemail: call.voicemail ?? false,
  };
}

export function toPhoneCenterTextMessageDto(message: TextMessageEntity): PhoneCenterTextMessageDto {
  return {
    ...toTextMessageDto(message),
    matched: message.resource_type !== null,
    external_id: message.sid ?? null,
    status: (message.status ?? null) as TextMessageStatus | null,
    error_code: message.error_code ?? null,
    error_message: message.error_message ?? null,
    unread: message.incoming && !message.read_at,
  };
}
