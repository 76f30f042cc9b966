import { randomBytes } from 'node:crypto';

/**
 * The key an outbound text or call carries in its callback URLs (`?ref=`), written before Twilio
 * is asked, so a callback that overtakes Twilio's answer still finds its row. Unguessable, though
 * the signature already proves the callback is Twilio's.
 */
export function newCallbackRef(): string {
  return randomBytes(18).toString('base64url');
}
