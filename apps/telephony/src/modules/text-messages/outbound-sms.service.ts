import { Inject, Injectable } from '@nestjs/common';
import { Actor, OutboundTextMessageDto, parseAttributes, SendTextMessageAttributes, TelephonyEvents } from '@crm/contracts';
import { EventPublisher, TransactionRunner } from '@crm/platform';
import { TELEPHONY_SETTINGS, TelephonyEnv, webhookUrl } from '../../config';
import { OutboundTargetResolver } from '../outbound-targets/outbound-target.resolver';
import { PhoneNumbersService } from '../phone-numbers/phone-numbers.service';
import { TwilioAdapter } from '../twilio/twilio.adapter';
import { newCallbackRef } from '../webhook-log/callback-ref';
import { advancesMessage, messageStatusOf } from './message-status';
import { textMessageEvent } from './text-message-events';
import { toOutboundTextMessageDto } from './text-messages.mapper';
import { TextMessagesRepository } from './text-messages.repository';

/**
 * Send a text from the actor's Twilio number. Everything that needs another service or Twilio
 * happens outside transactions; a text Twilio refuses leaves nothing behind.
 */
@Injectable()
export class OutboundSmsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly messages: TextMessagesRepository,
    private readonly numbers: PhoneNumbersService,
    private readonly targets: OutboundTargetResolver,
    private readonly twilio: TwilioAdapter,
    private readonly events: EventPublisher,
    @Inject(TELEPHONY_SETTINGS) private readonly settings: TelephonyEnv,
  ) {}

  async send(actor: Actor, data: unknown): Promise<OutboundTextMessageDto> {
    const attributes = parseAttributes('text_message', SendTextMessageAttributes, data);
    const own = await this.numbers.requireOwn(actor, 'text_message');
    const target = await this.targets.resolve(actor, 'text_message', attributes, own.phone_number);
    const ref = newCallbackRef();
    const pending = await this.transactions.run((tx) =>
      this.messages.insertPending(tx, ref, {
        account_id: actor.accountId,
        direction: 'outbound',
        user_id: actor.userId,
        user_phone_number: own.phone_number,
        remote_phone_number: target.phoneNumber,
        body: attributes.content,
        status: 'queued',
        resource: target.resource,
        in_reply_to: target.inReplyTo,
      }),
    );

    let created;
    try {
      created = await this.twilio.sendMessage({
        from: own.phone_number,
        to: target.phoneNumber,
        body: attributes.content,
        statusCallback: webhookUrl(this.settings, 'status', { ref }),
      });
    } catch (error) {
      await this.transactions.run((tx) => this.messages.deletePending(tx, actor.accountId, pending.id));
      throw error;
    }

    const sent = await this.transactions.run(async (tx) => {
      const current = await this.messages.lock(tx, pending.id);
      const answered = messageStatusOf(created.status);
      const row = await this.messages.update(tx, current.id, {
        message_sid: created.sid,
        pending: false,
        status: answered && advancesMessage(current.status, answered) ? answered : undefined,
      });
      await this.events.publish(tx, TelephonyEvents.textMessage.sent, textMessageEvent(row, actor.correlationId));
      return row;
    });
    return toOutboundTextMessageDto(sent);
  }
}
