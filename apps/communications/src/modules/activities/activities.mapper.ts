import type { ActivityDto } from '@crm/contracts';
import { iso } from '../../common/time';
import type { FeedRow } from './activity-feed.repository';
import { snippetOf } from './snippet';

export function toActivityDto(row: FeedRow): ActivityDto {
  const base = {
    id: row.id,
    occurred_at: iso(row.occurred_at),
    user_id: row.user_id,
    starred: row.starred_by_id !== null,
    starred_by_id: row.starred_by_id,
    starred_at: iso(row.starred_at),
    thread_ids: row.thread_ids,
    snippet: snippetOf(row.snippet),
  };
  const direction = row.incoming ? ('incoming' as const) : ('outgoing' as const);
  switch (row.type) {
    case 'email':
      return { type: 'email', ...base, subject: row.subject, direction: row.email_direction!, from: row.from_address, conversation_id: row.conversation_id };
    case 'call':
      return { type: 'call', ...base, direction, duration: row.duration!, missed: row.missed! };
    case 'text_message':
      return { type: 'text_message', ...base, direction };
    case 'note':
      return { type: 'note', ...base, is_important: row.is_important! };
  }
}
