/** Request/reply subjects answered by the mail-ingest service. */
export const MailIngestRequests = {
  GetBccAddress: 'mail-ingest.bcc-address.get.v1',
  RegenerateBccAddress: 'mail-ingest.bcc-address.regenerate.v1',
  ListIngestedMessages: 'mail-ingest.messages.list.v1',
  GetIngestedMessage: 'mail-ingest.messages.get.v1',
  RetryIngestedMessage: 'mail-ingest.messages.retry.v1',
  /** A slice of an attachment's content (NATS messages are small; the gateway streams slices). */
  ReadAttachment: 'mail-ingest.attachments.read.v1',
} as const;

/** Facts the mail-ingest service publishes through its outbox. */
export const MailEvents = {
  /** A message sent to a BCC or deal address was parsed and filed: communications stores it. */
  message: { received: 'mail.message.received.v1' },
  /** The account's global BCC address changed (first address, or "Generate new address"). */
  bccAddress: { changed: 'mail.bcc-address.changed.v1' },
  /** A deal got its dropbox address: records fills the deal's `dropbox_email`. */
  dealAddress: { assigned: 'mail.deal-address.assigned.v1' },
} as const;
