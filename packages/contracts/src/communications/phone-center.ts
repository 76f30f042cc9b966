/**
 * The Communication Center for calls and text messages (issue 7), answered by communications.
 * Subjects, payloads and replies live here; `PhoneCenterRequestMap` is merged into the one RequestMap.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface PhoneCenterRequestMap {}
