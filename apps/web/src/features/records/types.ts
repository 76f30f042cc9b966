import type { ContactDto, DealDto, LeadDto } from '@crm/contracts';

/** Any record this area lists and shows; each is the API's shape from @crm/contracts. */
export type AnyRecord = LeadDto | ContactDto | DealDto;

export type CustomerStatus = ContactDto['customer_status'];
export type ProspectStatus = ContactDto['prospect_status'];
