/**
 * Activity requests of the communications service (issue 6). Subjects, payloads and replies live
 * here; `ActivityRequestMap` is merged into the one RequestMap.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface ActivityRequestMap {}
