import { isEmail } from 'class-validator';

/**
 * The distinct valid addresses among `values`, trimmed and lower-cased, in first-seen order.
 * Blank, malformed and non-string entries are dropped: one bad address never fails a batch.
 */
export function normalizeEmails(values: unknown): string[] {
  if (!Array.isArray(values)) return [];
  const seen = new Set<string>();
  for (const value of values) {
    const email = normalizeEmail(value);
    if (email) seen.add(email);
  }
  return [...seen];
}

/** The address trimmed and lower-cased, or null when it is not one. */
export function normalizeEmail(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const email = value.trim().toLowerCase();
  return email.length <= 254 && isEmail(email) ? email : null;
}
