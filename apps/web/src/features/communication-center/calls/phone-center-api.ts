/**
 * The phone Communication Center's API, shared by the Calls and Text messages screens:
 * `/v2/communications/{calls,text_messages,counts}` (the signed-in user's own calls and texts),
 * the unmatched-number actions, and telephony's sending routes.
 */
import type { PhoneCenterCallDto, PhoneCenterCountsDto } from '@crm/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, type SellEnvelope } from '../../../api/client';
import type { PartyType } from '../../../components/record-names';

export const CALLS_PATH = '/v2/communications/calls';
export const TEXTS_PATH = '/v2/communications/text_messages';
export const COUNTS_PATH = '/v2/communications/counts';

/** New calls and texts arrive from Twilio at any time: lists and counts refresh on their own. */
export const LIVE_REFRESH_MS = 15_000;

/** The numbers in brackets. */
export function usePhoneCenterCounts() {
  return useQuery({
    queryKey: [COUNTS_PATH],
    queryFn: async () => (await api.get<SellEnvelope<PhoneCenterCountsDto>>(COUNTS_PATH)).data,
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
export function recordPath(type: PartyType, id: number): string {
  return `/${type}s/${id}`;
}

/**
 * The recording's address as the browser should fetch it: the path of the API's `recording_url`
 * (same origin, so the session cookie goes along), whatever host PUBLIC_URL names.
 */
export function recordingSrc(call: Pick<PhoneCenterCallDto, 'id' | 'recording_url'>): string | null {
  if (!call.recording_url) return null;
  try {
    return new URL(call.recording_url, window.location.origin).pathname;
  } catch {
    return `/v2/calls/${call.id}/recording`;
  }
}
