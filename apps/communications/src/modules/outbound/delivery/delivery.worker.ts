import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { BackgroundLoop, TransactionRunner, Tx } from '@crm/platform';
import { OUTBOUND_SETTINGS, OutboundEnv } from '../outbound-settings';
import { ClaimedEmail, DeliveryQueueRepository } from './delivery-queue.repository';
import { outgoingMessage } from './outgoing-message';
import { MAX_DELIVERY_ATTEMPTS, retryDelaySeconds } from './retry-policy';
import { RelayOutcome, SmtpRelay } from './smtp-relay.adapter';

const BATCH = 5;
/** Longer than a batch can take against a hanging relay (its timeouts, per message): a live worker keeps its emails. */
const LEASE_SECONDS = 900;
const POLL_MS = 1000;

/**
 * Hands queued CRM mail to the SMTP relay. No transaction is open while the relay is talked to:
 * a claim commits first (the lease keeps other replicas away), each outcome commits after.
 * Without SMTP_RELAY_URL the worker does not run and mail stays queued.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('DeliveryWorker');
  private readonly loop = new BackgroundLoop(() => this.step(), POLL_MS);
  private readonly relay?: SmtpRelay;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly queue: DeliveryQueueRepository,
    @Inject(OUTBOUND_SETTINGS) private readonly settings: OutboundEnv,
  ) {
    if (settings.SMTP_RELAY_URL) this.relay = new SmtpRelay(settings.SMTP_RELAY_URL);
  }

  onApplicationBootstrap(): void {
    if (this.relay) this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
    this.relay?.close();
  }

  /** Wake up now (after a new email commits) instead of at the next poll. */
  nudge = (): void => this.loop.nudge();

  private async step(): Promise<boolean> {
    const relay = this.relay;
    if (!relay) return false;
    const claimed = await this.transactions.run((tx) => this.queue.claim(tx, BATCH, LEASE_SECONDS)).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'could not claim queued emails');
      return [] as ClaimedEmail[];
    });
    for (const email of claimed) await this.deliver(relay, email);
    return claimed.length > 0;
  }

  private async deliver(relay: SmtpRelay, email: ClaimedEmail): Promise<void> {
    const outcome = await relay.send(outgoingMessage(email, this.settings.PUBLIC_URL));
    await this.transactions
      .run((tx) => this.record(tx, email, outcome))
      // The lease runs out and the email is tried again: a duplicate is better than a lost email.
      .catch((error: unknown) => this.logger.error({ err: error, emailId: email.email_id }, 'could not record a delivery outcome'));
  }

  private record(tx: Tx, email: ClaimedEmail, outcome: RelayOutcome): Promise<void> {
    if (outcome.delivered) {
      const note = outcome.rejected.length > 0 ? `the relay refused ${outcome.rejected.join(', ')}` : null;
      return this.queue.markSent(tx, email, note);
    }
    this.logger.warn({ emailId: email.email_id, attempts: email.attempts, permanent: outcome.permanent, error: outcome.error }, 'relay did not take an email');
    if (outcome.permanent) return this.queue.markFailed(tx, email, outcome.error);
    if (email.attempts >= MAX_DELIVERY_ATTEMPTS) return this.queue.markFailed(tx, email, `gave up after ${email.attempts} attempts: ${outcome.error}`);
    return this.queue.markForRetry(tx, email, outcome.error, retryDelaySeconds(email.attempts));
  }
}
