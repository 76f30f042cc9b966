import type { OutboundCallDto } from '@crm/contracts';
import type { CallRow } from './calls.repository';

export function toOutboundCallDto(row: CallRow): OutboundCallDto {
  return {
    id: Number(row.id),
    sid: row.call_sid!,
    status: row.status,
    user_id: row.user_id!,
    user_phone_number: row.user_phone_number,
    user_own_phone_number: row.user_own_phone_number!,
    phone_number: row.remote_phone_number,
    resource_type: row.resource_type,
    resource_id: row.resource_id,
    made_at: row.started_at.toISOString(),
  };
}
