import { ATTACHABLE_TYPES, AttachableType, DomainError, ListQuery, SellErrorItem } from '@crm/contracts';
import type { RecordRef } from './item-columns';

const ID = /^[1-9][0-9]{0,9}$/;
const MAX_ID = 2_147_483_647;

/**
 * `resource_type` and `resource_id` name the one lead, contact or deal a list is about; both are
 * required. Missing or malformed, they are a 422 on the attribute, as for emails. The other
 * filters are returned for the caller to read.
 */
export function takeRecordFilter(query: ListQuery, resource: string): { record: RecordRef; filters: Record<string, string> } {
  const { resource_type: type, resource_id: id, ...filters } = query.filters;
  const errors: SellErrorItem[] = [];
  const refuse = (field: string, message: string, code: 'blank' | 'invalid' = 'invalid') =>
    errors.push({ resource, field: `/${field}`, code, message });
  if (type === undefined) refuse('resource_type', 'resource_type is required', 'blank');
  else if (!(ATTACHABLE_TYPES as readonly string[]).includes(type)) refuse('resource_type', `resource_type must be one of ${ATTACHABLE_TYPES.join(', ')}`);
  if (id === undefined) refuse('resource_id', 'resource_id is required', 'blank');
  else if (!ID.test(id) || Number(id) > MAX_ID) refuse('resource_id', 'resource_id must be a positive integer');
  if (errors.length > 0) throw new DomainError(422, errors);
  return { record: { type: type as AttachableType, id: Number(id) }, filters };
}
