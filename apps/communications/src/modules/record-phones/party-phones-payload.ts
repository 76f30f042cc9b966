import type { PartyPhones } from './record-phones.service';

function optionalText(value: unknown, name: string, subject: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new Error(`${subject}: data.${name} must be a string or null`);
  return value;
}

/**
 * The numbers and status of a lead or contact from a created or updated event's `data` (a
 * LeadDto or ContactDto), or from records' reply to a create or update. Checked before use: a
 * malformed event fails its handler and is redelivered, then dead-lettered.
 */
export function partyPhonesOf(data: unknown, subject: string): PartyPhones {
  const party = (data ?? {}) as { phone?: unknown; mobile?: unknown; status?: unknown; updated_at?: unknown };
  const updatedAt = typeof party.updated_at === 'string' ? new Date(party.updated_at) : new Date(NaN);
  if (Number.isNaN(updatedAt.getTime())) throw new Error(`${subject}: data.updated_at must be a timestamp`);
  const status = optionalText(party.status, 'status', subject);
  return {
    phone: optionalText(party.phone, 'phone', subject),
    mobile: optionalText(party.mobile, 'mobile', subject),
    ...(status === null ? {} : { status }),
    updatedAt,
  };
}
