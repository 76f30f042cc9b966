import { ACTIVITY_TYPES, ActivityType, DomainError, ListQuery } from '@crm/contracts';
import type { FeedFilter } from './activity-feed.repository';
import { takeRecordFilter } from './record-filter';

const ID = /^[1-9][0-9]{0,9}$/;
const MAX_ID = 2_147_483_647;

function invalidParam(name: string, message: string): DomainError {
  return new DomainError(400, [{ resource: 'activity', field: `/${name}`, code: 'invalid_param', message: `${name}: ${message}` }]);
}

/**
 * The feed's parameters: the record (required), `type` (a comma-joined subset of email, call,
 * text_message, note), `starred` (true or false) and `thread_id`. A malformed filter is a 400
 * `invalid_param`, as any list's.
 */
export function parseFeedFilter(query: ListQuery): FeedFilter {
  const { record, filters } = takeRecordFilter(query, 'activity');
  const { type, starred, thread_id: threadId, ...unknown } = filters;
  const [extra] = Object.keys(unknown);
  if (extra !== undefined) throw invalidParam(extra, 'unknown parameter for activity lists');

  let types: readonly ActivityType[] = ACTIVITY_TYPES;
  if (type !== undefined) {
    const wanted = type.split(',').map((value) => value.trim());
    const wrong = wanted.find((value) => !(ACTIVITY_TYPES as readonly string[]).includes(value));
    if (wrong !== undefined) throw invalidParam('type', `must be a comma-separated list of ${ACTIVITY_TYPES.join(', ')}`);
    types = ACTIVITY_TYPES.filter((value) => wanted.includes(value));
  }
  if (starred !== undefined && starred !== 'true' && starred !== 'false') throw invalidParam('starred', 'must be true or false');
  if (threadId !== undefined && !(ID.test(threadId) && Number(threadId) <= MAX_ID)) throw invalidParam('thread_id', 'must be a positive integer');
  return {
    record,
    types,
    starred: starred === undefined ? null : starred === 'true',
    threadId: threadId === undefined ? null : Number(threadId),
  };
}
