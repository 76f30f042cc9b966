import { Injectable } from '@nestjs/common';
import type { Actor, SentEmailDto } from '@crm/contracts';
import { TransactionRunner } from '@crm/platform';
import { RecordsAccessService } from '../../records-access/records-access.service';
import { DeliveryWorker } from '../delivery/delivery.worker';
import { parseComposedEmail } from './compose-input';
import { RecipientResolver } from './recipient-resolver';
import { SentEmailRecorder } from './sent-email-recorder';

/**
 * `POST /v2/emails`: validate, ask records for the sender and the recipients' addresses (which
 * also checks the sender may see each record), then store everything in one transaction and
 * wake the delivery worker. Any refusal comes before anything is stored, so nothing is sent.
 */
@Injectable()
export class ComposeEmailService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly resolver: RecipientResolver,
    private readonly access: RecordsAccessService,
    private readonly recorder: SentEmailRecorder,
    private readonly delivery: DeliveryWorker,
  ) {}

  async send(actor: Actor, data: unknown): Promise<SentEmailDto> {
    const composed = parseComposedEmail(data);
    // Only who asks travels on to records, not the request's data.
    const asker: Actor = { accountId: actor.accountId, userId: actor.userId, correlationId: actor.correlationId };
    const [sender, recipients, viewer] = await Promise.all([
      this.resolver.sender(asker),
      this.resolver.recipients(asker, composed.to),
      composed.inReplyTo === null ? null : this.access.viewerScope(asker),
    ]);
    return this.transactions.run(async (tx) => {
      const sent = await this.recorder.record(tx, asker, { composed, sender, recipients, viewer });
      tx.afterCommit(this.delivery.nudge);
      return sent;
    });
  }
}
