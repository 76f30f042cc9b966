/**
 * Activity requests of the communications service (issue 6): a record's activity feed, stars,
 * named threads and email conversations. Subjects, payloads and replies live here;
 * `ActivityRequestMap` is merged into the one RequestMap.
 */
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import type { Actor } from '../common/envelope';
import type { Page } from '../common/list-query';
import type { EmailDirection, MailAddress } from '../mail/payloads';
import { ATTACHABLE_TYPES, AttachableType } from '../records/lifecycle';
import type { CreateRequest, DeleteRequest, GetRequest, ListRequest, UpdateRequest } from '../records/payloads';

const MAX_ID = 2_147_483_647;

/** Request/reply subjects answered by the communications service for activities. */
export const ActivityRequests = {
  /** A lead's, contact's or deal's emails, calls, text messages and notes, newest first. */
  ListActivities: 'communications.activities.list.v1',
  Star: 'communications.stars.add.v1',
  Unstar: 'communications.stars.remove.v1',
  ListThreads: 'communications.threads.list.v1',
  GetThread: 'communications.threads.get.v1',
  CreateThread: 'communications.threads.create.v1',
  RenameThread: 'communications.threads.rename.v1',
  DeleteThread: 'communications.threads.delete.v1',
  AddThreadItem: 'communications.threads.add-item.v1',
  RemoveThreadItem: 'communications.threads.remove-item.v1',
  GetEmailConversation: 'communications.email-conversations.get.v1',
  SplitEmailConversation: 'communications.email-conversations.split.v1',
  MergeEmailConversations: 'communications.email-conversations.merge.v1',
} as const;

/** What a record's activity feed holds; also what a named thread may hold. */
export const ACTIVITY_TYPES = ['email', 'call', 'text_message', 'note'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** What can be starred (calls cannot, as in Sell). */
export const STARRABLE_TYPES = ['email', 'text_message', 'note'] as const;
export type StarrableType = (typeof STARRABLE_TYPES)[number];

export class StarAttributes {
  @IsIn(STARRABLE_TYPES) item_type: StarrableType;
  @IsInt() @Min(1) @Max(MAX_ID) item_id: number;
}

/** A star is shared: whoever can see the item sees it, and may remove it. */
export interface StarDto {
  item_type: StarrableType;
  item_id: number;
  starred_by_id: number;
  starred_at: string;
}

export interface UnstarRequest extends Actor {
  /** As written in the path; anything but a starrable type names nothing (404). */
  itemType: string;
  itemId: number;
}

export class ThreadAttributes {
  @IsIn(ATTACHABLE_TYPES) resource_type: AttachableType;
  @IsInt() @Min(1) @Max(MAX_ID) resource_id: number;
  @IsString() @MaxLength(255) name: string;
}

/** A thread stays on its record: only its name changes. */
export class ThreadRenameAttributes {
  @IsString() @MaxLength(255) name: string;
}

/** A named thread (conversation) on a lead, contact or deal. */
export interface ThreadDto {
  id: number;
  resource_type: AttachableType;
  resource_id: number;
  name: string;
  creator_id: number;
  created_at: string;
  updated_at: string;
}

export class ThreadItemAttributes {
  @IsIn(ACTIVITY_TYPES) item_type: ActivityType;
  @IsInt() @Min(1) @Max(MAX_ID) item_id: number;
}

export interface ThreadItemDto {
  thread_id: number;
  item_type: ActivityType;
  item_id: number;
  added_by_id: number;
  added_at: string;
}

export interface ThreadItemAddRequest extends Actor {
  threadId: number;
  data: unknown;
}

export interface ThreadItemRemoveRequest extends Actor {
  threadId: number;
  /** As written in the path; anything but an activity type names nothing (404). */
  itemType: string;
  itemId: number;
}

interface ActivityBase {
  id: number;
  /** The email's date, the call's `made_at`, the text's `sent_at`, the note's `created_at`. */
  occurred_at: string;
  /** Who sent, made or wrote it, when known (the note's creator). */
  user_id: number | null;
  starred: boolean;
  starred_by_id: number | null;
  starred_at: string | null;
  /** This record's named threads that hold the item. */
  thread_ids: number[];
  /** The first characters of the body (email text, call summary, text message, note). */
  snippet: string | null;
}

export interface EmailActivity extends ActivityBase {
  type: 'email';
  subject: string | null;
  direction: EmailDirection;
  from: MailAddress | null;
  /** Its automatic (or manually fixed) conversation; null until the threading pass reached it. */
  conversation_id: number | null;
}

export interface CallActivity extends ActivityBase {
  type: 'call';
  direction: 'incoming' | 'outgoing';
  /** Seconds. */
  duration: number;
  missed: boolean;
}

export interface TextMessageActivity extends ActivityBase {
  type: 'text_message';
  direction: 'incoming' | 'outgoing';
}

export interface NoteActivity extends ActivityBase {
  type: 'note';
  is_important: boolean;
}

/** One entry of a record's activity feed. */
export type ActivityDto = EmailActivity | CallActivity | TextMessageActivity | NoteActivity;

export class ConversationSplitAttributes {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(1000) @IsInt({ each: true }) @Min(1, { each: true }) @Max(MAX_ID, { each: true })
  email_ids: number[];
}

export class ConversationMergeAttributes {
  /** The first conversation is kept; the others' emails move into it. */
  @IsArray() @ArrayMinSize(2) @ArrayMaxSize(100) @IsInt({ each: true }) @Min(1, { each: true }) @Max(MAX_ID, { each: true })
  ids: number[];
}

/** An email of a conversation, as the conversation shows it. */
export interface ConversationEmailDto {
  id: number;
  message_id: string;
  subject: string | null;
  snippet: string | null;
  direction: EmailDirection;
  from: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  date: string;
  in_reply_to: string | null;
  user_id: number | null;
}

/** An email conversation, limited to the emails the user can see (oldest first). */
export interface EmailConversationDto {
  id: number;
  /** The subject of its first visible email. */
  subject: string | null;
  /** Lower-cased addresses of the visible emails' From, To and Cc. */
  participants: string[];
  email_count: number;
  first_date: string;
  last_date: string;
  /** Split or merged by hand: the automatic pass never moves its emails elsewhere. */
  manual: boolean;
  emails: ConversationEmailDto[];
  created_at: string;
  updated_at: string;
}

export interface ActivityRequestMap {
  [ActivityRequests.ListActivities]: { request: ListRequest; reply: Page<ActivityDto> };
  [ActivityRequests.Star]: { request: CreateRequest; reply: StarDto };
  [ActivityRequests.Unstar]: { request: UnstarRequest; reply: { deleted: true } };
  [ActivityRequests.ListThreads]: { request: ListRequest; reply: Page<ThreadDto> };
  [ActivityRequests.GetThread]: { request: GetRequest; reply: ThreadDto };
  [ActivityRequests.CreateThread]: { request: CreateRequest; reply: ThreadDto };
  [ActivityRequests.RenameThread]: { request: UpdateRequest; reply: ThreadDto };
  [ActivityRequests.DeleteThread]: { request: DeleteRequest; reply: { deleted: true } };
  [ActivityRequests.AddThreadItem]: { request: ThreadItemAddRequest; reply: ThreadItemDto };
  [ActivityRequests.RemoveThreadItem]: { request: ThreadItemRemoveRequest; reply: { deleted: true } };
  [ActivityRequests.GetEmailConversation]: { request: GetRequest; reply: EmailConversationDto };
  [ActivityRequests.SplitEmailConversation]: { request: UpdateRequest; reply: EmailConversationDto };
  [ActivityRequests.MergeEmailConversations]: { request: CreateRequest; reply: EmailConversationDto };
}
