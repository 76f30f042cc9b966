import { DomainError } from '@crm/contracts';
import type { Response } from 'express';
import type { GatewayRequest } from '../../http/gateway-request';
import { SubmissionRateLimiter } from '../lead-forms/submission-rate-limiter';
import { SIGN_IN_ATTEMPTS, SIGN_IN_WINDOW_MS, SignInRateLimiter } from './sign-in-rate-limiter';

describe('SignInRateLimiter', () => {
  let now = 0;
  const limiter = () => new SignInRateLimiter(new SubmissionRateLimiter(SIGN_IN_ATTEMPTS, SIGN_IN_WINDOW_MS, () => now));
  const request = (ip: string) => ({ ip }) as GatewayRequest;
  const response = () => {
    const headers: Record<string, string> = {};
    return { headers, res: { setHeader: (name: string, value: string) => (headers[name] = value) } as unknown as Response };
  };

  beforeEach(() => (now = 0));

  it('allows 10 attempts per client and email in 5 minutes, then answers 429 with Retry-After', () => {
    const attempts = limiter();
    for (let i = 0; i < SIGN_IN_ATTEMPTS; i++) attempts.take(request('10.0.0.1'), response().res, 'Sam@Example.com');
    const refused = response();
    let error: unknown;
    try {
      attempts.take(request('10.0.0.1'), refused.res, ' sam@example.com ');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ status: 429, errors: [{ code: 'rate_limited' }] });
    expect(refused.headers['Retry-After']).toBe('300');

    // Another address, or another client, is counted apart; the window slides.
    expect(() => attempts.take(request('10.0.0.1'), response().res, 'other@example.com')).not.toThrow();
    expect(() => attempts.take(request('10.0.0.2'), response().res, 'sam@example.com')).not.toThrow();
    now = SIGN_IN_WINDOW_MS;
    expect(() => attempts.take(request('10.0.0.1'), response().res, 'sam@example.com')).not.toThrow();
  });
});
