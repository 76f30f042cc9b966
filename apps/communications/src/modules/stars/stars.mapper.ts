import type { StarDto, StarrableType } from '@crm/contracts';
import { iso } from '../../common/time';
import type { StarEntity } from './entities/star.entity';

export function toStarDto(type: StarrableType, id: number, star: StarEntity): StarDto {
  return { item_type: type, item_id: id, starred_by_id: star.starred_by_id, starred_at: iso(star.starred_at) };
}
