import type { CallDto } from '@crm/contracts';
import { iso } from '../../common/time';
import type { CallEntity } from './entities/call.entity';

export function toCallDto(call: CallEntity): CallDto {
  return {
    id: call.id,
    user_id: call.user_id,
    summary: call.summary,
    recording_url: call.recording_url,
    outcome_id: call.outcome_id,
    duration: call.duration,
    phone_number: call.phone_number,
    incoming: call.incoming,
    missed: call.missed,
    external_id: call.external_id,
    resource_type: call.resource_type,
    resource_id: call.resource_id,
    associated_deal_ids: call.associated_deal_ids,
    made_at: iso(call.made_at),
    created_at: iso(call.created_at),
    updated_at: iso(call.updated_at),
    recording_id: call.recording_id ?? null,
  };
}
