/**
 * The phone Communication Center's API, shared by the Calls and Text messages screens:
 * `/v2/communications/{calls,text_messages,counts}` (the signed-in user's own calls and texts),
 * the unmatched-number actions, and telephony's sending routes.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, type SellEnvelope } from '../../../api/client';

export type RecordType = 'lead' | 'contact';

/** A call in the Communication Center (Sell's call + telephony's state). */
export interface PhoneCenterCall {
  id: number;
  user_id: number;
  phone_number: string;
  incoming: boolean;
  missed: boolean;
  duration: number;
  made_at: string;
  summary: string | null;
  recording_url: string | null;
  recording_id: number | null;
  resource_type: RecordType | 'deal' | null;
  resource_id: number | null;
  matched: boolean;
  status: string | null;
  user_phone_number: string | null;
  voicemail: boolean;
}

/** A text message in the Communication Center. */
export interface PhoneCenterText {
  id: number;
  content: string;
  incoming: boolean;
  resource_type: RecordType | null;
  resource_id: number | null;
  /** The other party's number. */
  resource_phone_number: string;
  user_phone_number: string;
  sent_at: string;
  matched: boolean;
  status: string | null;
  error_code: string | null;
  error_message: string | null;
  unread: boolean;
}

export interface PhoneCenterCounts {
  missed_calls: number;
  unread_text_messages: number;
  unmatched_calls: number;
  unmatched_text_messages: number;
}

export const CALLS_PATH = '/v2/communications/calls';
export const TEXTS_PATH = '/v2/communications/text_messages';
export const COUNTS_PATH = '/v2/communications/counts';

/** New calls and texts arrive from Twilio at any time: lists and counts refresh on their own. */
export const LIVE_REFRESH_MS = 15_000;

/** The numbers in brackets. */
export function usePhoneCenterCounts() {
  return useQuery({
    queryKey: [COUNTS_PATH],
    queryFn: async () => (await api.get<SellEnvelope<PhoneCenterCounts>>(COUNTS_PATH)).data,
    refetchInterval: LIVE_REFRESH_MS,
  });
}

/**
 * Refresh every phone Communication Center query. After sending, the message shows once telephony
 * has handed it to Twilio and communications has stored it (asynchronously, usually within a
 * second or two), so `soon` refetches again a little later, a few times.
 */
export function useRefreshPhoneCenter() {
  const client = useQueryClient();
  return useCallback(
    (options: { soon?: boolean } = {}) => {
      const refresh = () =>
        client.invalidateQueries({ predicate: (q) => typeof q.queryKey[0] === 'string' && q.queryKey[0].startsWith('/v2/communications/') });
      void refresh();
      if (options.soon) for (const delay of [800, 2000, 5000]) setTimeout(() => void refresh(), delay);
    },
    [client],
  );
}

/** Where a lead's or contact's page lives in this app. */
export function recordPath(type: RecordType, id: number): string {
  return `/${type}s/${id}`;
}

/**
 * The recording's address as the browser should fetch it: the path of the API's `recording_url`
 * (same origin, so the session cookie goes along), whatever host PUBLIC_URL names.
 */
export function recordingSrc(call: Pick<PhoneCenterCall, 'id' | 'recording_url'>): string | null {
  if (!call.recording_url) return null;
  try {
    return new URL(call.recording_url, window.location.origin).pathname;
  } catch {
    return `/v2/calls/${call.id}/recording`;
  }
}
