import type { MailAddress } from '@crm/contracts';

const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const DAY = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const FULL_DAY = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const FULL = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A list's date: the time today, the day this year, the full date before. */
export function shortDate(iso: string, now = new Date()): string {
  const date = new Date(iso);
  if (date.toDateString() === now.toDateString()) return TIME.format(date);
  return date.getFullYear() === now.getFullYear() ? DAY.format(date) : FULL_DAY.format(date);
}

export function fullDate(iso: string): string {
  return FULL.format(new Date(iso));
}

export function addressLabel(address: MailAddress | null): string {
  if (!address) return '(no sender)';
  return address.name ? `${address.name} <${address.email}>` : address.email;
}

export function shortAddress(address: MailAddress | null): string {
  return address?.name || address?.email || '(no sender)';
}

export function addressList(addresses: MailAddress[]): string {
  return addresses.map(shortAddress).join(', ') || '(no recipients)';
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
