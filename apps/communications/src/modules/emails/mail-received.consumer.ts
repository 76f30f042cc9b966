import { Injectable, OnModuleInit } from '@nestjs/common';
import { MailEvents } from '@crm/contracts';
import { EventConsumer } from '@crm/platform';
import { MailboxFilingService } from '../mailbox/mailbox-filing.service';
import { EmailIngestService } from './email-ingest.service';
import { assertMailMessageReceived } from './mail-received-payload';

/**
 * mail-ingest's filed messages, the waiting ones together. The platform runs the handler in one
 * transaction with the inbox rows (a redelivered event id is skipped) and acknowledges after
 * commit; errors propagate so that JetStream redelivers (each event alone) and finally dead-letters.
 */
@Injectable()
export class MailReceivedConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly ingest: EmailIngestService,
    private readonly mailbox: MailboxFilingService,
  ) {}

  onModuleInit(): void {
    this.consumer.onBatch(MailEvents.message.received, async (events, tx) => {
      for (const event of events) assertMailMessageReceived(event);
      await this.mailbox.fileMany(tx, events, await this.ingest.storeMany(tx, events));
    });
  }
}
