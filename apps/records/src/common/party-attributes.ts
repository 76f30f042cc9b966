import type { AddressAttributes, AddressDto } from '@crm/contracts';
import { toE164 } from './phone';
import type { PartyColumns } from './party-columns';

type PartyInput = Partial<Record<keyof PartyColumns, unknown>> & {
  address?: AddressAttributes | null;
  phone?: string | null;
  mobile?: string | null;
  tags?: string[];
};

const SIMPLE_FIELDS = [
  'owner_id',
  'first_name',
  'last_name',
  'title',
  'description',
  'industry',
  'website',
  'email',
  'fax',
  'twitter',
  'facebook',
  'linkedin',
  'skype',
] as const;

/** Copy the contact details a lead or contact shares onto its row, keeping phone lookups in E.164. */
export function applyPartyAttributes(target: PartyColumns, input: PartyInput): void {
  for (const field of SIMPLE_FIELDS) {
    if (field in input) (target as unknown as Record<string, unknown>)[field] = input[field] ?? null;
  }
  if ('phone' in input) {
    target.phone = input.phone ?? null;
    target.phone_e164 = toE164(input.phone);
  }
  if ('mobile' in input) {
    target.mobile = input.mobile ?? null;
    target.mobile_e164 = toE164(input.mobile);
  }
  if ('address' in input) target.address = toAddress(input.address);
  if (input.tags) target.tags = normalizeTags(input.tags);
}

export function toAddress(address: AddressAttributes | null | undefined): AddressDto | null {
  if (!address) return null;
  return {
    line1: address.line1 ?? null,
    city: address.city ?? null,
    postal_code: address.postal_code ?? null,
    state: address.state ?? null,
    country: address.country ?? null,
  };
}

/** Tags are a set: trimmed, empty ones dropped, duplicates (ignoring case) removed. */
export function normalizeTags(tags: string[]): string[] {
  const seen = new Map<string, string>();
  for (const tag of tags.map((t) => t.trim()).filter(Boolean)) {
    if (!seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  }
  return [...seen.values()];
}


/** Every nullable column of a new lead or contact, so a created record shows each field (as null). */
export const EMPTY_PARTY = {
  first_name: null,
  last_name: null,
  title: null,
  description: null,
  industry: null,
  website: null,
  email: null,
  phone: null,
  phone_e164: null,
  mobile: null,
  mobile_e164: null,
  fax: null,
  twitter: null,
  facebook: null,
  linkedin: null,
  skype: null,
  address: null,
  tags: [] as string[],
  custom_fields: {} as Record<string, unknown>,
};
