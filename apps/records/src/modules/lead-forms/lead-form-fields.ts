import {
  DomainError,
  LEAD_FORM_HONEYPOT_FIELD,
  LEAD_FORM_LONG_FIELD_MAX,
  LEAD_FORM_SHORT_FIELD_MAX,
  LEAD_FORM_STANDARD_FIELDS,
  LeadFormField,
  LeadFormFieldAttributes,
  SellErrorItem,
} from '@crm/contracts';

const STANDARD = new Set<string>(LEAD_FORM_STANDARD_FIELDS);
const SUBMISSION = 'form_submission';

/**
 * A form's field list as stored: standard names checked, custom names kept for the caller to
 * check against the account's custom fields, no duplicates, and a way to name the lead.
 */
export function normalizeFormFields(fields: LeadFormFieldAttributes[]): LeadFormField[] {
  const seen = new Set<string>();
  const normalized = fields.map((field, index): LeadFormField => {
    const name = field.name.trim();
    const custom = field.custom_field === true;
    if (!custom && !STANDARD.has(name)) {
      throw DomainError.invalid('lead_form', `fields/${index}/name`, `${name} is not a lead attribute a form can collect (${LEAD_FORM_STANDARD_FIELDS.join(', ')}); mark custom fields with custom_field: true`);
    }
    if ((custom && STANDARD.has(name)) || name === LEAD_FORM_HONEYPOT_FIELD) {
      throw DomainError.invalid('lead_form', `fields/${index}/name`, `${name} is reserved`);
    }
    if (seen.has(name)) throw DomainError.invalid('lead_form', `fields/${index}/name`, `${name} appears twice`, 'taken');
    seen.add(name);
    return { name, label: field.label?.trim() || defaultLabel(name), required: field.required === true, custom_field: custom };
  });
  // Every lead needs a last name or an organization name, so a form must insist on one of them.
  if (!normalized.some((f) => f.required && (f.name === 'last_name' || f.name === 'organization_name'))) {
    throw DomainError.invalid('lead_form', 'fields', 'a form must require last_name or organization_name');
  }
  return normalized;
}

function defaultLabel(name: string): string {
  const words = name.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Whether a bot filled the hidden field: any non-blank value. */
export function honeypotFilled(submitted: Record<string, unknown>): boolean {
  const value = submitted[LEAD_FORM_HONEYPOT_FIELD];
  return value !== undefined && value !== null && String(value).trim() !== '';
}

/** The submitted `data` as an object of fields, or a 422. */
export function submittedFields(data: unknown): Record<string, unknown> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new DomainError(422, [{ resource: SUBMISSION, field: '/data', code: 'invalid', message: 'data must be an object of form fields' }]);
  }
  return data as Record<string, unknown>;
}

/**
 * The lead attributes a submission gives, checked against the form: every error at once (unknown
 * field, missing required one, not text, too long). Blank values count as not sent, because a
 * browser posts every input of the form, filled or not.
 */
export function leadDataFromSubmission(fields: LeadFormField[], submitted: Record<string, unknown>): Record<string, unknown> {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const errors: SellErrorItem[] = [];
  const values = new Map<string, string>();
  for (const [name, raw] of Object.entries(submitted)) {
    if (name === LEAD_FORM_HONEYPOT_FIELD) continue;
    const field = byName.get(name);
    if (!field) {
      errors.push({ resource: SUBMISSION, field: `/${name}`, code: 'unknown', message: 'this form has no such field' });
      continue;
    }
    if (raw === undefined || raw === null) continue;
    if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
      errors.push({ resource: SUBMISSION, field: `/${name}`, code: 'invalid', message: 'must be text' });
      continue;
    }
    const value = String(raw).trim();
    const max = name === 'description' ? LEAD_FORM_LONG_FIELD_MAX : LEAD_FORM_SHORT_FIELD_MAX;
    if (value.length > max) errors.push({ resource: SUBMISSION, field: `/${name}`, code: 'invalid', message: `must be at most ${max} characters` });
    else if (value !== '') values.set(name, value);
  }
  for (const field of fields) {
    if (field.required && !values.has(field.name) && !errors.some((e) => e.field === `/${field.name}`)) {
      errors.push({ resource: SUBMISSION, field: `/${field.name}`, code: 'blank', message: `${field.label} is required` });
    }
  }
  if (errors.length > 0) throw new DomainError(422, errors);

  const data: Record<string, unknown> = {};
  const customFields: Record<string, string> = {};
  for (const [name, value] of values) {
    if (byName.get(name)!.custom_field) customFields[name] = value;
    else data[name] = value;
  }
  if (Object.keys(customFields).length > 0) data.custom_fields = customFields;
  return data;
}
