import type { EventBody, TelephonyTextMessageEvent } from '@crm/contracts';
import type { TextMessageRow } from './text-messages.repository';

/** The event body of a message's current state (every text event carries all of it). */
export function textMessageEvent(row: TextMessageRow, correlationId?: string): EventBody<TelephonyTextMessageEvent> {
  return {
    accountId: row.account_id,
    correlationId,
    messageSid: row.message_sid!,
    direction: row.direction,
    userId: row.user_id,
    userPhoneNumber: row.user_phone_number,
    remotePhoneNumber: row.remote_phone_number,
    body: row.body,
    status: row.status,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    sentAt: row.sent_at.toISOString(),
    resource: row.resource_type && row.resource_id ? { resource_type: row.resource_type, resource_id: row.resource_id } : null,
  };
}
