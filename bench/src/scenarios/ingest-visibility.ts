import { performance } from 'node:perf_hooks';
import { PollingWatcher } from '../polling-watcher';

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
export class EmailWatcher extends PollingWatcher<{ index: number }> {
  private readonly seen = new Set<string>();
  private foundBySweep = 0;
  private lastSweep = 0;
  private lastFreshAt = 0;

  constructor(
    gatewayUrl: string,
    headers: Record<string, string>,
    capacity: number,
    intervalMs = 50,
    private readonly perPage = 100,
  ) {
    super(gatewayUrl, headers, capacity, intervalMs, 'email');
  }

  /** Wait for this Message-ID (call before sending it). */
  expect(messageId: string, index: number): void {
    this.awaited.set(messageId, { index });
  }

  async stop(): Promise<VisibilityFigures> {
    const { seen, ...figures } = await this.stopPolling();
    return { ...figures, seenCount: seen, foundBySweep: this.foundBySweep };
  }

  protected async tick(): Promise<void> {
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
    const { items, now } = await this.fetchItems<{ message_id: string }>(`/v2/emails?per_page=${this.perPage}&page=${page}&sort_by=id:desc`);
    let fresh = 0;
    for (const { message_id: messageId } of items) {
      if (this.seen.has(messageId)) continue;
      this.seen.add(messageId);
      fresh++;
      if (this.markSeen(messageId, now) && sweep) this.foundBySweep++;
    }
    return { fresh, full: items.length === this.perPage };
  }
}
