import { Injectable, OnModuleInit } from '@nestjs/common';
import { RecordsEvents } from '@crm/contracts';
import { EventConsumer } from '@crm/platform';
import { AddressesService } from './addresses.service';

/** Every new account gets its global BCC address and every new deal its dropbox address; a deleted deal's stops working. */
@Injectable()
export class AddressesConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly addresses: AddressesService,
  ) {}

  onModuleInit(): void {
    this.consumer.on(RecordsEvents.account.created, (event, tx) =>
      this.addresses.ensureAccountAddress(tx, event.accountId, event.correlationId),
    );
    this.consumer.on(RecordsEvents.deal.created, (event, tx) =>
      this.addresses.ensureDealAddress(tx, event.accountId, event.id, event.correlationId),
    );
    this.consumer.on(RecordsEvents.deal.deleted, (event, tx) => this.addresses.deleteDealAddress(tx, event.accountId, event.id));
  }
}
