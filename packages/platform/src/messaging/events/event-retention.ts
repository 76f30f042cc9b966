/**
 * How long events are kept. JetStream drops an event this long after it was published (the
 * stream's max_age), whether or not every consumer has taken it: a service kept down longer
 * misses what was published meanwhile. Until then a redelivery or a replay can bring an event
 * again, so a consumer's inbox rows (its dedupe) are kept a day longer, then deleted.
 */
export const EVENT_MAX_AGE_DAYS = 30;
export const INBOX_RETENTION_DAYS = EVENT_MAX_AGE_DAYS + 1;
/** Published outbox rows, kept for looking into what a service sent. */
export const OUTBOX_RETENTION_DAYS = 7;
