import { randomUUID } from 'node:crypto';
import type { EventBody, EventSubject, PayloadOf } from '@crm/contracts';
import { JetStreamTransport } from '@crm/platform';
import type { Stack } from '@crm/testing';
import { connect } from 'nats';

/**
 * Publish an event as another service's outbox relay would: into JetStream under the stack's
 * prefix with the event id as `Nats-Msg-Id` (distributed), or onto the in-process bus (embedded).
 */
export async function publishEvent<S extends EventSubject>(
  stack: Stack,
  subject: S,
  body: EventBody<PayloadOf<S>>,
  occurredAt = new Date(),
): Promise<PayloadOf<S>> {
  const event = { ...body, eventId: randomUUID(), occurredAt: occurredAt.toISOString() } as PayloadOf<S>;
  const runtime = stack.runtime('records');
  if (runtime.bus) {
    await runtime.bus.publish(subject, event.eventId, event);
    return event;
  }
  const nc = await connect({ servers: runtime.natsUrl! });
  try {
    await new JetStreamTransport(nc, runtime.subjectPrefix).publish([{ subject, eventId: event.eventId, payload: event }]);
  } finally {
    await nc.close();
  }
  return event;
}

/** Poll until `read` gives a value `done` accepts; fails with the last value after `timeoutMs`. */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`still not there after ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
