import type { DeliveredEvent, DeliveryOutcome } from './events/event-transport';

export type InProcessRpcHandler = (data: unknown) => Promise<unknown>;
type EventHandler = (event: DeliveredEvent) => Promise<DeliveryOutcome>;

interface InProcessConsumer {
  name: string;
  matches: (subject: string) => boolean;
  handle: EventHandler;
  /** Deliveries for one consumer run one after another, as from a JetStream consumer. */
  tail: Promise<unknown>;
  maxDeliver: number;
  retryDelayMs: number;
}

/**
 * The embedded mode's broker: request/reply by subject, and events fanned out to one consumer per
 * service with redelivery and dead-lettering. Everything crossing it is JSON-copied, so services
 * never share objects, exactly as over NATS.
 */
export class InProcessBus {
  private readonly rpc = new Map<string, InProcessRpcHandler[]>();
  private readonly roundRobin = new Map<string, number>();
  private readonly consumers = new Map<string, InProcessConsumer>();
  private readonly seenEventIds = new Set<string>();
  private readonly listeners = new Set<{ matches: (subject: string) => boolean; handle: (subject: string, payload: unknown) => void }>();
  readonly deadLetters: { consumer: string; event: DeliveredEvent; error: string }[] = [];
  private opened!: () => void;
  private readonly gate: Promise<void>;

  /**
   * `closed`: hold events back until `open()`, so that services started later in the same process
   * have registered their consumers before anything is delivered (the bus keeps no history).
   */
  constructor(options: { closed?: boolean } = {}) {
    this.gate = new Promise<void>((resolve) => (this.opened = resolve));
    if (!options.closed) this.opened();
  }

  open(): void {
    this.opened();
  }

  handle(subject: string, handler: InProcessRpcHandler): () => void {
    const list = this.rpc.get(subject) ?? [];
    list.push(handler);
    this.rpc.set(subject, list);
    return () => this.rpc.set(subject, (this.rpc.get(subject) ?? []).filter((h) => h !== handler));
  }

  async request(subject: string, data: unknown): Promise<unknown> {
    const handlers = this.rpc.get(subject);
    if (!handlers || handlers.length === 0) throw new NoResponderError(subject);
    // Several replicas of one service in one process share the load, like a NATS queue group.
    const turn = (this.roundRobin.get(subject) ?? 0) % handlers.length;
    this.roundRobin.set(subject, turn + 1);
    const reply = await handlers[turn](copy(data));
    return copy(reply);
  }

  consume(
    name: string,
    matches: (subject: string) => boolean,
    handle: EventHandler,
    options: { maxDeliver: number; retryDelayMs: number },
  ): () => void {
    if (this.consumers.has(name)) throw new Error(`consumer ${name} is already registered`);
    this.consumers.set(name, { name, matches, handle, tail: Promise.resolve(), ...options });
    return () => this.consumers.delete(name);
  }

  /** At-most-once notifications (cache invalidation); a listener's failure is its own. */
  listen(matches: (subject: string) => boolean, handle: (subject: string, payload: unknown) => void): () => void {
    const listener = { matches, handle };
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Resolves once every interested consumer has processed the event (or dead-lettered it), so the
   * outbox marks an event published only when nothing can lose it any more.
   */
  async publish(subject: string, eventId: string, payload: unknown): Promise<void> {
    await this.gate;
    if (this.seenEventIds.has(eventId)) return;
    this.remember(eventId);
    for (const listener of this.listeners) {
      if (!listener.matches(subject)) continue;
      try {
        listener.handle(subject, copy(payload));
      } catch {
        // A cache that failed to drop an entry still expires it by its TTL.
      }
    }
    const deliveries = [...this.consumers.values()]
      .filter((consumer) => consumer.matches(subject))
      .map((consumer) => {
        const run = consumer.tail.then(() => this.deliver(consumer, subject, eventId, payload));
        consumer.tail = run.catch(() => undefined);
        return run;
      });
    await Promise.all(deliveries);
  }

  private async deliver(consumer: InProcessConsumer, subject: string, eventId: string, payload: unknown) {
    for (let deliveryCount = 1; ; deliveryCount++) {
      const event: DeliveredEvent = { subject, eventId, payload: copy(payload), deliveryCount };
      const outcome = await consumer.handle(event);
      if (outcome.kind !== 'retry') return;
      if (deliveryCount >= consumer.maxDeliver) {
        this.deadLetters.push({ consumer: consumer.name, event, error: outcome.error });
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, consumer.retryDelayMs * deliveryCount));
    }
  }

  private remember(eventId: string): void {
    this.seenEventIds.add(eventId);
    if (this.seenEventIds.size > 100_000) {
      const oldest = this.seenEventIds.values().next().value;
      if (oldest !== undefined) this.seenEventIds.delete(oldest);
    }
  }
}

export class NoResponderError extends Error {
  override readonly name = 'NoResponderError';

  constructor(readonly subject: string) {
    super(`no service answers ${subject}`);
  }
}

function copy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
