import { CallDto, CommunicationsEvents, EventBody, RecordChangedEvent } from '@crm/contracts';
import type { EventPublisher, Tx } from '@crm/platform';

export interface CallChangeSource {
  accountId: number;
  /** The user whose request or whose records event caused the change; null when unknown. */
  actorId: number | null;
  correlationId?: string;
}

type CallEventBody = EventBody<RecordChangedEvent<CallDto>>;

function body(source: CallChangeSource, id: number, data: CallDto | null, changed?: string[]): CallEventBody {
  return { accountId: source.accountId, correlationId: source.correlationId, entity: 'call', id, actorId: source.actorId, data, changed };
}

/** `communications.call.*.v1` through the outbox, in the transaction of the change. */
export const callEvents = {
  async created(events: EventPublisher, tx: Tx, source: CallChangeSource, call: CallDto): Promise<void> {
    await events.publish(tx, CommunicationsEvents.call.created, body(source, call.id, call));
  },
  async updated(events: EventPublisher, tx: Tx, source: CallChangeSource, calls: CallDto[], changed: string[]): Promise<void> {
    await events.publishMany(tx, CommunicationsEvents.call.updated, calls.map((call) => body(source, call.id, call, changed)));
  },
  async deleted(events: EventPublisher, tx: Tx, source: CallChangeSource, ids: number[]): Promise<void> {
    await events.publishMany(tx, CommunicationsEvents.call.deleted, ids.map((id) => body(source, id, null)));
  },
};
