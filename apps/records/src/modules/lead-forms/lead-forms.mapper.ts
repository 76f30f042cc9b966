import type { LeadFormDto } from '@crm/contracts';
import { iso } from '../../common/time';
import type { LeadFormRow } from './lead-forms.repository';

export function toLeadFormDto(row: LeadFormRow): LeadFormDto {
  return {
    id: row.id,
    creator_id: row.creator_id,
    name: row.name,
    fields: row.fields,
    owner_id: row.owner_id,
    owner_pool_id: row.owner_pool_id,
    token: row.token,
    active: row.active,
    redirect_url: row.redirect_url,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}
