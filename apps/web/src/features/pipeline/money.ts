/**
 * Deal values are decimal strings with two places (numeric(17,2)); sums are kept in cents as
 * bigint so an optimistic move adds and subtracts exactly what the server will.
 */

export function centsOf(value: string): bigint {
  const match = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(value.trim());
  if (!match) return 0n;
  const cents = BigInt(match[2]) * 100n + BigInt((match[3] ?? '0').padEnd(2, '0'));
  return match[1] ? -cents : cents;
}

export function decimalOf(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** "$12,500" style; an unknown currency code is shown after the number. */
export function formatMoney(value: string, currency: string): string {
  let formatter = formatters.get(currency);
  if (!formatter) {
    try {
      formatter = new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 2 });
    } catch {
      formatter = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
    }
    formatters.set(currency, formatter);
  }
  const text = formatter.format(Number(centsOf(value)) / 100);
  return formatter.resolvedOptions().style === 'currency' ? text : `${text} ${currency}`;
}
