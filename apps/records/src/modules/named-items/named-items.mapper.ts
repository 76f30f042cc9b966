import type { NamedItemDto } from '@crm/contracts';
import { iso } from '../../common/time';
import type { NamedItemEntity } from './entities/named-item.entity';

export function toNamedItemDto(item: NamedItemEntity): NamedItemDto {
  return {
    id: item.id,
    creator_id: item.creator_id ?? 0,
    name: item.name,
    ...(item.resource_type ? { resource_type: item.resource_type } : {}),
    created_at: iso(item.created_at),
    updated_at: iso(item.updated_at),
  };
}
