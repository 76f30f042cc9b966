import type { CallStatus, TextMessageStatus } from '@crm/contracts';

/**
 * How far along a call or message is. Twilio's callbacks may arrive out of order (and telephony
 * publishes in arrival order), so a state applies only if it ranks higher than the stored one,
 * or ranks the same and was published later (e.g. a recording after `completed`). Final states
 * share the top rank.
 */
export const CALL_STATUS_RANK: Readonly<Record<CallStatus, number>> = {
  queued: 1,
  initiated: 2,
  ringing: 3,
  'in-progress': 4,
  completed: 5,
  busy: 5,
  'no-answer': 5,
  failed: 5,
  canceled: 5,
};

export const TEXT_MESSAGE_STATUS_RANK: Readonly<Record<TextMessageStatus, number>> = {
  queued: 1,
  sending: 2,
  sent: 3,
  received: 4,
  delivered: 4,
  undelivered: 4,
  failed: 4,
};
