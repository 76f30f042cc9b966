import { Logger } from '@nestjs/common';
import { ALL_EVENT_SUBJECTS, deadLetterSubject, EVENTS_STREAM } from '@crm/contracts';
import {
  AckPolicy,
  ConsumerMessages,
  DeliverPolicy,
  headers,
  JetStreamManager,
  JsMsg,
  nanos,
  NatsConnection,
  StorageType,
  StreamConfig,
  Subscription,
} from 'nats';
import { EVENT_MAX_AGE_DAYS } from './event-retention';
import { ConsumerOptions, DeliveredEvent, DeliveryOutcome, EventTransport, OutgoingEvent } from './event-transport';

const DUPLICATE_WINDOW_MS = 2 * 60 * 1000;

/** Events over NATS JetStream: one stream for all events, one durable consumer per service. */
export class JetStreamTransport implements EventTransport {
  private readonly logger = new Logger('JetStream');
  private readonly consumers: ConsumerMessages[] = [];
  private readonly listeners: Subscription[] = [];
  private readonly streamName: string;
  private readonly deadLetterStream: string;
  private streamsReady?: Promise<void>;

  constructor(
    private readonly connection: NatsConnection,
    private readonly prefix: string,
  ) {
    const tag = prefix.replace(/[^A-Za-z0-9_-]/g, '');
    this.streamName = tag ? `${tag}_${EVENTS_STREAM}` : EVENTS_STREAM;
    this.deadLetterStream = `${this.streamName}_DEADLETTER`;
  }

  async publish(events: OutgoingEvent[]): Promise<void> {
    await this.ensureStreams();
    const js = this.connection.jetstream();
    // JetStream drops a repeated Nats-Msg-Id inside the duplicate window: a relay that
    // publishes again after a crash does not produce a second event.
    await Promise.all(
      events.map((event) =>
        js.publish(this.prefix + event.subject, JSON.stringify(event.payload), { msgID: event.eventId }),
      ),
    );
  }

  async consume(options: ConsumerOptions, handle: (events: DeliveredEvent[]) => Promise<DeliveryOutcome[]>): Promise<void> {
    await this.ensureStreams();
    const jsm = await this.connection.jetstreamManager();
    const filter = this.prefix + narrowestFilter(options.subjects);
    const config = {
      durable_name: options.name,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: filter,
      ack_wait: nanos(30_000),
      max_ack_pending: 1000,
    };
    try {
      await jsm.consumers.add(this.streamName, config);
    } catch {
      await jsm.consumers.update(this.streamName, options.name, { filter_subject: filter });
    }
    const consumer = await this.connection.jetstream().consumers.get(this.streamName, options.name);
    const messages = await consumer.consume({ max_messages: 100 });
    this.consumers.push(messages);
    const wanted = new Set(options.subjects);
    void this.pump(messages, options, wanted, handle);
  }

  async listen(subjects: string[], handle: (subject: string, payload: unknown) => void): Promise<void> {
    for (const subject of subjects) {
      // A plain subscription also hears what is published into the stream, without joining it.
      this.listeners.push(
        this.connection.subscribe(this.prefix + subject, {
          callback: (error, message) => {
            if (!error) handle(subject, message.json());
          },
        }),
      );
    }
  }

  async close(): Promise<void> {
    for (const messages of this.consumers.splice(0)) await messages.close();
    for (const subscription of this.listeners.splice(0)) subscription.unsubscribe();
  }

  /**
   * The client keeps pulling while earlier events are handled (JetStream bounds what is in flight
   * by `max_ack_pending`), so what arrives meanwhile waits here and is handled next as one batch:
   * one event at a time when traffic is light, many per transaction under load.
   */
  private async pump(
    messages: ConsumerMessages,
    options: ConsumerOptions,
    wanted: Set<string>,
    handle: (events: DeliveredEvent[]) => Promise<DeliveryOutcome[]>,
  ): Promise<void> {
    const waiting: JsMsg[] = [];
    let wake: (() => void) | undefined;
    let ended = false;
    const worker = (async () => {
      for (;;) {
        if (waiting.length === 0) {
          if (ended) return;
          await new Promise<void>((resolve) => (wake = resolve));
          continue;
        }
        const batch = waiting.splice(0, options.maxBatch);
        try {
          await this.process(batch, options, wanted, handle);
        } catch (error) {
          // Not acknowledged: JetStream redelivers after ack_wait.
          this.logger.error({ err: error, subjects: batch.map((m) => m.subject) }, 'event processing failed outside the handler');
        }
      }
    })();
    for await (const message of messages) {
      waiting.push(message);
      wake?.();
    }
    ended = true;
    wake?.();
    await worker;
  }

  private async process(
    messages: JsMsg[],
    options: ConsumerOptions,
    wanted: Set<string>,
    handle: (events: DeliveredEvent[]) => Promise<DeliveryOutcome[]>,
  ): Promise<void> {
    const delivered: { message: JsMsg; event: DeliveredEvent }[] = [];
    for (const message of messages) {
      const subject = message.subject.slice(this.prefix.length);
      if (!wanted.has(subject)) {
        message.ack();
        continue;
      }
      let payload: unknown;
      try {
        payload = message.json();
      } catch (error) {
        // Not acknowledged: redelivered after ack_wait, and seen in the log each time.
        this.logger.error({ err: error, subject: message.subject }, 'event payload is not JSON');
        continue;
      }
      const eventId = message.headers?.get('Nats-Msg-Id') ?? '';
      delivered.push({ message, event: { subject, eventId, payload, deliveryCount: message.info.redeliveryCount } });
    }
    if (delivered.length === 0) return;
    const outcomes = await handle(delivered.map((d) => d.event));
    await Promise.all(
      delivered.map(async ({ message, event }, i) => {
        const outcome = outcomes[i];
        if (outcome.kind === 'ack') {
          message.ack();
        } else if (event.deliveryCount >= options.maxDeliver) {
          await this.deadLetter(options.name, event.subject, event.eventId, event.payload, outcome.error);
          message.term();
        } else {
          message.nak(options.retryDelayMs * event.deliveryCount);
        }
      }),
    );
  }

  private async deadLetter(consumer: string, subject: string, eventId: string, payload: unknown, error: string) {
    const h = headers();
    h.set('Crm-Original-Subject', subject);
    h.set('Crm-Consumer', consumer);
    h.set('Crm-Error', error.slice(0, 1000).replace(/[\r\n]+/g, ' '));
    await this.connection
      .jetstream()
      .publish(this.prefix + deadLetterSubject(consumer, subject), JSON.stringify(payload), {
        msgID: `${consumer}:${eventId}`,
        headers: h,
      });
    this.logger.error({ consumer, subject, eventId, error }, 'event dead-lettered');
  }

  private ensureStreams(): Promise<void> {
    this.streamsReady ??= (async () => {
      const jsm = await this.connection.jetstreamManager();
      await ensureStream(jsm, {
        name: this.streamName,
        subjects: ALL_EVENT_SUBJECTS.map((s) => this.prefix + s),
        max_age: nanos(EVENT_MAX_AGE_DAYS * 24 * 3600 * 1000),
      });
      // Dead letters wait for an operator, however long that takes (0: no age limit).
      await ensureStream(jsm, { name: this.deadLetterStream, subjects: [`${this.prefix}deadletter.>`], max_age: 0 });
    })().catch((error: unknown) => {
      this.streamsReady = undefined;
      throw error;
    });
    return this.streamsReady;
  }
}

async function ensureStream(jsm: JetStreamManager, config: Pick<StreamConfig, 'name' | 'subjects' | 'max_age'>): Promise<void> {
  const full: Partial<StreamConfig> = {
    ...config,
    storage: StorageType.File,
    duplicate_window: nanos(DUPLICATE_WINDOW_MS),
  };
  try {
    const info = await jsm.streams.info(config.name);
    const current = new Set(info.config.subjects);
    if (config.subjects.every((s) => current.has(s)) && info.config.max_age === config.max_age) return;
    await jsm.streams.update(config.name, {
      ...info.config,
      subjects: [...new Set([...current, ...config.subjects])],
      max_age: config.max_age,
    });
  } catch (error) {
    if (!String(error).includes('stream not found')) throw error;
    try {
      await jsm.streams.add(full);
    } catch (addError) {
      // Another replica created it first.
      if (!String(addError).includes('already in use')) throw addError;
    }
  }
}

/**
 * NATS 2.9 allows one filter per consumer: use the longest common token prefix of the subjects
 * a service handles; the consumer acknowledges anything else it receives without work.
 */
export function narrowestFilter(subjects: string[]): string {
  if (subjects.length === 1) return subjects[0];
  const split = subjects.map((s) => s.split('.'));
  const common: string[] = [];
  for (let i = 0; split.every((tokens) => i < tokens.length - 1 && tokens[i] === split[0][i]); i++) {
    common.push(split[0][i]);
  }
  return [...common, '>'].join('.');
}

