import { EventSubject, RecordsEvents } from '@crm/contracts';
import {
  createServiceDataSource,
  EVENT_MAX_AGE_DAYS,
  EventConsumer,
  EventPublisher,
  EventTransport,
  InProcessBus,
  InProcessEventTransport,
  JetStreamTransport,
  MessagingTables1700000000000,
  migrateSchema,
  OutboxRelay,
  TransactionRunner,
  Tx,
} from '@crm/platform';
import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { connect, nanos, NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { createTestDatabase, deleteStreams, TEST_NATS_URL, TestDatabase, uniqueSuffix } from '../src';

const SCHEMA = 'messaging_test';
const subject: EventSubject = RecordsEvents.lead.created;

interface Harness {
  publisher: EventPublisher;
  relay: OutboxRelay;
  transactions: TransactionRunner;
  /** `batch`: registered with onBatch, the handler called for each event of a batch in turn. */
  consumer(name: string, handler: (payload: { id: number }) => Promise<void>, batch?: boolean): Promise<void>;
  deadLetters(consumer: string): Promise<number>;
  rawPublish(eventId: string, id: number): Promise<void>;
  close(): Promise<void>;
}

async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(['jetstream', 'in-process'] as const)('events through the outbox (%s)', (kind) => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let h: Harness;
  let nats: NatsConnection | undefined;
  const prefix = `m${uniqueSuffix()}.`;

  beforeAll(async () => {
    Logger.overrideLogger(false); // handler failures below are expected
    database = await createTestDatabase();
    dataSource = createServiceDataSource({
      url: database.url,
      schema: SCHEMA,
      entities: [],
      migrations: [MessagingTables1700000000000],
      poolSize: 5,
      applicationName: 'messaging-test',
    });
    await dataSource.initialize();
    await migrateSchema(dataSource, SCHEMA);
    await dataSource.query(`CREATE TABLE ${SCHEMA}.effects (event_id text, id int, tx bigint DEFAULT txid_current())`);

    let transport: EventTransport;
    const bus = new InProcessBus();
    if (kind === 'jetstream') {
      nats = await connect({ servers: TEST_NATS_URL });
      transport = new JetStreamTransport(nats, prefix);
    } else {
      transport = new InProcessEventTransport(bus);
    }
    const transactions = new TransactionRunner(dataSource);
    const relay = new OutboxRelay(dataSource, SCHEMA, transport);
    const consumers: EventConsumer[] = [];
    h = {
      transactions,
      relay,
      publisher: new EventPublisher(SCHEMA, relay.nudge),
      async consumer(name, handler, batch = false) {
        const consumer = new EventConsumer({ name, schema: SCHEMA, maxDeliver: 3, retryDelayMs: 20 }, transactions, transport);
        const handle = async (payload: { id: number }, tx: Tx) => {
          await handler(payload);
          await tx.manager.query(`INSERT INTO ${SCHEMA}.effects VALUES ($1, $2)`, [name, payload.id]);
        };
        if (batch) {
          consumer.onBatch(subject, async (payloads, tx) => {
            batchCalls.push(payloads.map((payload) => (payload as unknown as { id: number }).id));
            for (const payload of payloads) await handle(payload as unknown as { id: number }, tx);
          });
        } else {
          consumer.on(subject, (payload, tx) => handle(payload as unknown as { id: number }, tx));
        }
        await consumer.start();
        consumers.push(consumer);
      },
      async deadLetters(consumer) {
        if (kind === 'in-process') return bus.deadLetters.filter((d) => d.consumer === consumer).length;
        const jsm = await nats!.jetstreamManager();
        const stream = `${prefix.replace('.', '')}_CRM_EVENTS_DEADLETTER`;
        const info = await jsm.streams.info(stream);
        let count = 0;
        for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
          const message = await jsm.streams.getMessage(stream, { seq });
          if (message.header.get('Crm-Consumer') === consumer) count++;
        }
        return count;
      },
      rawPublish: (eventId, id) =>
        transport.publish([{ subject, eventId, payload: { accountId: 1, eventId, occurredAt: '', entity: 'lead', id, actorId: 1, data: null } }]),
      async close() {
        await relay.stop();
        await transport.close();
      },
    };
    relay.start();
  });

  afterAll(async () => {
    await h?.close();
    await nats?.close();
    if (kind === 'jetstream') await deleteStreams(prefix);
    await dataSource?.destroy();
    await database?.drop();
  });

  /** The ids of the events each call of a batch handler got (a new consumer also gets what the stream already holds). */
  const batchCalls: number[][] = [];

  const effects = async (consumer: string, id: number) =>
    Number((await dataSource.query(`SELECT count(*) AS n FROM ${SCHEMA}.effects WHERE event_id = $1 AND id = $2`, [consumer, id]))[0].n);

  const emit = (id: number) =>
    h.transactions.run((tx) => h.publisher.publish(tx, subject, { accountId: 1, entity: 'lead', id, actorId: 1, data: null }));

  it('delivers a committed event once to every consumer and marks it published', async () => {
    await h.consumer('alpha', async () => undefined);
    await h.consumer('beta', async () => undefined);
    const event = await emit(101);
    await eventually(async () => (await effects('alpha', 101)) === 1 && (await effects('beta', 101)) === 1);
    await eventually(async () => {
      const [row] = await dataSource.query(`SELECT published_at FROM ${SCHEMA}.outbox WHERE event_id = $1`, [event.eventId]);
      return row.published_at !== null;
    });
  });

  it('sends the events written together in one call each as its own event, in order, from a few outbox rows', async () => {
    const seen: number[] = [];
    await h.consumer('batched', async (payload) => {
      if (payload.id >= 1000 && payload.id < 2000) seen.push(payload.id);
    });
    const ids = Array.from({ length: 250 }, (_, i) => 1000 + i);
    // Two accounts: a row carries one account's events only.
    const bodies = ids.map((id) => ({ accountId: id < 1240 ? 1 : 2, entity: 'lead', id, actorId: 1, data: null }));
    const events = await h.transactions.run((tx) => h.publisher.publishMany(tx, subject, bodies));
    expect(new Set(events.map((event) => event.eventId)).size).toBe(250);
    await eventually(() => seen.length >= 250);
    expect(seen).toEqual(ids);
    const rows = await dataSource.query(
      `SELECT account_id, CASE jsonb_typeof(payload) WHEN 'array' THEN jsonb_array_length(payload) ELSE 1 END AS events, published_at
       FROM ${SCHEMA}.outbox WHERE event_id = ANY($1::uuid[]) ORDER BY id`,
      [events.map((event) => event.eventId)],
    );
    expect(rows.map((row: { account_id: number; events: number }) => [row.account_id, row.events])).toEqual([
      [1, 100],
      [1, 100],
      [1, 40],
      [2, 10],
    ]);
    await eventually(async () => {
      const [row] = await dataSource.query(`SELECT count(*) AS n FROM ${SCHEMA}.outbox WHERE event_id = ANY($1::uuid[]) AND published_at IS NULL`, [
        events.map((event) => event.eventId),
      ]);
      return Number(row.n) === 0;
    });
  });

  it('trims the messaging tables: published outbox rows after 7 days, inbox rows after 31; nothing unpublished or recent', async () => {
    const ids = { old: randomUUID(), oldUnpublished: randomUUID(), recent: randomUUID() };
    // The unpublished one is leased, so that the relay running meanwhile leaves it alone.
    await dataSource.query(
      `INSERT INTO ${SCHEMA}.outbox (event_id, subject, account_id, payload, created_at, published_at, claimed_until) VALUES
         ($1, 'trim', 1, '{}', now() - interval '9 days', now() - interval '8 days', NULL),
         ($2, 'trim', 1, '{}', now() - interval '40 days', NULL, now() + interval '1 hour'),
         ($3, 'trim', 1, '{}', now() - interval '6 days', now() - interval '6 days', NULL)`,
      [ids.old, ids.oldUnpublished, ids.recent],
    );
    await dataSource.query(
      `INSERT INTO ${SCHEMA}.inbox (consumer, event_id, subject, processed_at) VALUES
         ('trim', $1, 'trim', now() - interval '32 days'), ('trim', $2, 'trim', now() - interval '30 days')`,
      [ids.old, ids.recent],
    );
    await h.relay.trimMessagingTables();
    const outbox = await dataSource.query(`SELECT event_id FROM ${SCHEMA}.outbox WHERE subject = 'trim' ORDER BY id`);
    expect(outbox.map((row: { event_id: string }) => row.event_id)).toEqual([ids.oldUnpublished, ids.recent]);
    const inbox = await dataSource.query(`SELECT event_id FROM ${SCHEMA}.inbox WHERE consumer = 'trim'`);
    expect(inbox.map((row: { event_id: string }) => row.event_id)).toEqual([ids.recent]);
  });

  it('publishes nothing for a rolled-back transaction', async () => {
    await expect(
      h.transactions.run(async (tx) => {
        await h.publisher.publish(tx, subject, { accountId: 1, entity: 'lead', id: 102, actorId: 1, data: null });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    await emit(103);
    await eventually(async () => (await effects('alpha', 103)) === 1);
    expect(await effects('alpha', 102)).toBe(0);
  });

  it('processes an event published twice (relay crash before marking) only once', async () => {
    const eventId = '7f1a7a3e-2c41-4d7c-9d4a-5f0f0d7f3a11';
    await h.rawPublish(eventId, 104);
    await h.rawPublish(eventId, 104);
    await eventually(async () => (await effects('alpha', 104)) === 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(await effects('alpha', 104)).toBe(1);
  });

  it('redelivers after a handler failure and dead-letters after the bounded number of deliveries', async () => {
    let flakyCalls = 0;
    await h.consumer('flaky', async (payload) => {
      if (payload.id === 105 && flakyCalls++ === 0) throw new Error('first attempt fails');
      if (payload.id === 106) throw new Error('always fails');
    });
    await emit(105);
    await emit(106);
    await eventually(async () => (await effects('flaky', 105)) === 1);
    await eventually(async () => (await h.deadLetters('flaky')) === 1);
    expect(await effects('flaky', 106)).toBe(0);
    expect(flakyCalls).toBeGreaterThanOrEqual(2);
  });

  /**
   * Events published while the consumer is held on an earlier one, all at once; `failOnce` fails
   * its first run. Resolves when every event of the burst has its effect.
   */
  async function burst(consumer: string, first: number, count: number, failOnce?: number, batch = false): Promise<void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let failed = false;
    await h.consumer(consumer, async (payload) => {
      if (payload.id === first) await held;
      if (payload.id === failOnce && !failed) {
        failed = true;
        throw new Error('fails once');
      }
    }, batch);
    const ids = Array.from({ length: count }, (_, i) => first + i);
    // In process, publishing waits for the consumers; over JetStream the events wait in the consumer.
    const held1 = h.rawPublish(randomUUID(), first);
    if (kind === 'jetstream') await held1;
    const sent = Promise.all([held1, ...ids.slice(1).map((id) => h.rawPublish(randomUUID(), id))]);
    if (kind === 'jetstream') {
      await sent;
      await new Promise((r) => setTimeout(r, 200));
    }
    release();
    await sent;
    await eventually(async () => {
      const [row] = await dataSource.query(
        `SELECT count(DISTINCT id) AS n FROM ${SCHEMA}.effects WHERE event_id = $1 AND id BETWEEN $2 AND $3`,
        [consumer, first, first + count - 1],
      );
      return Number(row.n) === count;
    });
  }

  it('handles events that waited meanwhile together, in far fewer transactions, each once', async () => {
    await burst('burst', 300, 100);
    const [row] = await dataSource.query(
      `SELECT count(*) AS effects, count(DISTINCT id) AS ids, count(DISTINCT tx) AS transactions
       FROM ${SCHEMA}.effects WHERE event_id = 'burst' AND id BETWEEN 300 AND 399`,
    );
    expect(Number(row.effects)).toBe(100);
    expect(Number(row.ids)).toBe(100);
    if (kind === 'jetstream') expect(Number(row.transactions)).toBeLessThan(20);
  });

  it('gives a batch handler the events that waited in a few calls, each once', async () => {
    await burst('batch-handler', 700, 100, undefined, true);
    const rows: { id: number }[] = await dataSource.query(
      `SELECT id FROM ${SCHEMA}.effects WHERE event_id = 'batch-handler' AND id BETWEEN 700 AND 799`,
    );
    expect(rows.map((row) => row.id).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => 700 + i));
    const calls = batchCalls.map((ids) => ids.filter((id) => id >= 700 && id <= 799)).filter((ids) => ids.length > 0);
    expect(calls.flat()).toHaveLength(100);
    if (kind === 'jetstream') expect(calls.length).toBeLessThan(20);
  });

  it('runs a failing event of a batch handler again alone; the others commit once', async () => {
    await burst('batch-handler-failing', 800, 60, 830, true);
    const [row] = await dataSource.query(
      `SELECT count(*) AS effects, count(DISTINCT id) AS ids FROM ${SCHEMA}.effects WHERE event_id = 'batch-handler-failing' AND id BETWEEN 800 AND 859`,
    );
    expect(Number(row.effects)).toBe(60);
    expect(Number(row.ids)).toBe(60);
  });

  it('runs a failing event of a batch again alone; the others of the batch commit once', async () => {
    await burst('burst-failing', 500, 60, 530);
    const [row] = await dataSource.query(
      `SELECT count(*) AS effects, count(DISTINCT id) AS ids FROM ${SCHEMA}.effects WHERE event_id = 'burst-failing' AND id BETWEEN 500 AND 559`,
    );
    expect(Number(row.effects)).toBe(60);
    expect(Number(row.ids)).toBe(60);
  });
});

describe('the JetStream events stream', () => {
  const prefix = `r${uniqueSuffix()}.`;
  const tag = prefix.replace('.', '');
  let nats: NatsConnection;

  beforeAll(async () => {
    nats = await connect({ servers: TEST_NATS_URL });
  });

  afterAll(async () => {
    await deleteStreams(prefix);
    await nats?.close();
  });

  it('keeps events 30 days (an older stream without a limit gets it) and dead letters without a limit', async () => {
    const jsm = await nats.jetstreamManager();
    await jsm.streams.add({ name: `${tag}_CRM_EVENTS`, subjects: [`${prefix}${subject}`] }); // as an earlier version made it
    await new JetStreamTransport(nats, prefix).publish([
      { subject, eventId: randomUUID(), payload: { accountId: 1, entity: 'lead', id: 1, actorId: 1, data: null } },
    ]);
    const events = await jsm.streams.info(`${tag}_CRM_EVENTS`);
    expect(events.config.max_age).toBe(nanos(EVENT_MAX_AGE_DAYS * 24 * 3600 * 1000));
    expect(events.config.subjects.length).toBeGreaterThan(10); // every event subject, not only the old one
    expect(events.state.messages).toBe(1);
    expect((await jsm.streams.info(`${tag}_CRM_EVENTS_DEADLETTER`)).config.max_age).toBe(0);
  });
});
