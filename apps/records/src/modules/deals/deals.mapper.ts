import type { AssociatedContactDto, DealDto } from '@crm/contracts';
import { iso } from '../../common/time';
import type { DealContactEntity } from './entities/deal-contact.entity';
import type { DealEntity } from './entities/deal.entity';

export function toDealDto(deal: DealEntity): DealDto {
  return {
    id: deal.id,
    creator_id: deal.creator_id,
    owner_id: deal.owner_id,
    name: deal.name,
    value: deal.value,
    currency: deal.currency,
    hot: deal.hot,
    stage_id: deal.stage_id,
    contact_id: deal.contact_id,
    organization_id: deal.organization_id,
    source_id: deal.source_id,
    loss_reason_id: deal.loss_reason_id,
    unqualified_reason_id: deal.unqualified_reason_id,
    dropbox_email: deal.dropbox_email,
    estimated_close_date: deal.estimated_close_date,
    customized_win_likelihood: deal.customized_win_likelihood,
    last_stage_change_at: iso(deal.last_stage_change_at),
    last_stage_change_by_id: deal.last_stage_change_by_id,
    added_at: iso(deal.added_at),
    tags: deal.tags,
    custom_fields: deal.custom_fields,
    created_at: iso(deal.created_at),
    updated_at: iso(deal.updated_at),
  };
}

export function toAssociatedContactDto(link: DealContactEntity): AssociatedContactDto {
  return { contact_id: link.contact_id, role: link.role, created_at: iso(link.created_at), updated_at: iso(link.updated_at) };
}
