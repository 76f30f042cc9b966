/** A webhook's POST parameters as Twilio signed them: flat names, a repeated name as an array. */
export type WebhookParams = Record<string, string | string[]>;

/**
 * Express parses form bodies with `qs`, which nests bracketed names (`a[b]=c` → `{a: {b: 'c'}}`).
 * Twilio's parameter names carry no brackets, but anything nested is put back under its flat
 * name so the signature is computed over what was sent.
 */
export function webhookParams(body: unknown): WebhookParams {
  const params: WebhookParams = {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return params;
  const visit = (name: string, value: unknown): void => {
    if (typeof value === 'string') {
      params[name] = value;
    } else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
      params[name] = value as string[];
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, nested] of Object.entries(value)) visit(`${name}[${key}]`, nested);
    } else if (value !== undefined && value !== null) {
      params[name] = String(value);
    }
  };
  for (const [name, value] of Object.entries(body)) visit(name, value);
  return params;
}
