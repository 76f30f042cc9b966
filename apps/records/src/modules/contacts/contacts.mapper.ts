import type { ContactDto } from '@crm/contracts';
import { iso } from '../../common/time';
import type { ContactEntity } from './entities/contact.entity';

/** `bccEmail`: the account's global BCC address, the same on every contact of the account. */
export function toContactDto(contact: ContactEntity, bccEmail: string | null): ContactDto {
  return {
    id: contact.id,
    creator_id: contact.creator_id,
    owner_id: contact.owner_id,
    is_organization: contact.is_organization,
    contact_id: contact.contact_id,
    parent_organization_id: contact.contact_id,
    name: contact.name,
    first_name: contact.first_name,
    last_name: contact.last_name,
    customer_status: contact.customer_status,
    prospect_status: contact.prospect_status,
    title: contact.title,
    description: contact.description,
    industry: contact.industry,
    website: contact.website,
    email: contact.email,
    phone: contact.phone,
    mobile: contact.mobile,
    fax: contact.fax,
    twitter: contact.twitter,
    facebook: contact.facebook,
    linkedin: contact.linkedin,
    skype: contact.skype,
    address: contact.address,
    billing_address: contact.billing_address,
    shipping_address: contact.shipping_address,
    bcc_email: bccEmail,
    tags: contact.tags,
    custom_fields: contact.custom_fields,
    created_at: iso(contact.created_at),
    updated_at: iso(contact.updated_at),
  };
}
