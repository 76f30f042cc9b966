import { performance } from 'node:perf_hooks';

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
export class ListWatcher {
  private readonly awaited = new Map<string, Awaited>();
  private readonly seenAt: Float64Array;
  private running = false;
  private loop?: Promise<void>;
  private polls = 0;
  private requests = 0;
  private requestMs = 0;
  private deepestPage = 0;
  /** Poll page 1 even with nothing awaited (to measure what the polling alone costs). */
  pollWhenIdle = false;

  constructor(
    private readonly gatewayUrl: string,
    private readonly headers: Record<string, string>,
    /** `/v2/communications/text_messages` or `/v2/communications/calls`. */
    private readonly path: string,
    /** The item's date field the list is sorted on. */
    private readonly dateField: string,
    /** What makes an item the awaited state (a text: its sid; a call: sid and status). */
    private readonly keyOf: (item: Record<string, unknown>) => string,
    capacity: number,
    private readonly intervalMs: number,
    /** A page costs about 5 ms of CPU whatever its size (25 items: 2.3 gateway + 2.5 communications + 0.7 Postgres), so few large ones. */
    private readonly perPage = 100,
    private readonly maxPages = 30,
  ) {
    this.seenAt = new Float64Array(capacity).fill(NaN);
  }

  expect(key: string, index: number, notBefore: number): void {
    this.awaited.set(key, { index, notBefore });
  }

  /** Stop waiting for it (its webhook was refused: it will never show). */
  forget(key: string): void {
    this.awaited.delete(key);
  }

  /** Requests made so far. */
  get requestCount(): number {
    return this.requests;
  }

  get outstanding(): number {
    return this.awaited.size;
  }

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  /** Resolves once every awaited item was seen, or `timeoutMs` passed without any new one. */
  async drain(timeoutMs: number): Promise<void> {
    let remaining = this.awaited.size;
    let progressAt = performance.now();
    while (this.awaited.size > 0 && performance.now() - progressAt < timeoutMs) {
      await sleep(this.intervalMs);
      if (this.awaited.size < remaining) [remaining, progressAt] = [this.awaited.size, performance.now()];
    }
  }

  async stop(): Promise<ListWatcherFigures> {
    this.running = false;
    await this.loop;
    return {
      seenAt: this.seenAt,
      seen: this.seenAt.filter(Number.isFinite).length,
      polls: this.polls,
      requests: this.requests,
      meanRequestMs: this.requests > 0 ? this.requestMs / this.requests : NaN,
      deepestPage: this.deepestPage,
    };
  }

  private async run(): Promise<void> {
    while (this.running) {
      const started = performance.now();
      try {
        if (this.awaited.size > 0) await this.poll();
        else if (this.pollWhenIdle) await this.readPage(1);
      } catch (error) {
        process.stderr.write(`${this.path} watcher: ${error instanceof Error ? error.message : String(error)}\n`);
      }
      await sleep(Math.max(0, this.intervalMs - (performance.now() - started)));
    }
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
    const t0 = performance.now();
    const response = await fetch(`${this.gatewayUrl}${this.path}?per_page=${this.perPage}&page=${page}`, { headers: this.headers });
    if (!response.ok) throw new Error(`GET ${this.path}: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { items: { data: Record<string, unknown> }[] };
    const now = performance.now();
    this.requests++;
    this.requestMs += now - t0;
    for (const { data } of body.items) {
      const key = this.keyOf(data);
      const waiting = this.awaited.get(key);
      if (!waiting) continue;
      this.awaited.delete(key);
      this.seenAt[waiting.index] = now;
    }
    return body.items.map((item) => item.data);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
