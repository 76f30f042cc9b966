/**
 * Requests answered by the telephony service (issue 7). Subjects, payloads and replies live
 * here; `TelephonyRequestMap` is merged into the one RequestMap.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface TelephonyRequestMap {}
