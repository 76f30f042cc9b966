import type { MailAttachmentMeta } from '@crm/contracts';

/**
 * The attachments of an email after another copy of the same message arrived: the ones known
 * keep their place, new ones follow. A copy filed again by mail-ingest stores the same file under
 * a new id, so a file already present by content and name is not added twice.
 */
export function mergeAttachments(current: MailAttachmentMeta[], incoming: MailAttachmentMeta[]): MailAttachmentMeta[] {
  const ids = new Set(current.map((a) => a.id));
  const files = new Set(current.map(fileKey));
  const added = incoming.filter((a) => !ids.has(a.id) && !files.has(fileKey(a)));
  const unique = added.filter((a, index) => added.findIndex((b) => b.id === a.id) === index);
  return unique.length === 0 ? current : [...current, ...unique];
}

function fileKey(a: MailAttachmentMeta): string {
  return JSON.stringify([a.sha256, a.filename, a.content_id]);
}
