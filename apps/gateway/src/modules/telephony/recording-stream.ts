import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { RecordingMediaMeta, TelephonyRequests as T } from '@crm/contracts';
import type { RpcClient } from '@crm/platform';
import type { Response } from 'express';

/** NATS messages are small (1 MiB by default): 512 KiB of media is about 700 KB of base64. */
export const RECORDING_SLICE_BYTES = 512 * 1024;

const EXTENSIONS: Record<string, string> = { 'audio/mpeg': 'mp3', 'audio/wav': 'wav', 'application/json': 'json' };

/**
 * Stream a recording from telephony to the response one slice at a time, so neither the gateway
 * nor a NATS message holds it whole. The first slice is read before any header is sent: if
 * telephony cannot answer, the client still gets a proper error; later, a cut connection is the
 * only honest signal left.
 */
export async function sendRecording(rpc: RpcClient, accountId: number, meta: RecordingMediaMeta, response: Response): Promise<void> {
  const read = (offset: number) => readSlice(rpc, accountId, meta, offset);
  const first = meta.size > 0 ? await read(0) : Buffer.alloc(0);
  response.status(200);
  response.setHeader('Content-Type', meta.content_type);
  response.setHeader('Content-Length', String(meta.size));
  response.setHeader('Content-Disposition', `inline; filename="recording-${meta.id}.${EXTENSIONS[meta.content_type] ?? 'bin'}"`);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Cache-Control', 'private, no-store');
  async function* slices(): AsyncGenerator<Buffer> {
    let sent = first.length;
    yield first;
    while (sent < meta.size) {
      const slice = await read(sent);
      sent += slice.length;
      yield slice;
    }
  }
  await pipeline(Readable.from(slices()), response);
}

async function readSlice(rpc: RpcClient, accountId: number, meta: RecordingMediaMeta, offset: number): Promise<Buffer> {
  const length = Math.min(RECORDING_SLICE_BYTES, meta.size - offset);
  const slice = await rpc.request(T.ReadRecording, { accountId, recordingId: meta.id, offset, length });
  const bytes = Buffer.from(slice.data, 'base64');
  // A wrong or empty slice would corrupt the media or loop forever: refuse it.
  if (slice.offset !== offset || slice.size !== meta.size || bytes.length === 0 || bytes.length > length) {
    throw new Error(`telephony answered recording ${meta.id} at offset ${offset} with ${bytes.length} bytes at ${slice.offset} of ${slice.size} (expected up to ${length} of ${meta.size})`);
  }
  return bytes;
}
