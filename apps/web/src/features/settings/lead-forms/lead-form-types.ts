import type { LeadFormDto, LeadFormField, LeadFormStandardField } from '@crm/contracts';

/**
 * A lead-capture form as `/v2/lead_forms` returns it: the contract's form plus `embed_html`, which
 * the gateway adds from the public URL (the HTML an admin pastes into their site; it posts to the
 * public submission URL).
 */
export type LeadForm = LeadFormDto & { embed_html: string };

/** Labels of the lead attributes a public form may collect; typed by the contract's list so none is missed or invented. */
const STANDARD_FIELD_LABELS: Record<LeadFormStandardField, string> = {
  first_name: 'First name',
  last_name: 'Last name',
  organization_name: 'Company',
  title: 'Job title',
  email: 'Email',
  phone: 'Phone',
  mobile: 'Mobile',
  website: 'Website',
  description: 'Message',
};

/** The lead attributes a public form may collect, in the API's order; anything else is a lead custom field. */
export const STANDARD_FIELDS = (Object.keys(STANDARD_FIELD_LABELS) as LeadFormStandardField[]).map((name) => ({ name, label: STANDARD_FIELD_LABELS[name] }));

export const NEW_FORM_FIELDS: LeadFormField[] = [
  { name: 'first_name', label: 'First name', required: false, custom_field: false },
  { name: 'last_name', label: 'Last name', required: true, custom_field: false },
  { name: 'email', label: 'Email', required: true, custom_field: false },
  { name: 'phone', label: 'Phone', required: false, custom_field: false },
];

/** Where a form's submissions go, from its snippet's `action` (the API builds it from the public URL). */
export function submissionUrlOf(form: LeadForm): string | null {
  return /action="([^"]+)"/.exec(form.embed_html)?.[1]?.replace(/&amp;/g, '&') ?? null;
}
