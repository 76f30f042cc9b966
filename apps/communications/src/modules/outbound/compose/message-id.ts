import { randomUUID } from 'node:crypto';
import type { OutboundEnv } from '../outbound-settings';

/** A new Message-ID, without angle brackets (as emails store them): `<uuid>@<BCC_DOMAIN or PUBLIC_URL's host>`. */
export function newMessageId(settings: Pick<OutboundEnv, 'BCC_DOMAIN' | 'PUBLIC_URL'>): string {
  const domain = settings.BCC_DOMAIN || new URL(settings.PUBLIC_URL).hostname;
  return `${randomUUID()}@${domain}`;
}
