import type { Page } from './common/list-query';
import { RecordsRequests as R } from './records/subjects';
import type * as P from './records/payloads';
import type * as D from './records/dtos';

/** Every request/reply subject with its request and reply types. */
export interface RequestMap {
  [R.VerifyToken]: { request: P.VerifyTokenRequest; reply: D.TokenIdentity };
  [R.CreateAccount]: { request: P.CreateAccountRequest; reply: P.CreateAccountReply };
  [R.CountAccounts]: { request: Record<string, never>; reply: { count: number } };
  [R.GetAccount]: { request: P.GetRequest; reply: D.AccountDto };

  [R.ListUsers]: { request: P.ListRequest; reply: Page<D.UserDto> };
  [R.GetUser]: { request: P.GetRequest; reply: D.UserDto };
  [R.CreateUser]: { request: P.CreateRequest; reply: D.UserDto };
  [R.UpdateUser]: { request: P.UpdateRequest; reply: D.UserDto };
  [R.ListApiTokens]: { request: P.UserTokenRequest; reply: D.ApiTokenDto[] };
  [R.IssueApiToken]: { request: P.IssueTokenRequest; reply: D.ApiTokenDto };
  [R.RevokeApiToken]: { request: P.RevokeTokenRequest; reply: D.ApiTokenDto };

  [R.ListLeads]: { request: P.ListRequest; reply: Page<D.LeadDto> };
  [R.GetLead]: { request: P.GetRequest; reply: D.LeadDto };
  [R.CreateLead]: { request: P.CreateRequest; reply: D.LeadDto };
  [R.UpdateLead]: { request: P.UpdateRequest; reply: D.LeadDto };
  [R.DeleteLead]: { request: P.DeleteRequest; reply: { deleted: true } };

  [R.ListContacts]: { request: P.ListRequest; reply: Page<D.ContactDto> };
  [R.GetContact]: { request: P.GetRequest; reply: D.ContactDto };
  [R.CreateContact]: { request: P.CreateRequest; reply: D.ContactDto };
  [R.UpdateContact]: { request: P.UpdateRequest; reply: D.ContactDto };
  [R.DeleteContact]: { request: P.DeleteRequest; reply: { deleted: true } };

  [R.ListDeals]: { request: P.ListRequest; reply: Page<D.DealDto> };
  [R.GetDeal]: { request: P.GetRequest; reply: D.DealDto };
  [R.CreateDeal]: { request: P.CreateRequest; reply: D.DealDto };
  [R.UpdateDeal]: { request: P.UpdateRequest; reply: D.DealDto };
  [R.DeleteDeal]: { request: P.DeleteRequest; reply: { deleted: true } };
  [R.ListAssociatedContacts]: { request: P.DealContactListRequest; reply: Page<D.AssociatedContactDto> };
  [R.AddAssociatedContact]: { request: P.DealContactAddRequest; reply: D.AssociatedContactDto };
  [R.RemoveAssociatedContact]: { request: P.DealContactRemoveRequest; reply: { deleted: true } };

  [R.ListPipelines]: { request: P.ListRequest; reply: Page<D.PipelineDto> };
  [R.GetPipeline]: { request: P.GetRequest; reply: D.PipelineDto };
  [R.ListStages]: { request: P.ListRequest; reply: Page<D.StageDto> };
  [R.GetStage]: { request: P.GetRequest; reply: D.StageDto };

  [R.ListNamedItems]: { request: P.NamedItemListRequest; reply: Page<D.NamedItemDto> };
  [R.GetNamedItem]: { request: P.NamedItemRequest; reply: D.NamedItemDto };
  [R.CreateNamedItem]: { request: P.NamedItemCreateRequest; reply: D.NamedItemDto };
  [R.UpdateNamedItem]: { request: P.NamedItemUpdateRequest; reply: D.NamedItemDto };
  [R.DeleteNamedItem]: { request: P.NamedItemRequest; reply: { deleted: true } };

  [R.ListCustomFields]: { request: P.CustomFieldListRequest; reply: D.CustomFieldDto[] };
  [R.CreateCustomField]: { request: P.CustomFieldCreateRequest; reply: D.CustomFieldDto };

  [R.FindPartiesByEmail]: { request: P.FindPartiesByEmailRequest; reply: D.PartyMatch[] };
  [R.FindPartiesByPhone]: { request: P.FindPartiesByPhoneRequest; reply: D.PartyMatch[] };
}

export type RequestSubject = keyof RequestMap;
export type RequestOf<S extends RequestSubject> = RequestMap[S]['request'];
export type ReplyOf<S extends RequestSubject> = RequestMap[S]['reply'];
