import { Injectable } from '@nestjs/common';
import type { TwilioWebhookReply } from '@crm/contracts';
import { TransactionRunner, Tx } from '@crm/platform';
import { WebhookKey, WebhookLogRepository } from './webhook-log.repository';

/**
 * Makes every webhook idempotent: Twilio retries, and may deliver one twice at once. The first
 * delivery of a (sid, kind, event) applies its change and records its answer in the same
 * transaction; any other gets that answer back and changes nothing.
 */
@Injectable()
export class WebhookLedger {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly log: WebhookLogRepository,
  ) {}

  /** The answer already given to this delivery, read before any slower preparation. */
  answered(key: WebhookKey): Promise<TwilioWebhookReply | null> {
    return this.transactions.read((tx) => this.log.find(tx, key));
  }

  once(key: WebhookKey, accountId: number | null, reply: TwilioWebhookReply, apply: (tx: Tx) => Promise<void>): Promise<TwilioWebhookReply> {
    return this.transactions.run(async (tx) => {
      if (!(await this.log.claim(tx, key, accountId, reply))) return (await this.log.find(tx, key))!;
      await apply(tx);
      return reply;
    });
  }
}
