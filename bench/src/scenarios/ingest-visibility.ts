import { performance } from 'node:perf_hooks';

export interface VisibilityFigures {
  /** performance.now() when each awaited Message-ID was first seen in the API, by the index it was registered with. */
  seenAt: Float64Array;
  seenCount: number;
  polls: number;
  requests: number;
  /** Found only by a sweep over every page (they fell behind newer emails between two polls). */
  foundBySweep: number;
  meanRequestMs: number;
}

/**
 * Watches `GET /v2/emails` (newest first by id, 100 a page) every `intervalMs` and records when
 * each awaited Message-ID first appears. A poll reads pages until one brings nothing new, so a
 * burst of more than a page between two polls is still seen on time. A message that committed
 * behind more than a page of newer ones would be missed: when nothing new has come for a second
 * and messages are still awaited, a sweep reads every page (such finds are counted).
 */
export class EmailWatcher {
  private readonly awaited = new Map<string, number>();
  private readonly seenAt: Float64Array;
  private readonly seen = new Set<string>();
  private running = false;
  private loop?: Promise<void>;
  private polls = 0;
  private requests = 0;
  private requestMs = 0;
  private foundBySweep = 0;
  private lastSweep = 0;
  private lastFreshAt = 0;

  constructor(
    private readonly gatewayUrl: string,
    private readonly headers: Record<string, string>,
    capacity: number,
    private readonly intervalMs = 50,
    private readonly perPage = 100,
  ) {
    this.seenAt = new Float64Array(capacity).fill(NaN);
  }

  /** Wait for this Message-ID (call before sending it). */
  expect(messageId: string, index: number): void {
    this.awaited.set(messageId, index);
  }

  get outstanding(): number {
    return this.awaited.size;
  }

  /** Requests made so far. */
  get requestCount(): number {
    return this.requests;
  }

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  /** Resolves once every awaited message has been seen, or `timeoutMs` passed without any new one. */
  async drain(timeoutMs: number): Promise<void> {
    let remaining = this.awaited.size;
    let progressAt = performance.now();
    while (this.awaited.size > 0 && performance.now() - progressAt < timeoutMs) {
      await sleep(this.intervalMs);
      if (this.awaited.size < remaining) [remaining, progressAt] = [this.awaited.size, performance.now()];
    }
  }

  async stop(): Promise<VisibilityFigures> {
    this.running = false;
    await this.loop;
    return {
      seenAt: this.seenAt,
      seenCount: this.seenAt.filter(Number.isFinite).length,
      polls: this.polls,
      requests: this.requests,
      foundBySweep: this.foundBySweep,
      meanRequestMs: this.requests > 0 ? this.requestMs / this.requests : NaN,
    };
  }

  private async run(): Promise<void> {
    while (this.running) {
      const started = performance.now();
      try {
        await this.poll();
      } catch (error) {
        process.stderr.write(`email watcher: ${error instanceof Error ? error.message : String(error)}\n`);
      }
      await sleep(Math.max(0, this.intervalMs - (performance.now() - started)));
    }
  }

  private async poll(): Promise<void> {
    this.polls++;
    let fresh = 0;
    for (let page = 1; ; page++) {
      const read = await this.readPage(page, false);
      fresh += read.fresh;
      if (read.fresh === 0 || !read.full) break;
    }
    const now = performance.now();
    if (fresh > 0) this.lastFreshAt = now;
    // Nothing new for a while, yet messages are missing: one may have committed behind newer
    // ones that were already read past. Look at every page (rarely: it is many requests).
    if (this.awaited.size > 0 && now - this.lastFreshAt > 1000 && now - this.lastSweep > 5000) {
      this.lastSweep = now;
      for (let page = 1; ; page++) if (!(await this.readPage(page, true)).full) break;
    }
  }

  private async readPage(page: number, sweep: boolean): Promise<{ fresh: number; full: boolean }> {
    const t0 = performance.now();
    const response = await fetch(`${this.gatewayUrl}/v2/emails?per_page=${this.perPage}&page=${page}&sort_by=id:desc`, { headers: this.headers });
    if (!response.ok) throw new Error(`GET /v2/emails: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { items: { data: { message_id: string } }[] };
    const now = performance.now();
    this.requests++;
    this.requestMs += now - t0;
    let fresh = 0;
    for (const { data } of body.items) {
      if (this.seen.has(data.message_id)) continue;
      this.seen.add(data.message_id);
      fresh++;
      const index = this.awaited.get(data.message_id);
      if (index === undefined) continue;
      this.awaited.delete(data.message_id);
      this.seenAt[index] = now;
      if (sweep) this.foundBySweep++;
    }
    return { fresh, full: body.items.length === this.perPage };
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
