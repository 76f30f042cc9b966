import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { RecordChangedEvent, RecordsEvents } from '@crm/contracts';
import { EVENT_TRANSPORT, EventTransport } from '@crm/platform';
import { TokenCache } from './token-cache';

/**
 * Drops cached identities when records says a token was revoked, a session ended or a user
 * changed, so a revocation, sign-out or deactivation made through any replica stops it
 * everywhere within moments instead of the cache's TTL (which still bounds it if a
 * notification is missed).
 */
@Injectable()
export class TokenCacheInvalidation implements OnApplicationBootstrap {
  constructor(
    private readonly cache: TokenCache,
    @Inject(EVENT_TRANSPORT) private readonly events: EventTransport,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const subjects = [RecordsEvents.apiToken.updated, RecordsEvents.session.updated, RecordsEvents.user.updated];
    await this.events.listen(subjects, (subject, payload) => {
      const event = payload as RecordChangedEvent;
      if (subject === RecordsEvents.apiToken.updated) this.cache.forgetToken(event.accountId, event.id);
      else if (subject === RecordsEvents.session.updated) this.cache.forgetSession(event.accountId, event.id);
      else this.cache.forgetUser(event.accountId, event.id);
    });
  }
}
