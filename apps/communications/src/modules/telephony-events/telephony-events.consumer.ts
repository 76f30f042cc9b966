import { Injectable, OnModuleInit } from '@nestjs/common';
import { TelephonyEvents } from '@crm/contracts';
import { EventConsumer } from '@crm/platform';
import { assertCallEvent, assertTextMessageEvent } from './telephony-event-payloads';
import { TelephonyEventsService } from './telephony-events.service';

/**
 * communications' subscriptions to telephony's events. The platform runs each in a transaction
 * with its inbox row and acknowledges after commit; errors propagate so that JetStream redelivers.
 */
@Injectable()
export class TelephonyEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly telephony: TelephonyEventsService,
  ) {}

  onModuleInit(): void {
    const { received, sent, status } = TelephonyEvents.textMessage;
    for (const subject of [received, sent, status]) {
      this.consumer.on(subject, async (event, tx) => {
        assertTextMessageEvent(event, subject);
        await this.telephony.textMessageReported(tx, event);
      });
    }
    const callUpdated = TelephonyEvents.call.updated;
    this.consumer.on(callUpdated, async (event, tx) => {
      assertCallEvent(event, callUpdated);
      await this.telephony.callUpdated(tx, event);
    });
  }
}
