import type { AddressTarget } from './addresses.repository';

/** How long a found address is believed without asking the database again. */
const REMEMBER_MS = 1000;
/** Addresses remembered at once; past this the oldest go first. */
const MAX_ADDRESSES = 10_000;

/**
 * Addresses found at RCPT in the last second: a burst of mail to one address costs one lookup a
 * second instead of one a message. Only found addresses are remembered (a new address works at
 * once), never past the address's own expiry (an address in its grace period is refused when it
 * ends, to the millisecond), and everything is forgotten when this replica changes an address;
 * another replica's change is seen within the second.
 */
export class RecentRecipients {
  private readonly entries = new Map<string, { target: AddressTarget; until: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  get(localPart: string): AddressTarget | undefined {
    const entry = this.entries.get(localPart);
    if (!entry) return undefined;
    if (entry.until > this.now()) return entry.target;
    this.entries.delete(localPart);
    return undefined;
  }

  remember(localPart: string, target: AddressTarget, expiresAt: Date | null): void {
    const until = Math.min(this.now() + REMEMBER_MS, expiresAt ? expiresAt.getTime() : Infinity);
    this.entries.delete(localPart);
    this.entries.set(localPart, { target, until });
    if (this.entries.size > MAX_ADDRESSES) this.entries.delete(this.entries.keys().next().value!);
  }

  forgetAll(): void {
    this.entries.clear();
  }
}
