import type { ThreadDto, ThreadItemDto } from '@crm/contracts';
import { iso } from '../../common/time';
import type { ItemRef } from '../activities/item-columns';
import type { ThreadItemEntity } from './entities/thread-item.entity';
import type { ThreadEntity } from './entities/thread.entity';

export function toThreadDto(thread: ThreadEntity): ThreadDto {
  return {
    id: thread.id,
    resource_type: thread.resource_type,
    resource_id: thread.resource_id,
    name: thread.name,
    creator_id: thread.creator_id,
    created_at: iso(thread.created_at),
    updated_at: iso(thread.updated_at),
  };
}

export function toThreadItemDto(item: ItemRef, row: ThreadItemEntity): ThreadItemDto {
  return { thread_id: row.thread_id, item_type: item.type, item_id: item.id, added_by_id: row.added_by_id, added_at: iso(row.added_at) };
}
