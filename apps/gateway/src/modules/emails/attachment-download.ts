import { MailAttachmentMeta, MailIngestRequests as M } from '@crm/contracts';
import type { RpcClient } from '@crm/platform';
import type { Response } from 'express';
import { attachmentDisposition, downloadContentType } from './download-headers';

/** NATS messages are small (1 MiB by default): 512 KiB of content is about 700 KB of base64. */
export const ATTACHMENT_SLICE_BYTES = 512 * 1024;

/**
 * Copy an attachment's content from mail-ingest to the response, one slice at a time, so neither
 * the gateway nor a NATS message ever holds the whole file. The first slice is read before any
 * header is sent: if mail-ingest cannot answer, the client still gets a proper error.
 */
export async function sendAttachment(rpc: RpcClient, accountId: number, meta: MailAttachmentMeta, response: Response): Promise<void> {
  const read = (offset: number) => readSlice(rpc, accountId, meta, offset);
  let slice = meta.size > 0 ? await read(0) : Buffer.alloc(0);
  response.status(200);
  response.setHeader('Content-Type', downloadContentType(meta.content_type));
  response.setHeader('Content-Length', String(meta.size));
  response.setHeader('Content-Disposition', attachmentDisposition(meta.filename, `attachment-${meta.id}`));
  response.setHeader('X-Content-Type-Options', 'nosniff');
  // Opened directly anyway, an HTML or SVG attachment runs nothing on our origin.
  response.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  response.setHeader('Cache-Control', 'private, no-store');
  try {
    let sent = 0;
    for (;;) {
      sent += slice.length;
      if (!response.write(slice) && !response.destroyed) await drained(response);
      if (sent >= meta.size || response.destroyed) break;
      slice = await read(sent);
    }
    response.end();
  } catch (error) {
    // The headers are out: a cut connection (fewer bytes than Content-Length) is the only honest signal left.
    response.destroy();
    throw error;
  }
}

async function readSlice(rpc: RpcClient, accountId: number, meta: MailAttachmentMeta, offset: number): Promise<Buffer> {
  const length = Math.min(ATTACHMENT_SLICE_BYTES, meta.size - offset);
  const slice = await rpc.request(M.ReadAttachment, { accountId, attachmentId: meta.id, offset, length });
  const bytes = Buffer.from(slice.data, 'base64');
  // A wrong or empty slice would corrupt the file or loop forever: refuse it.
  if (slice.offset !== offset || slice.size !== meta.size || bytes.length === 0 || bytes.length > length) {
    throw new Error(
      `mail-ingest answered attachment ${meta.id} at offset ${offset} with ${bytes.length} bytes at ${slice.offset} of ${slice.size} (expected up to ${length} of ${meta.size})`,
    );
  }
  return bytes;
}

/** Wait until the client has taken what was written (or gone away). */
function drained(response: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.once('drain', done);
    response.once('close', done);
  });
}
