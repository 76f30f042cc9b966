import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { Actor } from '../common/envelope';
import type { EmailDto } from './emails';

/**
 * Outbound email (issue 6): mail composed in the CRM, sent through the SMTP relay by
 * communications, and opens counted by the tracking pixel the gateway serves.
 */
export const OutboundEmailRequests = {
  /** Compose an email to leads and contacts: stored as sent, queued for the relay. */
  SendEmail: 'communications.emails.send.v1',
  /** A hit on a tracking pixel; the gateway asks without waiting and never shows the answer. */
  RecordEmailOpen: 'communications.email-opens.record.v1',
} as const;

export const OUTBOUND_RECIPIENT_TYPES = ['lead', 'contact'] as const;
export type OutboundRecipientType = (typeof OUTBOUND_RECIPIENT_TYPES)[number];

/** 24 random bytes in base64url: 192 bits, a fixed length the gateway checks before asking. */
export const EMAIL_TRACKING_TOKEN = /^[A-Za-z0-9_-]{32}$/;

export const MAX_EMAIL_RECIPIENTS = 50;
/** Per body part, in characters: both parts and the envelope stay under one NATS message (1 MiB). */
export const MAX_EMAIL_BODY_LENGTH = 200_000;

export class EmailRecipientAttributes {
  @IsDefined() @IsIn(OUTBOUND_RECIPIENT_TYPES) resource_type: OutboundRecipientType;
  @IsDefined() @IsInt() @Min(1) @Max(2_147_483_647) resource_id: number;
}

/** `POST /v2/emails`: to leads and contacts (their addresses come from the records), cc to plain addresses. */
export class SendEmailAttributes {
  @IsDefined() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_EMAIL_RECIPIENTS)
  @ValidateNested({ each: true }) @Type(() => EmailRecipientAttributes)
  to: EmailRecipientAttributes[];

  @IsOptional() @IsArray() @ArrayMaxSize(MAX_EMAIL_RECIPIENTS) @IsEmail({}, { each: true }) @MaxLength(255, { each: true })
  cc?: string[];

  @IsDefined() @IsString() @IsNotEmpty() @MaxLength(998) subject: string;
  @IsOptional() @IsString() @MaxLength(MAX_EMAIL_BODY_LENGTH) text?: string;
  @IsOptional() @IsString() @MaxLength(MAX_EMAIL_BODY_LENGTH) html?: string;
  /** An email the sender can see: the new one answers it (In-Reply-To, References). */
  @IsOptional() @IsInt() @Min(1) @Max(2_147_483_647) in_reply_to?: number;
}

export type EmailDeliveryStatus = 'queued' | 'sent' | 'failed';

/** Delivery and opens of an email sent from the CRM; other emails have none of these fields. */
export interface EmailDeliveryFields {
  /** queued: waiting for the relay (see last_error); sent: the relay accepted it; failed: refused for good. */
  status: EmailDeliveryStatus;
  sent_at: string | null;
  /** Attempts to hand it to the relay so far. */
  attempts: number;
  /** Why the last attempt did not deliver (or which recipients the relay refused). */
  last_error: string | null;
  open_count: number;
  first_opened_at: string | null;
  last_opened_at: string | null;
}

export type SentEmailDto = EmailDto & EmailDeliveryFields;

export interface SendEmailRequest extends Actor {
  /** Validated by communications against SendEmailAttributes. */
  data: unknown;
}

export interface RecordEmailOpenRequest {
  token: string;
}

export interface OutboundEmailRequestMap {
  [OutboundEmailRequests.SendEmail]: { request: SendEmailRequest; reply: SentEmailDto };
  [OutboundEmailRequests.RecordEmailOpen]: { request: RecordEmailOpenRequest; reply: { recorded: boolean } };
}
