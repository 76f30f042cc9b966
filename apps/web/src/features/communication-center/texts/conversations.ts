import type { PhoneCenterTextMessageDto } from '@crm/contracts';

/** The messages with one number among a page of the user's texts. */
export interface ConversationSummary {
  /** The other party's number: the conversation's identity (the API's `phone_number` filter). */
  phoneNumber: string;
  resource_type: PhoneCenterTextMessageDto['resource_type'];
  resource_id: number | null;
  /** The newest message of the page with this number. */
  latest: PhoneCenterTextMessageDto;
  /** Unread messages with this number on the page. */
  unread: number;
}

/**
 * Group a page of texts (newest first) into conversations, newest conversation first. A
 * conversation whose messages span pages shows on each of them; opening it loads all its
 * messages by number.
 */
export function groupConversations(texts: PhoneCenterTextMessageDto[]): ConversationSummary[] {
  const byNumber = new Map<string, ConversationSummary>();
  for (const text of texts) {
    const existing = byNumber.get(text.resource_phone_number);
    if (existing) {
      if (text.unread) existing.unread += 1;
      continue;
    }
    byNumber.set(text.resource_phone_number, {
      phoneNumber: text.resource_phone_number,
      resource_type: text.resource_type,
      resource_id: text.resource_id,
      latest: text,
      unread: text.unread ? 1 : 0,
    });
  }
  return [...byNumber.values()];
}
