import { randomBytes } from 'node:crypto';

/** 128 random bits: nobody can guess an account's address. */
export function newBccLocalPart(): string {
  return randomBytes(16).toString('hex');
}

/** A deal's dropbox address carries the deal's id (readable) and 96 random bits (unguessable). */
export function newDealLocalPart(dealId: number): string {
  return `deal-${dealId}-${randomBytes(12).toString('hex')}`;
}

export function addressOf(localPart: string, domain: string): string {
  return `${localPart}@${domain}`;
}

/** The local part of an address at our domain (lower-cased), or null for another domain. */
export function localPartAt(address: string, domain: string): string | null {
  const at = address.lastIndexOf('@');
  if (at <= 0) return null;
  if (address.slice(at + 1).toLowerCase() !== domain.toLowerCase()) return null;
  return address.slice(0, at).toLowerCase();
}
