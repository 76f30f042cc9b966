import type { LeadConvertedEvent, RecordChangedEvent } from '@crm/contracts';

/**
 * Payloads are checked before they touch anything: a malformed event fails its handler, is
 * redelivered and finally dead-lettered, instead of being half applied.
 */
function assertId(value: unknown, name: string, subject: string): asserts value is number {
  if (!Number.isSafeInteger(value) || (value as number) <= 0) throw new Error(`${subject}: ${name} must be a positive integer`);
}

export function assertRecordEvent(event: RecordChangedEvent, subject: string): void {
  assertId(event.accountId, 'accountId', subject);
  assertId(event.id, 'id', subject);
}

export function assertConversionEvent(event: LeadConvertedEvent, subject: string): void {
  assertId(event.accountId, 'accountId', subject);
  assertId(event.leadId, 'leadId', subject);
  assertId(event.contactId, 'contactId', subject);
  if (event.dealId !== null && event.dealId !== undefined) assertId(event.dealId, 'dealId', subject);
}

/** The owner and version of a lead, contact or deal, from a created or updated event's `data`. */
export function ownershipOf(event: RecordChangedEvent, subject: string): { ownerId: number; updatedAt: Date } {
  const data = event.data as { owner_id?: unknown; updated_at?: unknown } | null;
  assertId(data?.owner_id, 'data.owner_id', subject);
  const updatedAt = typeof data?.updated_at === 'string' ? new Date(data.updated_at) : new Date(NaN);
  if (Number.isNaN(updatedAt.getTime())) throw new Error(`${subject}: data.updated_at must be a timestamp`);
  return { ownerId: data!.owner_id as number, updatedAt };
}
