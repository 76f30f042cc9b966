import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';

/** Every Twilio API host (api, messaging, voice, edge and regional variants). */
const TWILIO_ORIGIN = /^https:\/\/(?:[a-z0-9-]+\.)*twilio\.com(?::443)?(?=\/|$)/i;

export interface BinaryResponse {
  status: number;
  contentType: string;
  body: Buffer;
}

/**
 * The SDK's HTTP client, optionally pointed somewhere else (`TWILIO_API_BASE_URL`: the Prism mock
 * in tests, or a proxy): absolute Twilio URIs are rewritten to that base, whatever the domain.
 * It also fetches binary media (recordings) through the same connection pool, which the SDK's
 * own `request` cannot (it decodes every body as text or JSON).
 */
export class TwilioRequestClient extends twilio.RequestClient {
  private readonly base: string | null;

  constructor(baseUrl: string | undefined, timeoutMs: number) {
    super({ timeout: timeoutMs, keepAlive: true });
    this.base = baseUrl ? baseUrl.replace(/\/+$/, '') : null;
  }

  /** Where a Twilio URI is really sent. */
  resolve(uri: string): string {
    return this.base ? uri.replace(TWILIO_ORIGIN, this.base) : uri;
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    return super.request<TData>({ ...opts, uri: this.resolve(opts.uri) });
  }

  /** GET a Twilio media URI with Basic auth; redirects are followed (the credentials stay on Twilio's host). */
  async fetchBinary(uri: string, username: string, password: string, maxBytes: number): Promise<BinaryResponse> {
    const response = await this.axios.request<ArrayBuffer>({
      url: this.resolve(uri),
      method: 'GET',
      auth: { username, password },
      responseType: 'arraybuffer',
      maxRedirects: 5,
      maxContentLength: maxBytes,
      proxy: false,
      timeout: this.defaultTimeout,
      validateStatus: () => true,
    });
    const contentType = response.headers['content-type'];
    return {
      status: response.status,
      contentType: typeof contentType === 'string' ? contentType : 'application/octet-stream',
      body: Buffer.from(response.data),
    };
  }
}
