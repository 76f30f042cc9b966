import { Injectable, OnModuleInit } from '@nestjs/common';
import { MailEvents } from '@crm/contracts';
import { EventConsumer } from '@crm/platform';
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
  ) {}

  onModuleInit(): void {
    this.consumer.on(MailEvents.message.received, async (event, tx) => {
      assertMailMessageReceived(event);
      await this.ingest.store(tx, event);
    });
  }
}
