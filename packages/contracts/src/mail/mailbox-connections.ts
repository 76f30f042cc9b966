/**
 * Mailbox connections (IMAP sync) answered by the mail-ingest service (issue 6). Subjects,
 * payloads and replies live here; `MailboxConnectionRequestMap` is merged into the one RequestMap.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface MailboxConnectionRequestMap {}
