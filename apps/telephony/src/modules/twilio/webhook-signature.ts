import twilio from 'twilio';

/** A webhook as Twilio sent it: the public URL it called, its POST parameters, its signature header. */
export interface SignedWebhook {
  url: string;
  params: Record<string, string | string[]>;
  /** JSON webhooks: the raw body, whose SHA-256 the URL carries as `bodySHA256`. */
  rawBody?: string;
  signature: string | null;
}

/**
 * Whether Twilio signed this request with our auth token. Twilio's own algorithm through the SDK,
 * with its fallbacks (the URL with or without the default port, the query string re-encoded) and a
 * constant-time comparison; JSON bodies are checked against `bodySHA256`. Anything malformed is
 * simply not signed.
 */
export function isSignedByTwilio(authToken: string, webhook: SignedWebhook): boolean {
  if (!webhook.signature) return false;
  let url: URL;
  try {
    url = new URL(webhook.url);
  } catch {
    return false;
  }
  if (url.searchParams.has('bodySHA256')) {
    return twilio.validateRequestWithBody(authToken, webhook.signature, webhook.url, webhook.rawBody ?? '');
  }
  return twilio.validateRequest(authToken, webhook.signature, webhook.url, webhook.params);
}
