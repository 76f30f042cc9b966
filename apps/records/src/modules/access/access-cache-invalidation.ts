import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { RecordChangedEvent, RecordsEvents } from '@crm/contracts';
import { EVENT_TRANSPORT, EventTransport } from '@crm/platform';
import { AccessService } from './access.service';

/** Other replicas' role and user changes drop this replica's cached permissions at once. */
@Injectable()
export class AccessCacheInvalidation implements OnApplicationBootstrap {
  constructor(
    private readonly access: AccessService,
    @Inject(EVENT_TRANSPORT) private readonly events: EventTransport,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.events.listen([RecordsEvents.role.updated, RecordsEvents.user.updated], (subject, payload) => {
      const event = payload as RecordChangedEvent;
      if (subject === RecordsEvents.role.updated) this.access.forget(event.accountId);
      else this.access.forget(event.accountId, event.id);
    });
  }
}
