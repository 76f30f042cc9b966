export const SUBMISSIONS_PER_WINDOW = 10;
export const SUBMISSION_WINDOW_MS = 60_000;
/** Bounds memory under a flood of distinct keys: the oldest windows are dropped first. */
const MAX_KEYS = 50_000;

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Sliding-window limit on public form submissions per (form token, client IP). In memory, per
 * gateway replica: with N replicas behind a balancer a client gets up to N times the limit,
 * which is enough to stop a bot hammering a form; a shared limit would need a store.
 */
export class SubmissionRateLimiter {
  private readonly windows = new Map<string, number[]>();

  constructor(
    private readonly limit = SUBMISSIONS_PER_WINDOW,
    private readonly windowMs = SUBMISSION_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts the attempt when allowed; a refused attempt does not extend the wait. */
  take(key: string): RateDecision {
    const now = this.now();
    const recent = (this.windows.get(key) ?? []).filter((at) => at > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.windows.set(key, recent);
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((recent[0] + this.windowMs - now) / 1000)) };
    }
    recent.push(now);
    // Re-inserting keeps the map in order of last use, so eviction drops the stalest key.
    this.windows.delete(key);
    this.windows.set(key, recent);
    if (this.windows.size > MAX_KEYS) this.windows.delete(this.windows.keys().next().value as string);
    return { allowed: true };
  }
}
