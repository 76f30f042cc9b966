/** A lead-capture form as the API returns it (`GET /v2/lead_forms`). */
export interface LeadFormField {
  name: string;
  label: string;
  required: boolean;
  custom_field: boolean;
}

export interface LeadForm {
  id: number;
  creator_id: number;
  name: string;
  fields: LeadFormField[];
  owner_id: number | null;
  owner_pool_id: number | null;
  /** The public key of the submission URL. */
  token: string;
  active: boolean;
  redirect_url: string | null;
  /** The HTML an admin pastes into their site; it posts to the public submission URL. */
  embed_html: string;
  created_at: string;
  updated_at: string;
}

export interface CustomField {
  id: number;
  name: string;
  type: string;
}

/** Lead attributes a public form may collect (the API's list); anything else is a lead custom field. */
export const STANDARD_FIELDS: { name: string; label: string }[] = [
  { name: 'first_name', label: 'First name' },
  { name: 'last_name', label: 'Last name' },
  { name: 'organization_name', label: 'Company' },
  { name: 'title', label: 'Job title' },
  { name: 'email', label: 'Email' },
  { name: 'phone', label: 'Phone' },
  { name: 'mobile', label: 'Mobile' },
  { name: 'website', label: 'Website' },
  { name: 'description', label: 'Message' },
];

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
