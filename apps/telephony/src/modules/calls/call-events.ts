import type { EventBody, TelephonyCallEvent } from '@crm/contracts';
import type { CallRow } from './calls.repository';

/** The event body of a call's current state (every call event carries all of it). */
export function callEvent(row: CallRow, correlationId?: string): EventBody<TelephonyCallEvent> {
  return {
    accountId: row.account_id,
    correlationId,
    callSid: row.call_sid!,
    direction: row.direction,
    userId: row.user_id,
    userPhoneNumber: row.user_phone_number,
    remotePhoneNumber: row.remote_phone_number,
    status: row.status,
    missed: row.missed,
    duration: row.duration,
    startedAt: row.started_at.toISOString(),
    recordingId: row.recording_id === null ? null : Number(row.recording_id),
    voicemail: row.voicemail,
    resource: row.resource_type && row.resource_id ? { resource_type: row.resource_type, resource_id: row.resource_id } : null,
  };
}
