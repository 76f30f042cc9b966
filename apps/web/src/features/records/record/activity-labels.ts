import type { ActivityDto, ActivityType } from '@crm/contracts';

export const ACTIVITY_TYPE_LABELS: Record<ActivityType, string> = { email: 'Email', call: 'Call', text_message: 'Text message', note: 'Note' };

/** Calls cannot be starred (as in Sell); everything in the feed can go into a thread. */
export const STARRABLE: ReadonlySet<ActivityType> = new Set(['email', 'text_message', 'note']);

function duration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m ? `${m} min ${s} s` : `${s} s`;
}

/** The one-line heading of a feed entry: what it is and which way it went (a plain note needs none). */
export function activityHeading(item: ActivityDto): string | null {
  switch (item.type) {
    case 'email':
      return `${item.direction === 'sent' ? 'Sent email' : 'Received email'}${item.subject ? `: ${item.subject}` : ''}`;
    case 'call':
      if (item.missed) return 'Missed call';
      return `${item.direction === 'incoming' ? 'Incoming' : 'Outgoing'} call, ${duration(item.duration ?? 0)}`;
    case 'text_message':
      return item.direction === 'incoming' ? 'Text message received' : 'Text message sent';
    case 'note':
      return item.is_important ? 'Important note' : null;
  }
}
