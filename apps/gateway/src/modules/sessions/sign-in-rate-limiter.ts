import { DomainError } from '@crm/contracts';
import type { Response } from 'express';
import type { GatewayRequest } from '../../http/gateway-request';
import { SubmissionRateLimiter } from '../lead-forms/submission-rate-limiter';

/** Sign-in attempts per (client IP, email) in any 5 minutes: plenty for a person, few for a guesser. */
export const SIGN_IN_ATTEMPTS = 10;
export const SIGN_IN_WINDOW_MS = 5 * 60_000;

/**
 * Slows password guessing against one address. The sliding window is the lead forms' one (in
 * memory, per replica: N replicas allow N times as many, still far too few to guess a
 * 10-character password). Every attempt counts, successful or not.
 */
export class SignInRateLimiter {
  constructor(private readonly window = new SubmissionRateLimiter(SIGN_IN_ATTEMPTS, SIGN_IN_WINDOW_MS)) {}

  take(request: GatewayRequest, response: Response, email: unknown): void {
    const who = typeof email === 'string' ? email.trim().toLowerCase() : '';
    const decision = this.window.take(`${request.ip ?? 'unknown'}\n${who}`);
    if (decision.allowed) return;
    response.setHeader('Retry-After', String(decision.retryAfterSeconds));
    throw new DomainError(429, [{ resource: 'session', code: 'rate_limited', message: 'too many sign-in attempts: try again later' }]);
  }
}
