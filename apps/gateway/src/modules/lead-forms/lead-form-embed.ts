import { LEAD_FORM_HONEYPOT_FIELD, LEAD_FORM_LONG_FIELD_MAX, LEAD_FORM_SHORT_FIELD_MAX, LeadFormDto, LeadFormField } from '@crm/contracts';

/** A form as the API shows it: with the snippet an admin pastes into their site. */
export type LeadFormView = LeadFormDto & { embed_html: string };

/** Where a form's submissions go: PUBLIC_URL (or the host the admin reached us on) and the token. */
export function submissionUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/v2/forms/${encodeURIComponent(token)}/submissions`;
}

export function withEmbedHtml(form: LeadFormDto, publicBaseUrl: string): LeadFormView {
  return { ...form, embed_html: embedHtml(form, publicBaseUrl) };
}

/**
 * A self-contained HTML form: no script, no stylesheet, so it works on any page and posts as
 * application/x-www-form-urlencoded. The honeypot input is moved off screen (not display:none,
 * which some bots detect) and out of the tab order, so people leave it empty and bots fill it.
 */
export function embedHtml(form: LeadFormDto, publicBaseUrl: string): string {
  const inputs = form.fields.map((field) => `  <p>\n${inputFor(field)}\n  </p>`);
  const honeypot = [
    '  <div style="position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden" aria-hidden="true">',
    `    <label>Leave this field empty <input type="text" name="${LEAD_FORM_HONEYPOT_FIELD}" value="" tabindex="-1" autocomplete="off"></label>`,
    '  </div>',
  ].join('\n');
  return [
    `<form action="${escapeHtml(submissionUrl(publicBaseUrl, form.token))}" method="post" accept-charset="UTF-8" class="crm-lead-form">`,
    ...inputs,
    honeypot,
    '  <p><button type="submit">Send</button></p>',
    '</form>',
  ].join('\n');
}

function inputFor(field: LeadFormField): string {
  const id = `crm-lead-form-${field.name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const required = field.required ? ' required' : '';
  const label = `    <label for="${escapeHtml(id)}">${escapeHtml(field.label)}${field.required ? ' *' : ''}</label><br>`;
  const name = escapeHtml(field.name);
  if (field.name === 'description') {
    return `${label}\n    <textarea id="${escapeHtml(id)}" name="${name}" rows="4" maxlength="${LEAD_FORM_LONG_FIELD_MAX}"${required}></textarea>`;
  }
  const type = field.name === 'email' ? 'email' : field.name === 'phone' || field.name === 'mobile' ? 'tel' : 'text';
  return `${label}\n    <input id="${escapeHtml(id)}" type="${type}" name="${name}" maxlength="${LEAD_FORM_SHORT_FIELD_MAX}"${required}>`;
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
