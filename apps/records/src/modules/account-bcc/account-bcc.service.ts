import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { BccAddressChangedEvent, MailEvents } from '@crm/contracts';
import { EVENT_TRANSPORT, EventTransport, Tx } from '@crm/platform';
import { AccountBccRepository } from './account-bcc.repository';

/** Every contact response carries the address: it is read once per request and cached between requests. */
const CACHE_MS = 60_000;
const MAX_ENTRIES = 10_000;

interface CachedBcc {
  email: string | null;
  /** When the address was announced (ms), so that an older announcement heard late never replaces it. */
  changedAt: number | null;
  expires: number;
}

/**
 * The account's global BCC address, which mail-ingest owns and announces
 * (`mail.bcc-address.changed.v1`). Records keeps a copy because Sell shows it on every contact.
 */
@Injectable()
export class AccountBccService implements OnApplicationBootstrap {
  private readonly cache = new Map<number, CachedBcc>();
  /** Bumped whenever an address is learnt from an event: a read that started before it must not cache what it saw. */
  private generation = 0;

  constructor(
    private readonly repository: AccountBccRepository,
    @Inject(EVENT_TRANSPORT) private readonly transport: EventTransport,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Every replica hears the change at once; the durable consumer (on one replica) stores it.
    await this.transport.listen([MailEvents.bccAddress.changed], (_subject, payload) => {
      const event = payload as Partial<BccAddressChangedEvent> | null;
      const changedAt = Date.parse(event?.occurredAt ?? '');
      if (Number.isSafeInteger(event?.accountId) && typeof event?.address === 'string' && !Number.isNaN(changedAt)) {
        this.remember(event.accountId!, event.address, changedAt);
      }
    });
  }

  /** Pass the request's transaction when inside one: a second connection would wait on it in the embedded database. */
  async emailOf(tx: Tx, accountId: number): Promise<string | null> {
    const cached = this.cache.get(accountId);
    if (cached && cached.expires > Date.now()) return cached.email;
    const generation = this.generation;
    const stored = await this.repository.find(tx, accountId);
    if (generation === this.generation) this.cacheEntry(accountId, stored.email, stored.changedAt?.getTime() ?? null);
    return stored.email;
  }

  /** The event's effect, in the consumer's transaction; an event older than the stored address changes nothing. */
  async store(tx: Tx, event: BccAddressChangedEvent): Promise<void> {
    const changedAt = new Date(event.occurredAt);
    const stored = await this.repository.store(tx, event.accountId, event.address, changedAt);
    if (stored) tx.afterCommit(() => this.remember(event.accountId, event.address, changedAt.getTime()));
  }

  private remember(accountId: number, email: string, changedAt: number): void {
    const cached = this.cache.get(accountId);
    if (cached?.changedAt != null && cached.changedAt > changedAt) return;
    this.generation++;
    this.cacheEntry(accountId, email, changedAt);
  }

  private cacheEntry(accountId: number, email: string | null, changedAt: number | null): void {
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
    this.cache.set(accountId, { email, changedAt, expires: Date.now() + CACHE_MS });
  }
}
