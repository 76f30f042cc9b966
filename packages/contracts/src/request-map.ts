import type { Page } from './common/list-query';
import { RecordsRequests as R } from './records/subjects';
import type * as P from './records/payloads';
import type * as D from './records/dtos';
import type * as L from './records/lifecycle';
import type * as S from './records/smart-lists';
import type * as IO from './records/integration-owners';
import type * as IM from './records/imports';
import type * as LF from './records/lead-forms';
import { CommunicationsRequests as C } from './communications/subjects';
import type * as CD from './communications/calls';
import { DistributionRequests as DR } from './distribution/subjects';
import type * as DP from './distribution/pools';
import type * as EM from './communications/emails';
import { MailIngestRequests as M } from './mail/subjects';
import type * as MP from './mail/payloads';

import type { MailboxRequestMap } from './communications/mailbox';
import type { OutboundEmailRequestMap } from './communications/outbound';
import type { ActivityRequestMap } from './communications/activities';
import type { MailboxConnectionRequestMap } from './mail/mailbox-connections';
import type { TelephonyRequestMap } from './telephony/requests';
import type { PhoneCenterRequestMap } from './communications/phone-center';
import type { SignInRequestMap } from './records/sign-in';

/** Every request/reply subject with its request and reply types. */
export interface RequestMap
  extends MailboxRequestMap,
    OutboundEmailRequestMap,
    ActivityRequestMap,
    MailboxConnectionRequestMap,
    TelephonyRequestMap,
    PhoneCenterRequestMap,
    SignInRequestMap {
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
  [R.PipelineStageTotals]: { request: P.GetRequest; reply: D.StageTotalDto[] };

  [R.ListNamedItems]: { request: P.NamedItemListRequest; reply: Page<D.NamedItemDto> };
  [R.GetNamedItem]: { request: P.NamedItemRequest; reply: D.NamedItemDto };
  [R.CreateNamedItem]: { request: P.NamedItemCreateRequest; reply: D.NamedItemDto };
  [R.UpdateNamedItem]: { request: P.NamedItemUpdateRequest; reply: D.NamedItemDto };
  [R.DeleteNamedItem]: { request: P.NamedItemRequest; reply: { deleted: true } };

  [R.ListCustomFields]: { request: P.CustomFieldListRequest; reply: D.CustomFieldDto[] };
  [R.CreateCustomField]: { request: P.CustomFieldCreateRequest; reply: D.CustomFieldDto };

  [R.FindPartiesByEmail]: { request: P.FindPartiesByEmailRequest; reply: D.PartyMatch[] };
  [R.FindPartiesByPhone]: { request: P.FindPartiesByPhoneRequest; reply: D.PartyMatch[] };
  [R.FindResource]: { request: P.FindResourceRequest; reply: P.FoundResource };

  [R.ListRoles]: { request: P.ListRequest; reply: Page<L.RoleDto> };
  [R.GetRole]: { request: P.GetRequest; reply: L.RoleDto };
  [R.CreateRole]: { request: P.CreateRequest; reply: L.RoleDto };
  [R.UpdateRole]: { request: P.UpdateRequest; reply: L.RoleDto };
  [R.DeleteRole]: { request: P.DeleteRequest; reply: { deleted: true } };
  [R.ListGroups]: { request: P.ListRequest; reply: Page<L.GroupDto> };
  [R.GetGroup]: { request: P.GetRequest; reply: L.GroupDto };
  [R.CreateGroup]: { request: P.CreateRequest; reply: L.GroupDto };
  [R.UpdateGroup]: { request: P.UpdateRequest; reply: L.GroupDto };
  [R.DeleteGroup]: { request: P.DeleteRequest; reply: { deleted: true } };

  [R.ConvertLead]: { request: P.CreateRequest; reply: L.LeadConversionDto };
  [R.ListLeadConversions]: { request: P.ListRequest; reply: Page<L.LeadConversionDto> };
  [R.GetLeadConversion]: { request: P.GetRequest; reply: L.LeadConversionDto };

  [R.ListNotes]: { request: P.ListRequest; reply: Page<L.NoteDto> };
  [R.GetNote]: { request: P.GetRequest; reply: L.NoteDto };
  [R.CreateNote]: { request: P.CreateRequest; reply: L.NoteDto };
  [R.UpdateNote]: { request: P.UpdateRequest; reply: L.NoteDto };
  [R.DeleteNote]: { request: P.DeleteRequest; reply: { deleted: true } };
  [R.ListTasks]: { request: P.ListRequest; reply: Page<L.TaskDto> };
  [R.GetTask]: { request: P.GetRequest; reply: L.TaskDto };
  [R.CreateTask]: { request: P.CreateRequest; reply: L.TaskDto };
  [R.UpdateTask]: { request: P.UpdateRequest; reply: L.TaskDto };
  [R.DeleteTask]: { request: P.DeleteRequest; reply: { deleted: true } };

  [R.ListSmartLists]: { request: P.ListRequest; reply: Page<S.SmartListDto> };
  [R.GetSmartList]: { request: P.GetRequest; reply: S.SmartListDto };
  [R.CreateSmartList]: { request: P.CreateRequest; reply: S.SmartListDto };
  [R.UpdateSmartList]: { request: P.UpdateRequest; reply: S.SmartListDto };
  [R.DeleteSmartList]: { request: P.DeleteRequest; reply: { deleted: true } };
  [R.ListSmartListLeads]: { request: P.SmartListItemsRequest; reply: Page<D.LeadDto> };
  [R.ListSmartListContacts]: { request: P.SmartListItemsRequest; reply: Page<D.ContactDto> };
  [R.ListSmartListDeals]: { request: P.SmartListItemsRequest; reply: Page<D.DealDto> };
  [R.CountSmartList]: { request: P.GetRequest; reply: { count: number } };
  [R.StartBulkAction]: { request: P.BulkActionRequest; reply: S.JobDto };
  [R.GetJob]: { request: P.GetRequest; reply: S.JobDto };

  [C.ListCalls]: { request: P.ListRequest; reply: Page<CD.CallDto> };
  [C.GetCall]: { request: P.GetRequest; reply: CD.CallDto };
  [C.CreateCall]: { request: P.CreateRequest; reply: CD.CallDto };
  [C.UpdateCall]: { request: P.UpdateRequest; reply: CD.CallDto };
  [C.DeleteCall]: { request: P.DeleteRequest; reply: { deleted: true } };
  [C.ListCallOutcomes]: { request: P.ListRequest; reply: Page<CD.CallOutcomeDto> };
  [C.ListTextMessages]: { request: P.ListRequest; reply: Page<CD.TextMessageDto> };
  [C.GetTextMessage]: { request: P.GetRequest; reply: CD.TextMessageDto };

  [R.CheckPermission]: { request: P.CheckPermissionRequest; reply: { allowed: boolean } };
  [R.ListIntegrationOwners]: { request: import('./common/envelope').Actor; reply: IO.IntegrationOwnerDto[] };
  [R.SetIntegrationOwner]: { request: IO.SetIntegrationOwnerRequest; reply: IO.IntegrationOwnerDto };
  [R.ResolveIntegrationOwner]: { request: IO.IntegrationOwnerRequest; reply: IO.ResolvedOwner };
  [R.CreateImport]: { request: P.CreateRequest; reply: IM.ImportDto };
  [R.AppendImportChunk]: { request: IM.AppendImportChunkRequest; reply: { bytes: number } };
  [R.StartImport]: { request: P.GetRequest; reply: IM.ImportDto };
  [R.GetImport]: { request: P.GetRequest; reply: IM.ImportDto };
  [R.ListImports]: { request: P.ListRequest; reply: Page<IM.ImportDto> };
  [R.ListImportErrors]: { request: IM.ImportErrorsRequest; reply: IM.ImportErrorDto[] };

  [R.ListLeadForms]: { request: P.ListRequest; reply: Page<LF.LeadFormDto> };
  [R.GetLeadForm]: { request: P.GetRequest; reply: LF.LeadFormDto };
  [R.CreateLeadForm]: { request: P.CreateRequest; reply: LF.LeadFormDto };
  [R.UpdateLeadForm]: { request: P.UpdateRequest; reply: LF.LeadFormDto };
  [R.DeleteLeadForm]: { request: P.DeleteRequest; reply: { deleted: true } };
  [R.SubmitLeadForm]: { request: LF.SubmitLeadFormRequest; reply: LF.LeadFormSubmissionReply };

  [R.FindUsersByEmail]: { request: P.FindUsersByEmailRequest; reply: P.UserEmailMatch[] };
  [R.EnsureContactsByEmail]: { request: P.EnsureContactsByEmailRequest; reply: P.EnsuredContact[] };
  [R.GetDealContactIds]: { request: P.GetDealContactIdsRequest; reply: P.DealContactIds[] };

  [C.ListEmails]: { request: P.ListRequest; reply: Page<EM.EmailDto> };
  [C.GetEmail]: { request: P.GetRequest; reply: EM.EmailDto };
  [C.GetEmailAttachment]: { request: EM.EmailAttachmentRequest; reply: MP.MailAttachmentMeta };

  [M.GetBccAddress]: { request: import('./common/envelope').Actor; reply: MP.BccAddressDto };
  [M.RegenerateBccAddress]: { request: import('./common/envelope').Actor; reply: MP.BccAddressDto };
  [M.ListIngestedMessages]: { request: P.ListRequest; reply: Page<MP.IngestedMessageDto> };
  [M.GetIngestedMessage]: { request: P.GetRequest; reply: MP.IngestedMessageDto };
  [M.RetryIngestedMessage]: { request: P.GetRequest; reply: MP.IngestedMessageDto };
  [M.ReadAttachment]: { request: MP.ReadAttachmentRequest; reply: MP.AttachmentSlice };

  [DR.ListPools]: { request: P.ListRequest; reply: Page<DP.DistributionPoolDto> };
  [DR.GetPool]: { request: P.GetRequest; reply: DP.DistributionPoolDto };
  [DR.CreatePool]: { request: P.CreateRequest; reply: DP.DistributionPoolDto };
  [DR.UpdatePool]: { request: P.UpdateRequest; reply: DP.DistributionPoolDto };
  [DR.DeletePool]: { request: P.DeleteRequest; reply: { deleted: true } };
  [DR.NextOwners]: { request: DP.NextOwnersRequest; reply: DP.NextOwnersReply };
  [DR.RecordAssignments]: { request: DP.RecordAssignmentsRequest; reply: { updated: number } };
  [DR.ListAssignments]: { request: P.ListRequest; reply: Page<DP.AssignmentDto> };
}

export type RequestSubject = keyof RequestMap;
export type RequestOf<S extends RequestSubject> = RequestMap[S]['request'];
export type ReplyOf<S extends RequestSubject> = RequestMap[S]['reply'];
