/**
 * The Communication Center for calls and text messages (issue 7), answered by communications.
 * Subjects, payloads and replies live here; `PhoneCenterRequestMap` is merged into the one RequestMap.
 */
import type { EventEnvelope } from '../common/envelope';

/** Facts communications publishes about the phone Communication Center. */
export const PhoneCenterEvents = {
  /** A user deleted an SMS conversation: telephony removes its copies too (nothing may remain). */
  textConversationDeleted: 'communications.text-conversation.deleted.v1',
} as const;

export interface TextConversationDeletedEvent extends EventEnvelope {
  userId: number;
  userPhoneNumber: string;
  remotePhoneNumber: string;
  /** Every message of the conversation, by Twilio MessageSid. */
  messageSids: string[];
}

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface PhoneCenterRequestMap {}
