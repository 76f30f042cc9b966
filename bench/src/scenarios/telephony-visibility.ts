import { PollingWatcher } from '../polling-watcher';

interface Awaited {
  index: number;
  /** Date.now() no later than the item's date in the list (sent_at, made_at): where to stop paging. */
  notBefore: number;
}

export interface ListWatcherFigures {
  /** performance.now() when each awaited item was first seen, by the index it was registered with. */
  seenAt: Float64Array;
  seen: number;
  polls: number;
  requests: number;
  meanRequestMs: number;
  /** The deepest page a poll had to read. */
  deepestPage: number;
}

/**
 * Watches one of the Communication Center lists (`GET /v2/communications/text_messages` or
 * `calls`, the user's own, newest first, 100 a page) every `intervalMs` and records when each
 * awaited key first shows. A poll reads on while the page is full and its oldest item is not
 * older than the oldest awaited item could be (with a second of slack), so an item committed
 * behind newer ones is still found, and a caught-up poll reads one page.
 */
export class ListWatcher extends PollingWatcher<Awaited> {
  private deepestPage = 0;
  /** Poll page 1 even with nothing awaited (to measure what the polling alone costs). */
  pollWhenIdle = false;

  constructor(
    gatewayUrl: string,
    headers: Record<string, string>,
    /** `/v2/communications/text_messages` or `/v2/communications/calls`. */
    private readonly path: string,
    /** The item's date field the list is sorted on. */
    private readonly dateField: string,
    /** What makes an item the awaited state (a text: its sid; a call: sid and status). */
    private readonly keyOf: (item: Record<string, unknown>) => string,
    capacity: number,
    intervalMs: number,
    /** A page costs about 5 ms of CPU whatever its size (25 items: 2.3 gateway + 2.5 communications + 0.7 Postgres), so few large ones. */
    private readonly perPage = 100,
    private readonly maxPages = 30,
  ) {
    super(gatewayUrl, headers, capacity, intervalMs, path);
  }

  expect(key: string, index: number, notBefore: number): void {
    this.awaited.set(key, { index, notBefore });
  }

  /** Stop waiting for it (its webhook was refused: it will never show). */
  forget(key: string): void {
    this.awaited.delete(key);
  }

  async stop(): Promise<ListWatcherFigures> {
    return { ...(await this.stopPolling()), deepestPage: this.deepestPage };
  }

  protected async tick(): Promise<void> {
    if (this.awaited.size > 0) await this.poll();
    else if (this.pollWhenIdle) await this.readPage(1);
  }

  private async poll(): Promise<void> {
    this.polls++;
    let oldest = Infinity;
    for (const { notBefore } of this.awaited.values()) oldest = Math.min(oldest, notBefore);
    for (let page = 1; page <= this.maxPages; page++) {
      const items = await this.readPage(page);
      this.deepestPage = Math.max(this.deepestPage, page);
      const last = items.at(-1);
      if (items.length < this.perPage || !last || Date.parse(String(last[this.dateField])) < oldest - 1000 || this.awaited.size === 0) break;
    }
  }

  private async readPage(page: number): Promise<Record<string, unknown>[]> {
    const { items, now } = await this.fetchItems<Record<string, unknown>>(`${this.path}?per_page=${this.perPage}&page=${page}`);
    for (const item of items) this.markSeen(this.keyOf(item), now);
    return items;
  }
}
