import type { LeadDto } from '@crm/contracts';
import { iso } from '../../common/time';
import type { LeadEntity } from './entities/lead.entity';

export function toLeadDto(lead: LeadEntity): LeadDto {
  return {
    id: lead.id,
    creator_id: lead.creator_id,
    owner_id: lead.owner_id,
    first_name: lead.first_name,
    last_name: lead.last_name,
    organization_name: lead.organization_name,
    status: lead.status,
    source_id: lead.source_id,
    unqualified_reason_id: lead.unqualified_reason_id,
    title: lead.title,
    description: lead.description,
    industry: lead.industry,
    website: lead.website,
    email: lead.email,
    phone: lead.phone,
    mobile: lead.mobile,
    fax: lead.fax,
    twitter: lead.twitter,
    facebook: lead.facebook,
    linkedin: lead.linkedin,
    skype: lead.skype,
    address: lead.address,
    tags: lead.tags,
    custom_fields: lead.custom_fields,
    created_at: iso(lead.created_at),
    updated_at: iso(lead.updated_at),
  };
}
