/** Sell renders timestamps as ISO 8601 in UTC without milliseconds: 2014-08-27T16:32:56Z. */
export function iso(value: Date): string;
export function iso(value: Date | null): string | null;
export function iso(value: Date | null): string | null {
  return value ? value.toISOString().replace(/\.\d{3}Z$/, 'Z') : null;
}
