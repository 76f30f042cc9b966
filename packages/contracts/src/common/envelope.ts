/** Fields every event payload carries (DESIGN.md, Messaging). */
export interface EventEnvelope {
  accountId: number;
  eventId: string;
  occurredAt: string;
  correlationId?: string;
}

/** Who is asking: every request that acts inside an account carries this. */
export interface Actor {
  accountId: number;
  userId: number;
  correlationId?: string;
}

/** The part of an event the publisher supplies; the outbox adds eventId and occurredAt. */
export type EventBody<P extends EventEnvelope> = Omit<P, 'eventId' | 'occurredAt'>;
