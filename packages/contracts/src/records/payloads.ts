import type { Actor, EventEnvelope } from '../common/envelope';
import type { ListQuery } from '../common/list-query';

export type RecordResourceType = 'lead' | 'contact' | 'deal';
export type NamedItemKind = 'tag' | 'lead_source' | 'deal_source' | 'loss_reason';

export interface ListRequest extends Actor {
  query: ListQuery;
}
export interface GetRequest extends Actor {
  id: number;
}
/** `data` is validated by the owning service against the attribute class. */
export interface CreateRequest extends Actor {
  data: unknown;
}
export interface UpdateRequest extends Actor {
  id: number;
  data: unknown;
}
export interface DeleteRequest extends Actor {
  id: number;
}

export interface NamedItemListRequest extends ListRequest {
  kind: NamedItemKind;
}
export interface NamedItemRequest extends Actor {
  kind: NamedItemKind;
  id: number;
}
export interface NamedItemCreateRequest extends CreateRequest {
  kind: NamedItemKind;
}
export interface NamedItemUpdateRequest extends UpdateRequest {
  kind: NamedItemKind;
}

export interface CustomFieldListRequest extends Actor {
  resourceType: RecordResourceType;
}
export interface CustomFieldCreateRequest extends CreateRequest {
  resourceType: RecordResourceType;
}

export interface DealContactRequest extends Actor {
  dealId: number;
}
export interface DealContactListRequest extends ListRequest {
  dealId: number;
}
export interface DealContactAddRequest extends CreateRequest {
  dealId: number;
}
export interface DealContactRemoveRequest extends Actor {
  dealId: number;
  contactId: number;
}

export interface UserTokenRequest extends Actor {
  targetUserId: number;
}
export interface IssueTokenRequest extends UserTokenRequest {
  data: unknown;
}
export interface RevokeTokenRequest extends UserTokenRequest {
  tokenId: number;
}

export interface VerifyTokenRequest {
  token: string;
}

export interface CreateAccountRequest {
  name: string;
  adminName: string;
  adminEmail: string;
  correlationId?: string;
}
export interface CreateAccountReply {
  accountId: number;
  userId: number;
  token: string;
}

export interface FindPartiesByEmailRequest {
  accountId: number;
  emails: string[];
}
export interface FindPartiesByPhoneRequest {
  accountId: number;
  phones: string[];
}

/** Every `records.<entity>.<created|updated|deleted>.v1` event carries the record as the API shows it. */
export interface RecordChangedEvent<T = unknown> extends EventEnvelope {
  entity: string;
  id: number;
  actorId: number | null;
  /** The record after the change; null for a deletion. */
  data: T | null;
  /** Attributes the change touched, for updates. */
  changed?: string[];
}

export interface FindResourceRequest extends Actor {
  resourceType: 'lead' | 'contact' | 'deal';
  resourceId: number;
}
export interface FoundResource {
  resource_type: 'lead' | 'contact' | 'deal';
  resource_id: number;
  owner_id: number;
}

export interface SmartListItemsRequest extends ListRequest {
  smartListId: number;
}
export interface BulkActionRequest extends Actor {
  smartListId: number;
  data: unknown;
}

export interface LeadConvertedEvent extends EventEnvelope {
  leadId: number;
  conversionId: number;
  contactId: number;
  organizationId: number | null;
  dealId: number | null;
  actorId: number;
}

export interface ContactStatusChangedEvent extends EventEnvelope {
  contactId: number;
  field: 'customer_status' | 'prospect_status';
  from: string;
  to: string;
  /** The deal change that caused it; null when set by hand. */
  dealId: number | null;
}

export interface CheckPermissionRequest {
  accountId: number;
  userId: number;
  permission: import('./lifecycle').Permission;
}

export interface FindUsersByEmailRequest {
  accountId: number;
  emails: string[];
}
export interface UserEmailMatch {
  id: number;
  email: string;
  name: string;
  status: 'active' | 'inactive';
}

export interface EnsureContactsByEmailRequest {
  accountId: number;
  correlationId?: string;
  integration: import('./integration-owners').Integration;
  people: { email: string; name: string | null }[];
}
export interface EnsuredContact {
  /** Lower-cased. */
  email: string;
  contact_id: number;
  owner_id: number;
  created: boolean;
}

export interface GetDealContactIdsRequest {
  accountId: number;
  dealIds: number[];
}
export interface DealContactIds {
  deal_id: number;
  contact_ids: number[];
}
