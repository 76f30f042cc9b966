/**
 * Mailbox requests of the communications service (issue 6): a user's Communication Center email
 * tabs, their counts, bulk read/archive, and Suggested people. Subjects, payloads and replies
 * live here; `MailboxRequestMap` is merged into the one RequestMap.
 */
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import type { Actor } from '../common/envelope';
import type { ListQuery, Page } from '../common/list-query';
import type { EmailDirection, MailAddress, MailAttachmentMeta, MailLink } from '../mail/payloads';

export const MailboxRequests = {
  /** One tab of the actor's mailbox (`tab`, `q`, `unread` in the query's filters), newest first. */
  ListMailboxEmails: 'communications.mailbox.emails.list.v1',
  CountMailboxEmails: 'communications.mailbox.emails.counts.v1',
  /** Set read or unread; every id must be one of the actor's entries (404 and nothing changed otherwise). */
  MarkMailboxEmails: 'communications.mailbox.emails.mark.v1',
  ArchiveMailboxEmails: 'communications.mailbox.emails.archive.v1',
  UnarchiveMailboxEmails: 'communications.mailbox.emails.unarchive.v1',
  /** Senders of the actor's Suggested tab, grouped, newest last message first. */
  ListSuggestedPeople: 'communications.suggested-people.list.v1',
  /** Create a lead or contact per sender (through records) and file their past emails on it. */
  AddSuggestedPeople: 'communications.suggested-people.add.v1',
  IgnoreSuggestedPeople: 'communications.suggested-people.ignore.v1',
  UnignoreSuggestedPeople: 'communications.suggested-people.unignore.v1',
} as const;

export const MAILBOX_TABS = ['inbox', 'suggested', 'sent', 'archived'] as const;
export type MailboxTab = (typeof MAILBOX_TABS)[number];
export type MailboxFolder = 'inbox' | 'sent';
/** Where an email came from: a BCC or deal address, a user's synced mailbox, or sent from the CRM. */
export type MailboxEmailSource = 'bcc' | 'mailbox' | 'crm';

/** At most this many emails per bulk action. */
export const MAX_MAILBOX_SELECTION = 1000;
/** At most this many senders per Suggested people action (adding creates one record each). */
export const MAX_SUGGESTED_PEOPLE_SELECTION = 100;
const MAX_ID = 2_147_483_647;

/** `{ data: { ids } }` of archive and unarchive. */
export class EmailSelectionAttributes {
  @IsArray({ message: 'ids must be a list of email ids' })
  @ArrayNotEmpty({ message: 'ids must name at least one email' })
  @ArrayMaxSize(MAX_MAILBOX_SELECTION, { message: `ids may name at most ${MAX_MAILBOX_SELECTION} emails` })
  @IsInt({ each: true, message: 'each id must be an integer' })
  @Min(1, { each: true, message: 'each id must be positive' })
  @Max(MAX_ID, { each: true, message: 'each id must be a valid email id' })
  ids: number[];
}

/** `{ data: { ids, read } }` of mark. */
export class MarkEmailsAttributes extends EmailSelectionAttributes {
  @IsBoolean({ message: 'read must be true or false' })
  read: boolean;
}

/** `{ data: { emails } }` of ignore and unignore. */
export class SuggestedPeopleAttributes {
  @IsArray({ message: 'emails must be a list of sender addresses' })
  @ArrayNotEmpty({ message: 'emails must name at least one sender' })
  @ArrayMaxSize(MAX_SUGGESTED_PEOPLE_SELECTION, { message: `emails may name at most ${MAX_SUGGESTED_PEOPLE_SELECTION} senders` })
  @IsString({ each: true, message: 'each email must be a string' })
  @MaxLength(320, { each: true, message: 'each email must be at most 320 characters' })
  emails: string[];
}

/**
 * `{ data: { emails, owner_id?, owner_pool_id? } }` of add_as_lead and add_as_contact: the new
 * records' owner is the user named, else the next member of the pool named (the pool's record
 * type must match), else the acting user.
 */
export class AddSuggestedPeopleAttributes extends SuggestedPeopleAttributes {
  @IsOptional() @IsInt() @Min(1) owner_id?: number;
  @IsOptional() @IsInt() @Min(1) owner_pool_id?: number;
}

/** An email in a user's Communication Center: a compact form of the email and the entry's state. */
export interface MailboxEmailDto {
  /** The email's id (`GET /v2/emails/{id}` has the full message). */
  id: number;
  message_id: string;
  direction: EmailDirection;
  source: MailboxEmailSource;
  subject: string | null;
  /** The start of the text body, whitespace collapsed. */
  snippet: string | null;
  from: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  date: string;
  user_id: number | null;
  attachments: MailAttachmentMeta[];
  /** The leads, contacts and deals it is filed on. */
  resources: MailLink[];
  folder: MailboxFolder;
  read: boolean;
  archived: boolean;
  sent_from_crm: boolean;
  /** For mail sent from the CRM (null otherwise): when the relay took it, and its opens. */
  sent_at: string | null;
  opened: boolean | null;
  open_count: number | null;
  last_opened_at: string | null;
}

export interface MailboxCountsDto {
  inbox: { total: number; unread: number };
  /** total: people (distinct senders); unread: their unread messages. */
  suggested: { total: number; unread: number };
  sent: { total: number };
  archived: { total: number };
}

export interface SuggestedPersonDto {
  /** The sender's address, lower-cased. */
  email: string;
  /** The latest display name the sender used, if any. */
  name: string | null;
  message_count: number;
  unread_count: number;
  last_message: { id: number; subject: string | null; date: string };
}

export type MailboxAction = 'mark_read' | 'mark_unread' | 'archive' | 'unarchive';

/** What a bulk action did: every id named, each now in the state asked for. */
export interface MailboxActionDto {
  action: MailboxAction;
  ids: number[];
}

export type SuggestedPeopleAction = 'add_as_lead' | 'add_as_contact' | 'ignore' | 'unignore';

/** A record made from a suggested person, and how many of their emails were filed on it. */
export interface SuggestedPersonRecordDto {
  email: string;
  resource_type: 'lead' | 'contact';
  resource_id: number;
  owner_id: number;
  linked_emails: number;
}

export interface SuggestedPeopleActionDto {
  action: SuggestedPeopleAction;
  /** The senders acted on, lower-cased, without repeats. */
  emails: string[];
  /** add_as_lead / add_as_contact: the records created, in the order of `emails`. */
  records: SuggestedPersonRecordDto[];
}

export interface MailboxListRequest extends Actor {
  query: ListQuery;
}
export interface MailboxActionRequest extends Actor {
  data: unknown;
}
export interface AddSuggestedPeopleRequest extends MailboxActionRequest {
  resourceType: 'lead' | 'contact';
}

export interface MailboxRequestMap {
  [MailboxRequests.ListMailboxEmails]: { request: MailboxListRequest; reply: Page<MailboxEmailDto> };
  [MailboxRequests.CountMailboxEmails]: { request: Actor; reply: MailboxCountsDto };
  [MailboxRequests.MarkMailboxEmails]: { request: MailboxActionRequest; reply: MailboxActionDto };
  [MailboxRequests.ArchiveMailboxEmails]: { request: MailboxActionRequest; reply: MailboxActionDto };
  [MailboxRequests.UnarchiveMailboxEmails]: { request: MailboxActionRequest; reply: MailboxActionDto };
  [MailboxRequests.ListSuggestedPeople]: { request: MailboxListRequest; reply: Page<SuggestedPersonDto> };
  [MailboxRequests.AddSuggestedPeople]: { request: AddSuggestedPeopleRequest; reply: SuggestedPeopleActionDto };
  [MailboxRequests.IgnoreSuggestedPeople]: { request: MailboxActionRequest; reply: SuggestedPeopleActionDto };
  [MailboxRequests.UnignoreSuggestedPeople]: { request: MailboxActionRequest; reply: SuggestedPeopleActionDto };
}
