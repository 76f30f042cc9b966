import { randomBytes } from 'node:crypto';

/** 192 random bits: a pixel URL cannot be guessed from another one or counted through. */
export function newTrackingToken(): string {
  return randomBytes(24).toString('base64url');
}
