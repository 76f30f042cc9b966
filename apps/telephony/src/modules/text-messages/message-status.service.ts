import { Injectable } from '@nestjs/common';
import { TelephonyEvents, TwilioWebhookReply } from '@crm/contracts';
import { EventPublisher, TransactionRunner } from '@crm/platform';
import { WebhookLedger } from '../webhook-log/webhook-ledger';
import { emptyTwiml, WebhookInput } from '../webhook-log/webhook-input';
import { advancesMessage, messageStatusOf } from './message-status';
import { textMessageEvent } from './text-message-events';
import { TextMessagesRepository } from './text-messages.repository';

/** Delivery states of outbound texts (sent, delivered, undelivered, failed), each applied once. */
@Injectable()
export class MessageStatusService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly ledger: WebhookLedger,
    private readonly messages: TextMessagesRepository,
    private readonly events: EventPublisher,
  ) {}

  async update(input: WebhookInput, correlationId?: string): Promise<TwilioWebhookReply> {
    const messageSid = input.param('MessageSid') ?? input.required('SmsSid');
    const twilioStatus = input.param('MessageStatus') ?? input.required('SmsStatus');
    const key = { sid: messageSid, kind: 'status' as const, event: twilioStatus };
    const answered = await this.ledger.answered(key);
    if (answered) return answered;

    const ref = input.query.get('ref');
    const message = await this.transactions.read((tx) => this.messages.findForCallback(tx, ref, messageSid));
    const status = messageStatusOf(twilioStatus);
    if (!message || !status) return emptyTwiml();
    return this.ledger.once(key, message.account_id, emptyTwiml(), async (tx) => {
      const current = await this.messages.lock(tx, message.id);
      if (!advancesMessage(current.status, status)) return;
      const failed = status === 'failed' || status === 'undelivered';
      const updated = await this.messages.update(tx, current.id, {
        status,
        message_sid: current.message_sid ?? messageSid,
        error_code: failed ? (input.param('ErrorCode') ?? null) : undefined,
        error_message: failed ? (input.param('ErrorMessage') ?? null) : undefined,
      });
      // Still pending: Twilio's answer to the send has not been stored; its `sent` event will carry this state.
      if (!updated.pending) await this.events.publish(tx, TelephonyEvents.textMessage.status, textMessageEvent(updated, correlationId));
    });
  }
}
