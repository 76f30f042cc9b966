import type { MailAttachmentMeta } from '@crm/contracts';

/**
 * The page an email's HTML is shown in, inside a sandboxed frame. The server has already
 * sanitised the HTML (no scripts, handlers, forms, frames or remote images); this is the second
 * wall: the frame may not run scripts at all (sandbox without allow-scripts), and its policy lets
 * it load nothing but this app's own attachment URLs and data: images, so a sanitiser miss can
 * neither run code nor call home. Styles in the email stay inside the frame.
 */
const POLICY = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'";

const FRAME_STYLE = `
  html, body { margin: 0; padding: 0; }
  body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #212529; overflow-wrap: anywhere; }
  img { max-width: 100%; height: auto; }
  table { max-width: 100%; }
  pre { white-space: pre-wrap; }
`;

/**
 * `cid:` images point at parts of the message: rewritten to the attachment download of the same
 * email (same origin, so the session cookie goes with it). Parsing with DOMParser runs nothing and
 * loads nothing. An inline image with no matching part is dropped rather than shown broken.
 */
function withInlineImages(html: string, emailId: number, attachments: MailAttachmentMeta[]): string {
  const document = new DOMParser().parseFromString(html, 'text/html');
  const byContentId = new Map(
    attachments.filter((a) => a.content_id).map((a) => [a.content_id!.replace(/^<|>$/g, '').toLowerCase(), a.id]),
  );
  for (const image of Array.from(document.querySelectorAll('img[src]'))) {
    const source = image.getAttribute('src') ?? '';
    if (!/^cid:/i.test(source)) continue;
    const attachmentId = byContentId.get(decodeURIComponent(source.slice(4)).replace(/^<|>$/g, '').toLowerCase());
    if (attachmentId === undefined) image.remove();
    else image.setAttribute('src', `/v2/emails/${emailId}/attachments/${attachmentId}`);
  }
  return document.body.innerHTML;
}

export function emailDocument(html: string, emailId: number, attachments: MailAttachmentMeta[]): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${POLICY}">` +
    // Links open outside the frame, in a new tab (the server adds target=_blank; this covers the rest).
    '<base target="_blank">' +
    `<style>${FRAME_STYLE}</style></head><body>${withInlineImages(html, emailId, attachments)}</body></html>`
  );
}
