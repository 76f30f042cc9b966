/** Transient failures (relay down, 4xx, timeouts) are retried this many times, over about ten hours. */
export const MAX_DELIVERY_ATTEMPTS = 20;

const FIRST_DELAY_SECONDS = 2;
const MAX_DELAY_SECONDS = 3600;

/** Seconds before the next attempt after `attempts` failed ones: 2, 4, 8, … up to an hour. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(MAX_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** Math.max(0, attempts - 1));
}
