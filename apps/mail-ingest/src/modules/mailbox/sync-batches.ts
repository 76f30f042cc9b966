import type { MessageSize } from './imap-session';

export interface SyncBatch {
  /** Messages to fetch and store together, in one transaction with the folder's progress. */
  fetch: MessageSize[];
  /** Larger than the ingest limit: left on the server, counted, not copied. */
  skipped: MessageSize[];
  /** After this batch, everything up to here is done. */
  lastUid: number;
}

export interface BatchLimits {
  maxMessages: number;
  /** Bytes fetched per batch (at least one message), so a run of large messages is taken a few at a time. */
  maxBytes: number;
  /** Larger messages are skipped (the SMTP side refuses them too). */
  maxMessageBytes: number;
}

/** Cut a folder's new messages (ascending UIDs) into batches. */
export function planBatches(messages: MessageSize[], limits: BatchLimits): SyncBatch[] {
  const batches: SyncBatch[] = [];
  let current: SyncBatch | null = null;
  let bytes = 0;
  for (const message of messages) {
    const tooLarge = message.size > limits.maxMessageBytes;
    const full = current !== null && (current.fetch.length + current.skipped.length >= limits.maxMessages || (!tooLarge && current.fetch.length > 0 && bytes + message.size > limits.maxBytes));
    if (current === null || full) {
      current = { fetch: [], skipped: [], lastUid: message.uid };
      bytes = 0;
      batches.push(current);
    }
    if (tooLarge) current.skipped.push(message);
    else {
      current.fetch.push(message);
      bytes += message.size;
    }
    current.lastUid = message.uid;
  }
  return batches;
}
