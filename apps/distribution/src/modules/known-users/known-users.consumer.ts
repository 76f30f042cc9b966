import { Injectable, OnModuleInit } from '@nestjs/common';
import { RecordsEvents, UserDto } from '@crm/contracts';
import { EventConsumer } from '@crm/platform';
import { KnownUsersRepository } from './known-users.repository';

/** Keeps the copy of users current from records' events: an inactive user is skipped by every pool. */
@Injectable()
export class KnownUsersConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly users: KnownUsersRepository,
  ) {}

  onModuleInit(): void {
    for (const subject of [RecordsEvents.user.created, RecordsEvents.user.updated]) {
      this.consumer.on(subject, async (event, tx) => {
        const user = event.data as UserDto | null;
        if (user) await this.users.upsert(tx, event.accountId, [{ id: user.id, name: user.name, active: user.status === 'active' }]);
      });
    }
  }
}
