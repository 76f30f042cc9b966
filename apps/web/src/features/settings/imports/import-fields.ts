import type { RecordResourceType } from '@crm/contracts';

/**
 * The fields a CSV column may fill, per record type (the API's list; owners come from the
 * import's options, not from columns). `tags` splits on commas or semicolons.
 */
const PARTY = [
  ['first_name', 'First name'],
  ['last_name', 'Last name'],
  ['title', 'Job title'],
  ['email', 'Email'],
  ['phone', 'Phone'],
  ['mobile', 'Mobile'],
  ['fax', 'Fax'],
  ['website', 'Website'],
  ['industry', 'Industry'],
  ['description', 'Description'],
  ['twitter', 'Twitter'],
  ['facebook', 'Facebook'],
  ['linkedin', 'LinkedIn'],
  ['skype', 'Skype'],
] as const;
const ADDRESS = [
  ['address.line1', 'Address: street'],
  ['address.city', 'Address: city'],
  ['address.postal_code', 'Address: postal code'],
  ['address.state', 'Address: state'],
  ['address.country', 'Address: country'],
] as const;
const TAGS = [['tags', 'Tags']] as const;

export const IMPORT_FIELDS: Record<RecordResourceType, readonly (readonly [string, string])[]> = {
  lead: [...PARTY, ['organization_name', 'Company'], ['status', 'Lead status'], ['source_id', 'Lead source id'], ...ADDRESS, ...TAGS],
  contact: [...PARTY, ['is_organization', 'Is an organization (yes/no)'], ['name', 'Organization name'], ...ADDRESS, ...TAGS],
  deal: [['name', 'Deal name'], ['value', 'Value'], ['currency', 'Currency'], ['hot', 'Hot (yes/no)'], ['stage_id', 'Stage id'], ['estimated_close_date', 'Estimated close date'], ...TAGS],
};

/** Headers people write for a field, normalised (lower case, underscores). */
const SYNONYMS: Record<string, string> = {
  first: 'first_name',
  firstname: 'first_name',
  given_name: 'first_name',
  forename: 'first_name',
  last: 'last_name',
  lastname: 'last_name',
  surname: 'last_name',
  family_name: 'last_name',
  e_mail: 'email',
  email_address: 'email',
  mail: 'email',
  company: 'organization_name',
  company_name: 'organization_name',
  organization: 'organization_name',
  organisation: 'organization_name',
  phone_number: 'phone',
  telephone: 'phone',
  tel: 'phone',
  mobile_phone: 'mobile',
  cell: 'mobile',
  cell_phone: 'mobile',
  job_title: 'title',
  position: 'title',
  notes: 'description',
  note: 'description',
  comments: 'description',
  url: 'website',
  web: 'website',
  site: 'website',
  street: 'address.line1',
  address: 'address.line1',
  address1: 'address.line1',
  line1: 'address.line1',
  city: 'address.city',
  town: 'address.city',
  zip: 'address.postal_code',
  zip_code: 'address.postal_code',
  postcode: 'address.postal_code',
  postal_code: 'address.postal_code',
  state: 'address.state',
  region: 'address.state',
  province: 'address.state',
  country: 'address.country',
  tag: 'tags',
  labels: 'tags',
  deal_name: 'name',
  amount: 'value',
};

export function normaliseHeader(header: string): string {
  return header.trim().toLowerCase().replace(/[^a-z0-9.]+/g, '_').replace(/^_+|_+$/g, '');
}

/**
 * The field a header most likely means: itself when it names a field or custom field (the API
 * takes such headers as they are), else a common synonym; null when nothing fits.
 */
export function guessTarget(header: string, type: RecordResourceType, customFields: string[]): string | null {
  const fields = new Set(IMPORT_FIELDS[type].map(([name]) => name));
  const lower = header.trim().toLowerCase();
  if (fields.has(lower)) return lower;
  const custom = customFields.find((name) => name.toLowerCase() === lower);
  if (custom) return `custom_fields.${custom}`;
  const normalised = normaliseHeader(header);
  if (fields.has(normalised)) return normalised;
  const synonym = SYNONYMS[normalised];
  if (synonym && fields.has(synonym)) return synonym;
  if (type === 'contact' && (normalised === 'company' || normalised === 'organization')) return 'name';
  return null;
}
