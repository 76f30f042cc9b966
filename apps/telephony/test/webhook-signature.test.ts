import { createHash } from 'node:crypto';
import twilio from 'twilio';
import { loadEnv } from '@crm/platform';
import { TelephonyEnv, webhookUrl } from '../src/config';
import { isSignedByTwilio } from '../src/modules/twilio/webhook-signature';

/**
 * Twilio's signature algorithm through our validator, with every vector of twilio-node's own test
 * suite (TESTING.md): auth token 12345, the default parameters, U = the signed URL.
 */
const TOKEN = '12345';
const DEFAULT = { CallSid: 'CA1234567890ABCDE', Caller: '+14158675309', Digits: '1234', From: '+14158675309', To: '+18005551212' };
const U = 'https://mycompany.com/myapp.php?foo=1&bar=2';

const valid = (url: string, params: Record<string, string | string[]>, signature: string | null, rawBody?: string) =>
  isSignedByTwilio(TOKEN, { url, params, signature, rawBody });

describe('Twilio webhook signatures (twilio-node vectors)', () => {
  it.each([
    ['U', U, U, DEFAULT, 'RSOYDt4T1cUTdK1PDd93/VVr8B8='],
    ['U presented with a non-default port', U, 'https://mycompany.com:1234/myapp.php?foo=1&bar=2', DEFAULT, 'RSOYDt4T1cUTdK1PDd93/VVr8B8='],
    ['http with a port', 'http://mycompany.com:1234/myapp.php?foo=1&bar=2', 'http://mycompany.com:1234/myapp.php?foo=1&bar=2', DEFAULT, 'Zmvh+3yNM1Phv2jhDCwEM3q5ebU='],
    ['https with :443', 'https://mycompany.com:443/myapp.php?foo=1&bar=2', 'https://mycompany.com:443/myapp.php?foo=1&bar=2', DEFAULT, 'kvajT1Ptam85bY51eRf/AJRuM3w='],
    ['http with :80', 'http://mycompany.com:80/myapp.php?foo=1&bar=2', 'http://mycompany.com:80/myapp.php?foo=1&bar=2', DEFAULT, '0ZXoZLH/DfblKGATFgpif+LLRf4='],
    ['user info in the URL', 'https://user:pass@mycompany.com/myapp.php?foo=1&bar=2', 'https://user:pass@mycompany.com/myapp.php?foo=1&bar=2', DEFAULT, 'CukzLTc1tT5dXEDIHm/tKBanW10='],
    ['an encoded apostrophe in the query', `${U}&Body=It%27s+amazing`, `${U}&Body=It%27s+amazing`, DEFAULT, 'TfZzewPq8wqrGlMfyAud8+/IvJ0='],
    ['an array parameter', U, U, { 'MessagingBinding.Address': ['+1325xxxxxxx', '+1415xxxxxxx'] }, '83O6e2vORAoJHUNzJjDWN1jz+BA='],
    ['repeated values, de-duplicated and sorted', U, U, { Sid: 'CA123', SidAccount: 'AC123', Digits: ['5678', '1234', '1234'] }, 'IK+Dwps556ElfBT0I3Rgjkr1wJU='],
  ])('%s', (_, signedUrl, presentedUrl, params, signature) => {
    expect(twilio.getExpectedTwilioSignature(TOKEN, signedUrl, params)).toBe(signature);
    expect(valid(presentedUrl, params, signature)).toBe(true);
  });

  it('accepts a URL signed with the default port when presented without it, and the reverse', () => {
    expect(valid(U, DEFAULT, 'kvajT1Ptam85bY51eRf/AJRuM3w=')).toBe(true);
    expect(valid('http://mycompany.com/myapp.php?foo=1&bar=2', DEFAULT, '0ZXoZLH/DfblKGATFgpif+LLRf4=')).toBe(true);
    expect(valid('https://mycompany.com:443/myapp.php?foo=1&bar=2', DEFAULT, 'RSOYDt4T1cUTdK1PDd93/VVr8B8=')).toBe(true);
  });

  it("accepts the apostrophe as Twilio requested it (re-encoded as %27 before checking)", () => {
    expect(valid(`${U}&Body=It's+amazing`, DEFAULT, 'TfZzewPq8wqrGlMfyAud8+/IvJ0=')).toBe(true);
  });

  it('refuses a missing, empty, forged or replayed-elsewhere signature', () => {
    expect(valid(U, DEFAULT, null)).toBe(false);
    expect(valid(U, DEFAULT, '')).toBe(false);
    expect(valid(U, DEFAULT, 'RSOYDt4T1cUTdK1PDd93/VVr8B9=')).toBe(false);
    expect(valid(U, DEFAULT, 'not base64 at all')).toBe(false);
    // Another path, another host, another scheme: the URL is part of what was signed.
    expect(valid('https://mycompany.com/other.php?foo=1&bar=2', DEFAULT, 'RSOYDt4T1cUTdK1PDd93/VVr8B8=')).toBe(false);
    expect(valid('https://evil.example/myapp.php?foo=1&bar=2', DEFAULT, 'RSOYDt4T1cUTdK1PDd93/VVr8B8=')).toBe(false);
    expect(valid('http://mycompany.com/myapp.php?foo=1&bar=2', DEFAULT, 'RSOYDt4T1cUTdK1PDd93/VVr8B8=')).toBe(false);
    expect(valid(`${U}&foo=2`, DEFAULT, 'RSOYDt4T1cUTdK1PDd93/VVr8B8=')).toBe(false);
  });

  it('refuses tampered, added or removed parameters, and another auth token', () => {
    expect(valid(U, { ...DEFAULT, Digits: '9999' }, 'RSOYDt4T1cUTdK1PDd93/VVr8B8=')).toBe(false);
    expect(valid(U, { ...DEFAULT, Body: 'extra' }, 'RSOYDt4T1cUTdK1PDd93/VVr8B8=')).toBe(false);
    const { Caller: _, ...withoutCaller } = DEFAULT;
    expect(valid(U, withoutCaller, 'RSOYDt4T1cUTdK1PDd93/VVr8B8=')).toBe(false);
    expect(isSignedByTwilio('54321', { url: U, params: DEFAULT, signature: 'RSOYDt4T1cUTdK1PDd93/VVr8B8=' })).toBe(false);
  });

  it('refuses a URL that is not one', () => {
    expect(valid('not a url', DEFAULT, 'RSOYDt4T1cUTdK1PDd93/VVr8B8=')).toBe(false);
  });

  it('checks a JSON body against bodySHA256 in the signed URL', () => {
    const body = '{"property":"value","boolean":true}';
    const url = `https://mycompany.com/myapp.php?bodySHA256=${createHash('sha256').update(body).digest('hex')}`;
    const signature = twilio.getExpectedTwilioSignature(TOKEN, url, {});
    expect(valid(url, {}, signature, body)).toBe(true);
    expect(valid(url, {}, signature, '{"property":"other","boolean":true}')).toBe(false);
    expect(valid(url, {}, signature, undefined)).toBe(false);
  });

  it('signs the same callback URLs telephony hands to Twilio (PUBLIC_URL + path + query)', () => {
    const env = loadEnv(TelephonyEnv, { PUBLIC_URL: 'https://crm.example.com/' });
    const url = webhookUrl(env, 'status', { ref: 'a-b_c' });
    expect(url).toBe('https://crm.example.com/webhooks/twilio/status?ref=a-b_c');
    const params = { MessageSid: 'SM1', MessageStatus: 'delivered' };
    expect(valid(url, params, twilio.getExpectedTwilioSignature(TOKEN, url, params))).toBe(true);
  });
});

describe('telephony settings', () => {
  const SID = `AC${'0123456789abcdef'.repeat(2)}`;

  it('run without Twilio, or with both credentials', () => {
    expect(loadEnv(TelephonyEnv, {}).TWILIO_ACCOUNT_SID).toBeUndefined();
    expect(loadEnv(TelephonyEnv, { TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: 'secret-token' }).TWILIO_AUTH_TOKEN).toBe('secret-token');
  });

  it('refuse a malformed account SID, or one credential without the other, never printing the token', () => {
    expect(() => loadEnv(TelephonyEnv, { TWILIO_ACCOUNT_SID: 'AC123', TWILIO_AUTH_TOKEN: 'secret-token' })).toThrow(/TWILIO_ACCOUNT_SID="AC123": must be a Twilio account SID/);
    expect(() => loadEnv(TelephonyEnv, { TWILIO_ACCOUNT_SID: SID })).toThrow(/TWILIO_AUTH_TOKEN=\(not set\): is required with TWILIO_ACCOUNT_SID/);
    let message = '';
    try {
      loadEnv(TelephonyEnv, { TWILIO_AUTH_TOKEN: 'secret-token', TWILIO_API_BASE_URL: 'ftp://x' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/TWILIO_ACCOUNT_SID=\(not set\)/);
    expect(message).toMatch(/TWILIO_API_BASE_URL/);
    expect(message).not.toContain('secret-token');
  });
});
