import { Injectable } from '@nestjs/common';
import { TelephonyEvents, TwilioWebhookReply } from '@crm/contracts';
import { EventPublisher, TransactionRunner } from '@crm/platform';
import { countryOf, toE164 } from '../phone-numbers/phone-format';
import { PhoneNumbersRepository } from '../phone-numbers/phone-numbers.repository';
import { WebhookLedger } from '../webhook-log/webhook-ledger';
import { emptyTwiml, WebhookInput } from '../webhook-log/webhook-input';
import { textMessageEvent } from './text-message-events';
import { TextMessagesRepository } from './text-messages.repository';

/** A text to one of our users' Twilio numbers: stored once per MessageSid and announced. */
@Injectable()
export class InboundSmsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly ledger: WebhookLedger,
    private readonly numbers: PhoneNumbersRepository,
    private readonly messages: TextMessagesRepository,
    private readonly events: EventPublisher,
  ) {}

  async receive(input: WebhookInput, correlationId?: string): Promise<TwilioWebhookReply> {
    const messageSid = input.required('MessageSid');
    const key = { sid: messageSid, kind: 'sms' as const, event: 'received' };
    const answered = await this.ledger.answered(key);
    if (answered) return answered;

    const to = toE164(input.required('To'));
    const owner = to ? await this.transactions.read((tx) => this.numbers.byNumber(tx, to)) : null;
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
