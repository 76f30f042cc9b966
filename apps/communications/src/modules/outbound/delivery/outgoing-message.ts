import escapeHtml from 'escape-html';
import type { MailAddress } from '@crm/contracts';
import type { SendMailOptions } from 'nodemailer';

/** What the relay is handed for one email: the stored message and its tracking token. */
export interface OutgoingEmail {
  token: string;
  message_id: string;
  date: Date;
  from_address: MailAddress;
  to_addresses: MailAddress[];
  cc_addresses: MailAddress[];
  subject: string | null;
  text: string | null;
  html: string | null;
  in_reply_to: string | null;
  reference_ids: string[];
}

/** The tracking pixel's URL: served by the gateway to anyone, counted by communications. */
export function pixelUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/v2/email_opens/${token}.gif`;
}

/**
 * The MIME message as nodemailer builds it. The HTML part carries the tracking pixel (only this
 * copy: the stored HTML has none); a text-only email gets an HTML alternative for it.
 */
export function outgoingMessage(email: OutgoingEmail, publicUrl: string): SendMailOptions {
  const pixel = `<img src="${pixelUrl(publicUrl, email.token)}" width="1" height="1" alt="">`;
  const html = email.html ?? `<div style="white-space: pre-wrap">${escapeHtml(email.text ?? '')}</div>`;
  return {
    messageId: `<${email.message_id}>`,
    date: email.date,
    from: address(email.from_address),
    to: email.to_addresses.map(address),
    cc: email.cc_addresses.map(address),
    subject: email.subject ?? '',
    text: email.text ?? undefined,
    html: withPixel(html, pixel),
    inReplyTo: email.in_reply_to ? `<${email.in_reply_to}>` : undefined,
    references: email.reference_ids.length > 0 ? email.reference_ids.map((id) => `<${id}>`) : undefined,
    // The stored HTML is sanitised, but nothing in a message may make this process read a file or a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

function address(value: MailAddress): { name: string; address: string } {
  return { name: value.name ?? '', address: value.email };
}

function withPixel(html: string, pixel: string): string {
  const bodyEnd = html.search(/<\/body\s*>/i);
  return bodyEnd === -1 ? `${html}${pixel}` : `${html.slice(0, bodyEnd)}${pixel}${html.slice(bodyEnd)}`;
}
