/** A media type as a browser may be told it, with its charset if it names one; anything else is opaque bytes. */
const MEDIA_TYPE = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/;
const CHARSET = /;\s*charset\s*=\s*"?([a-z0-9_.:-]+)"?\s*(?:;|$)/i;

export function downloadContentType(contentType: string): string {
  const [base] = contentType.split(';', 1);
  const type = base.trim().toLowerCase();
  if (!MEDIA_TYPE.test(type)) return 'application/octet-stream';
  const charset = CHARSET.exec(contentType)?.[1];
  return charset ? `${type}; charset=${charset.toLowerCase()}` : type;
}

/**
 * `Content-Disposition: attachment` with the file's name (RFC 6266): a plain ASCII `filename`
 * for old clients and the exact name, UTF-8 and percent-encoded, as `filename*`. Control
 * characters and path separators never reach the client.
 */
export function attachmentDisposition(filename: string | null, fallback: string): string {
  // eslint-disable-next-line no-control-regex
  const name = (filename ?? '').replace(/[\u0000-\u001f\u007f]/g, '').replace(/[/\\]/g, '_').trim() || fallback;
  const ascii = name.replace(/[^\x20-\x7e]|"/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
