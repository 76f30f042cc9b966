export interface OutgoingEvent {
  subject: string;
  eventId: string;
  payload: unknown;
}

export interface DeliveredEvent extends OutgoingEvent {
  /** 1 on first delivery. */
  deliveryCount: number;
}

export type DeliveryOutcome = { kind: 'ack' } | { kind: 'retry'; error: string };

export interface ConsumerOptions {
  /** Durable consumer name: one per consuming service. */
  name: string;
  subjects: string[];
  /** Deliveries before the event goes to the dead-letter subject. */
  maxDeliver: number;
  retryDelayMs: number;
  /** Most events handed over at once. */
  maxBatch: number;
}

/** Broker seam: JetStream in distributed mode, the in-process bus when embedded. */
export interface EventTransport {
  /** Resolves when the broker holds every event durably (JetStream ack). */
  publish(events: OutgoingEvent[]): Promise<void>;
  /**
   * Deliver the consumer's events in order, several at a time when more are waiting (up to
   * `maxBatch`): `handle` answers one outcome per event, in the same order.
   */
  consume(options: ConsumerOptions, handle: (events: DeliveredEvent[]) => Promise<DeliveryOutcome[]>): Promise<void>;
  /**
   * Hear events as they pass, at most once and without a durable consumer: for dropping cached
   * copies (tokens, permissions), never for work that must happen.
   */
  listen(subjects: string[], handle: (subject: string, payload: unknown) => void): Promise<void>;
  close(): Promise<void>;
}
