import type { CallStatus } from '@crm/contracts';
import type { CallChanges, CallRow } from './calls.repository';

const PROGRESS: Record<CallStatus, number> = {
  queued: 0,
  initiated: 0,
  ringing: 1,
  'in-progress': 2,
  completed: 3,
  busy: 3,
  'no-answer': 3,
  failed: 3,
  canceled: 3,
};

/** How a call or a dialled leg can end without anyone talking. */
export const UNANSWERED: ReadonlySet<string> = new Set(['busy', 'no-answer', 'failed', 'canceled']);

export function callStatusOf(twilioStatus: string): CallStatus | null {
  return twilioStatus in PROGRESS ? (twilioStatus as CallStatus) : null;
}

export function advancesCall(current: CallStatus, next: CallStatus): boolean {
  return PROGRESS[next] > PROGRESS[current];
}

/**
 * What a status callback changes. Callbacks arrive in any order and a final state stays. An
 * inbound call is missed when it ends unanswered, or completes while still ringing (the caller
 * hung up first); missed never goes back. Twilio's duration counts only once.
 */
export function statusChanges(call: Pick<CallRow, 'direction' | 'status' | 'missed' | 'duration'>, status: CallStatus, duration: number | null): CallChanges {
  const changes: CallChanges = {};
  if (advancesCall(call.status, status)) changes.status = status;
  const endedUnanswered = UNANSWERED.has(status) || (status === 'completed' && PROGRESS[call.status] < PROGRESS['in-progress']);
  if (call.direction === 'inbound' && !call.missed && endedUnanswered) changes.missed = true;
  if (duration !== null && duration > 0 && call.duration === 0) changes.duration = duration;
  return changes;
}
