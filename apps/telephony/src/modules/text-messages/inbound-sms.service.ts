import { Injectable } from '@nestjs/common';
import { TelephonyEvents, TwilioWebhookReply } from '@crm/contracts';
import { EventPublisher } from '@crm/platform';
import { countryOf, toE164 } from '../phone-numbers/phone-format';
import { PhoneNumberDirectory } from '../phone-numbers/phone-number-directory';
import { WebhookLedger } from '../webhook-log/webhook-ledger';
import { emptyTwiml, WebhookInput } from '../webhook-log/webhook-input';
import { textMessageEvent } from './text-message-events';
import { TextMessagesRepository } from './text-messages.repository';

/** A text to one of our users' Twilio numbers: stored once per MessageSid and announced. */
@Injectable()
export class InboundSmsService {
  constructor(
    private readonly ledger: WebhookLedger,
    private readonly numbers: PhoneNumberDirectory,
    private readonly messages: TextMessagesRepository,
    private readonly events: EventPublisher,
  ) {}

  async receive(input: WebhookInput, correlationId?: string): Promise<TwilioWebhookReply> {
    const messageSid = input.required('MessageSid');
    // The answer is always the empty TwiML: a repeated delivery is found by the ledger's claim, not read first.
    const key = { sid: messageSid, kind: 'sms' as const, event: 'received' };
    const to = toE164(input.required('To'));
    const owner = to ? await this.numbers.owner(to) : null;
    // A number nobody here has: no account to file it in, so nothing is kept.
    if (!owner) return emptyTwiml();
    const from = input.required('From');
    return this.ledger.once(key, owner.account_id, emptyTwiml(), async (tx) => {
      const row = await this.messages.insertReceived(tx, messageSid, {
        account_id: owner.account_id,
        direction: 'inbound',
        user_id: owner.user_id,
        user_phone_number: owner.phone_number,
        // Short codes and alphanumeric senders have no E.164 form: kept as sent.
        remote_phone_number: toE164(from, countryOf(owner.phone_number)) ?? from.trim(),
        body: input.param('Body') ?? '',
        status: 'received',
        resource: null,
        in_reply_to: null,
      });
      if (row) await this.events.publish(tx, TelephonyEvents.textMessage.received, textMessageEvent(row, correlationId));
    });
  }
}
