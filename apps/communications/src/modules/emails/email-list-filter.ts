import { DomainError, ListQuery, MailResourceType, SellErrorItem } from '@crm/contracts';

const RESOURCE_TYPES: readonly MailResourceType[] = ['lead', 'contact', 'deal'];
const MAX_ID = 2_147_483_647;

export interface EmailResourceFilter {
  type: MailResourceType;
  ids: number[];
}

/**
 * `resource_type` and `resource_id` name one record (or several of one type, comma-joined) and
 * only mean something together: one without the other, or either malformed, is a 422 on the
 * attribute, as Sell answers a bad attribute. The other filters go on to the list query.
 */
export function takeResourceFilter(query: ListQuery): { resource: EmailResourceFilter | null; rest: ListQuery } {
  const { resource_type: type, resource_id: id, ...filters } = query.filters;
  const rest = { ...query, filters };
  if (type === undefined && id === undefined) return { resource: null, rest };

  const errors: SellErrorItem[] = [];
  const invalid = (field: string, message: string, code: 'blank' | 'invalid' = 'invalid') =>
    errors.push({ resource: 'email', field: `/${field}`, code, message });
  if (type === undefined) invalid('resource_type', 'resource_type is required with resource_id', 'blank');
  else if (!(RESOURCE_TYPES as readonly string[]).includes(type)) invalid('resource_type', `resource_type must be one of ${RESOURCE_TYPES.join(', ')}`);
  const ids = id?.split(',').map((part) => (/^[1-9][0-9]{0,9}$/.test(part.trim()) ? Number(part) : NaN));
  if (ids === undefined) invalid('resource_id', 'resource_id is required with resource_type', 'blank');
  else if (ids.some((n) => !(n <= MAX_ID))) invalid('resource_id', 'resource_id must be a positive integer or a comma-separated list of them');
  if (errors.length > 0) throw new DomainError(422, errors);

  return { resource: { type: type as MailResourceType, ids: [...new Set(ids)] }, rest };
}
