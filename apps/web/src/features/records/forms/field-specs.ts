import type { RecordResourceType } from '@crm/contracts';
import { CUSTOMER_STATUS_LABELS, LEAD_STATUSES, PROSPECT_STATUS_LABELS } from '../record-kinds';

/**
 * The attributes a form edits, by the API's names; `address.city` is `address: { city }` in the
 * request. One description drives both the "new" form and the record page's edit form.
 */
export type FieldInput = 'text' | 'email' | 'url' | 'textarea' | 'select' | 'tags' | 'switch' | 'date' | 'decimal' | 'stage' | 'contact' | 'owner';

export interface FieldSpec {
  key: string;
  label: string;
  input: FieldInput;
  required?: boolean;
  options?: { value: string; label: string }[];
  /** Shown only when this returns true for the form's current values (company vs person). */
  when?: (values: FormValues) => boolean;
  /** Only on the "new" form (a contact does not turn into a company later). */
  createOnly?: boolean;
}

export type FormValue = string | string[] | boolean | null;
export type FormValues = Record<string, FormValue>;

const ADDRESS: FieldSpec[] = [
  { key: 'address.line1', label: 'Street', input: 'text' },
  { key: 'address.city', label: 'City', input: 'text' },
  { key: 'address.postal_code', label: 'Postal code', input: 'text' },
  { key: 'address.state', label: 'State', input: 'text' },
  { key: 'address.country', label: 'Country', input: 'text' },
];

const CONTACT_DETAILS: FieldSpec[] = [
  { key: 'email', label: 'Email', input: 'email' },
  { key: 'phone', label: 'Phone', input: 'text' },
  { key: 'mobile', label: 'Mobile', input: 'text' },
  { key: 'website', label: 'Website', input: 'text' },
];

const isCompany = (values: FormValues) => values.is_organization === true;

export const FIELD_SPECS: Record<RecordResourceType, FieldSpec[]> = {
  lead: [
    { key: 'first_name', label: 'First name', input: 'text' },
    { key: 'last_name', label: 'Last name', input: 'text' },
    { key: 'organization_name', label: 'Company', input: 'text' },
    { key: 'title', label: 'Title', input: 'text' },
    { key: 'status', label: 'Status', input: 'select', options: LEAD_STATUSES.map((s) => ({ value: s, label: s })) },
    ...CONTACT_DETAILS,
    { key: 'owner', label: 'Owner', input: 'owner' },
    { key: 'tags', label: 'Tags', input: 'tags' },
    { key: 'description', label: 'Description', input: 'textarea' },
    ...ADDRESS,
  ],
  contact: [
    { key: 'is_organization', label: 'This is a company', input: 'switch', createOnly: true },
    { key: 'name', label: 'Company name', input: 'text', required: true, when: isCompany },
    { key: 'first_name', label: 'First name', input: 'text', when: (v) => !isCompany(v) },
    { key: 'last_name', label: 'Last name', input: 'text', when: (v) => !isCompany(v) },
    { key: 'title', label: 'Title', input: 'text', when: (v) => !isCompany(v) },
    ...CONTACT_DETAILS,
    {
      key: 'customer_status',
      label: 'Customer status',
      input: 'select',
      options: Object.entries(CUSTOMER_STATUS_LABELS).map(([value, label]) => ({ value, label })),
    },
    {
      key: 'prospect_status',
      label: 'Prospect status',
      input: 'select',
      options: Object.entries(PROSPECT_STATUS_LABELS).map(([value, label]) => ({ value, label })),
    },
    { key: 'owner', label: 'Owner', input: 'owner' },
    { key: 'tags', label: 'Tags', input: 'tags' },
    { key: 'description', label: 'Description', input: 'textarea' },
    ...ADDRESS,
  ],
  deal: [
    { key: 'name', label: 'Deal name', input: 'text', required: true },
    { key: 'value', label: 'Value', input: 'decimal' },
    { key: 'currency', label: 'Currency', input: 'text' },
    { key: 'stage_id', label: 'Stage', input: 'stage' },
    { key: 'contact_id', label: 'Contact', input: 'contact' },
    { key: 'hot', label: 'Hot deal', input: 'switch' },
    { key: 'estimated_close_date', label: 'Estimated close date', input: 'date' },
    { key: 'owner', label: 'Owner', input: 'owner' },
    { key: 'tags', label: 'Tags', input: 'tags' },
  ],
};

/** A record's current values as the form holds them (strings, tag lists, switches; owner as `user:<id>`). */
export function formValuesOf(record: Record<string, unknown>, specs: FieldSpec[]): FormValues {
  const values: FormValues = {};
  for (const spec of specs) {
    if (spec.input === 'owner') {
      values.owner = typeof record.owner_id === 'number' ? `user:${record.owner_id}` : null;
      continue;
    }
    const [key, sub] = spec.key.split('.');
    const raw = sub ? (record[key] as Record<string, unknown> | null | undefined)?.[sub] : record[key];
    if (spec.input === 'tags') values[spec.key] = Array.isArray(raw) ? (raw as string[]) : [];
    else if (spec.input === 'switch') values[spec.key] = raw === true;
    else if (spec.input === 'date') values[spec.key] = typeof raw === 'string' ? raw.slice(0, 10) : '';
    else values[spec.key] = raw === null || raw === undefined ? '' : String(raw);
  }
  return values;
}

function sameValue(a: FormValue | undefined, b: FormValue | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * The request's `data`: on create every filled field, on update only the changed ones (an emptied
 * text field is sent as null, clearing it). A changed address is sent whole. The owner is
 * `owner_id` or `owner_pool_id`, as chosen.
 */
export function payloadOf(values: FormValues, specs: FieldSpec[], initial: FormValues | null): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  const visible = specs.filter((s) => (!s.when || s.when(values)) && (initial === null || !s.createOnly));
  let addressChanged = false;
  for (const spec of visible) {
    const value = values[spec.key];
    const changed = initial === null ? value !== '' && value !== null && !(Array.isArray(value) && value.length === 0) && value !== false : !sameValue(value, initial[spec.key]);
    if (!changed) continue;
    if (spec.key.startsWith('address.')) {
      addressChanged = true;
      continue;
    }
    if (spec.input === 'owner') {
      const match = typeof value === 'string' ? /^(user|pool):(\d+)$/.exec(value) : null;
      if (match) data[match[1] === 'user' ? 'owner_id' : 'owner_pool_id'] = Number(match[2]);
    } else if (spec.input === 'stage' || spec.input === 'contact') {
      data[spec.key] = value ? Number(value) : null;
    } else if (spec.input === 'tags' || spec.input === 'switch') {
      data[spec.key] = value;
    } else {
      const text = typeof value === 'string' ? value.trim() : value;
      data[spec.key] = text === '' ? null : text;
    }
  }
  if (addressChanged) {
    const address: Record<string, string | null> = {};
    for (const spec of visible.filter((s) => s.key.startsWith('address.'))) {
      const text = String(values[spec.key] ?? '').trim();
      address[spec.key.slice('address.'.length)] = text === '' ? null : text;
    }
    data.address = address;
  }
  return data;
}

/** Sell's error `field` (`/address/city`) as the form's key (`address.city`). */
export function formKeyOfErrorField(field: string): string {
  return field.replace(/^\//, '').replace(/\//g, '.');
}
