import type { BccAddressChangedEvent, DealAddressAssignedEvent } from '@crm/contracts';
import { normalizeEmail } from '../../common/emails';

/**
 * Payloads are checked before they touch anything: a malformed event fails its handler, is
 * redelivered and finally dead-lettered, instead of being half applied.
 */
function assertId(value: unknown, name: string, subject: string): asserts value is number {
  if (!Number.isSafeInteger(value) || (value as number) <= 0) throw new Error(`${subject}: ${name} must be a positive integer`);
}

function assertAddress(value: unknown, subject: string): asserts value is string {
  if (normalizeEmail(value) === null) throw new Error(`${subject}: address must be an email address`);
}

export function assertBccAddressChanged(event: BccAddressChangedEvent, subject: string): void {
  assertId(event.accountId, 'accountId', subject);
  assertAddress(event.address, subject);
  if (Number.isNaN(Date.parse(event.occurredAt))) throw new Error(`${subject}: occurredAt must be a timestamp`);
}

export function assertDealAddressAssigned(event: DealAddressAssignedEvent, subject: string): void {
  assertId(event.accountId, 'accountId', subject);
  assertId(event.dealId, 'dealId', subject);
  assertAddress(event.address, subject);
}
