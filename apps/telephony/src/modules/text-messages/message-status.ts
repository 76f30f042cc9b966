import type { TextMessageStatus } from '@crm/contracts';

/** How far a message has got; the last three are final. */
const PROGRESS: Record<TextMessageStatus, number> = { received: 0, queued: 0, sending: 1, sent: 2, delivered: 3, undelivered: 3, failed: 3 };

/** Twilio's MessageStatus in our terms; null for one that says nothing about delivery (receiving, received). */
export function messageStatusOf(twilioStatus: string): TextMessageStatus | null {
  switch (twilioStatus) {
    case 'accepted':
    case 'scheduled':
    case 'queued':
      return 'queued';
    case 'sending':
      return 'sending';
    case 'sent':
      return 'sent';
    case 'delivered':
    case 'read':
      return 'delivered';
    case 'undelivered':
      return 'undelivered';
    case 'failed':
    case 'canceled':
      return 'failed';
    default:
      return null;
  }
}

/** Whether `next` moves a message on from `current`: callbacks arrive in any order, and a final state stays. */
export function advancesMessage(current: TextMessageStatus, next: TextMessageStatus): boolean {
  return PROGRESS[next] > PROGRESS[current];
}
