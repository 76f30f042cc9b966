import type { EventBody, MailAttachmentMeta, MailMessageReceivedEvent } from '@crm/contracts';
import type { FiledMessage } from '../filing/filing.service';

/** Bodies are cut to these many UTF-8 bytes so the event stays well inside a NATS message (1 MiB). */
const MAX_TEXT_BYTES = 200 * 1024;
const MAX_HTML_BYTES = 400 * 1024;

export function receivedEvent(filed: FiledMessage, attachments: MailAttachmentMeta[]): EventBody<MailMessageReceivedEvent> {
  const { plan, parsed, row } = filed;
  const text = cut(plan.text, MAX_TEXT_BYTES);
  const html = cut(plan.html, MAX_HTML_BYTES);
  return {
    accountId: row.account_id,
    ingestId: Number(row.id),
    messageId: parsed.messageId,
    direction: plan.direction,
    userId: plan.userId,
    forwarded: plan.forwarded,
    subject: plan.subject,
    text: text.value,
    html: html.value,
    bodyTruncated: text.cut || html.cut,
    from: plan.from,
    to: plan.to,
    cc: plan.cc,
    date: (plan.date ?? row.received_at).toISOString(),
    inReplyTo: parsed.inReplyTo,
    references: parsed.references,
    attachments,
    links: filed.links,
    ...(plan.mailbox ? { source: 'mailbox' as const, mailbox: plan.mailbox } : {}),
  };
}

function cut(value: string | null, maxBytes: number): { value: string | null; cut: boolean } {
  if (value === null || Buffer.byteLength(value) <= maxBytes) return { value, cut: false };
  let end = maxBytes;
  let candidate = value.slice(0, end);
  while (Buffer.byteLength(candidate) > maxBytes) candidate = value.slice(0, (end = Math.floor(end * 0.9)));
  return { value: candidate, cut: true };
}
