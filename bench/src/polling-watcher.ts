import { performance } from 'node:perf_hooks';

/**
 * The loop every "when did it become visible through the API" watcher shares: items are awaited
 * by key with the index they were registered under, an API list is polled every `intervalMs`,
 * and `seenAt[index]` records the performance.now() an item first showed. Subclasses say how to
 * poll (which pages, when to stop).
 */
export abstract class PollingWatcher<A extends { index: number }> {
  protected readonly awaited = new Map<string, A>();
  protected readonly seenAt: Float64Array;
  protected polls = 0;
  protected requests = 0;
  private requestMs = 0;
  private running = false;
  private loop?: Promise<void>;

  constructor(
    protected readonly gatewayUrl: string,
    protected readonly headers: Record<string, string>,
    capacity: number,
    protected readonly intervalMs: number,
    /** Names the watcher in error messages. */
    private readonly label: string,
  ) {
    this.seenAt = new Float64Array(capacity).fill(NaN);
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

  /** Resolves once every awaited item was seen, or `timeoutMs` passed without any new one. */
  async drain(timeoutMs: number): Promise<void> {
    let remaining = this.awaited.size;
    let progressAt = performance.now();
    while (this.awaited.size > 0 && performance.now() - progressAt < timeoutMs) {
      await sleep(this.intervalMs);
      if (this.awaited.size < remaining) [remaining, progressAt] = [this.awaited.size, performance.now()];
    }
  }

  /** One poll of the API. */
  protected abstract tick(): Promise<void>;

  /** Stop polling; the figures every watcher reports. */
  protected async stopPolling(): Promise<{ seenAt: Float64Array; seen: number; polls: number; requests: number; meanRequestMs: number }> {
    this.running = false;
    await this.loop;
    return {
      seenAt: this.seenAt,
      seen: this.seenAt.filter(Number.isFinite).length,
      polls: this.polls,
      requests: this.requests,
      meanRequestMs: this.requests > 0 ? this.requestMs / this.requests : NaN,
    };
  }

  /** GET `path` (counted and timed); the items' data and when the answer arrived. */
  protected async fetchItems<T>(path: string): Promise<{ items: T[]; now: number }> {
    const t0 = performance.now();
    const response = await fetch(`${this.gatewayUrl}${path}`, { headers: this.headers });
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { items: { data: T }[] };
    const now = performance.now();
    this.requests++;
    this.requestMs += now - t0;
    return { items: body.items.map((item) => item.data), now };
  }

  /** Record `key` as seen at `now` if it was awaited; true when it was. */
  protected markSeen(key: string, now: number): boolean {
    const waiting = this.awaited.get(key);
    if (!waiting) return false;
    this.awaited.delete(key);
    this.seenAt[waiting.index] = now;
    return true;
  }

  private async run(): Promise<void> {
    while (this.running) {
      const started = performance.now();
      try {
        await this.tick();
      } catch (error) {
        process.stderr.write(`${this.label} watcher: ${error instanceof Error ? error.message : String(error)}\n`);
      }
      await sleep(Math.max(0, this.intervalMs - (performance.now() - started)));
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
