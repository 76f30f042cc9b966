import { Injectable, OnModuleInit } from '@nestjs/common';
import { MailEvents } from '@crm/contracts';
import { EventConsumer } from '@crm/platform';
import { MailboxFilingService } from '../mailbox/mailbox-filing.service';
import { EmailIngestService } from './email-ingest.service';
import { assertMailMessageReceived } from './mail-received-payload';

/**
 * mail-ingest's filed messages. The platform runs the handler in one transaction with the inbox
 * row (a redelivered event id is skipped) and acknowledges after commit; errors propagate so
 * that JetStream redelivers and finally dead-letters.
 */
@Injectable()
export class MailReceivedConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly ingest: EmailIngestService,
    private readonly mailbox: MailboxFilingService,
  ) {}

  onModuleInit(): void {
    this.consumer.on(MailEvents.message.received, async (event, tx) => {
      assertMailMessageReceived(event);
      const email = await this.ingest.store(tx, event);
      if (email) await this.mailbox.file(tx, event, email);
    });
  }
}
