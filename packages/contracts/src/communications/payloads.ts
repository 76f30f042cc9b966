import type { Actor } from '../common/envelope';
import type { ListQuery } from '../common/list-query';

export interface CommunicationsListRequest extends Actor {
  query: ListQuery;
}
