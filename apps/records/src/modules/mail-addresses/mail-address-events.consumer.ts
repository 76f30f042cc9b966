import { Injectable, OnModuleInit } from '@nestjs/common';
import { MailEvents } from '@crm/contracts';
import { EventConsumer } from '@crm/platform';
import { AccountBccService } from '../account-bcc/account-bcc.service';
import { DealDropboxService } from '../deals/deal-dropbox.service';
import { assertBccAddressChanged, assertDealAddressAssigned } from './mail-address-payloads';

/**
 * records' subscriptions to mail-ingest's address events (records' durable consumer; on NATS 2.9
 * the platform filters it on `mail.>` and acknowledges the other mail events without work). Each
 * runs in a transaction with its inbox row and is acknowledged after commit; errors propagate so
 * that JetStream redelivers.
 */
@Injectable()
export class MailAddressEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly bcc: AccountBccService,
    private readonly dropbox: DealDropboxService,
  ) {}

  onModuleInit(): void {
    const bccChanged = MailEvents.bccAddress.changed;
    this.consumer.on(bccChanged, async (event, tx) => {
      assertBccAddressChanged(event, bccChanged);
      await this.bcc.store(tx, event);
    });

    const dealAssigned = MailEvents.dealAddress.assigned;
    this.consumer.on(dealAssigned, async (event, tx) => {
      assertDealAddressAssigned(event, dealAssigned);
      await this.dropbox.assign(tx, event);
    });
  }
}
