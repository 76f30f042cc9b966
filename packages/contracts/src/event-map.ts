import { RecordsEvents } from './records/subjects';
import type { RecordChangedEvent } from './records/payloads';

type ValuesOf<T> = T[keyof T];
type RecordsEventSubject = ValuesOf<{ [K in keyof typeof RecordsEvents]: ValuesOf<(typeof RecordsEvents)[K]> }>;

/** The one event map: every event subject and its payload type. */
export type EventMap = { [S in RecordsEventSubject]: RecordChangedEvent };

export type EventSubject = keyof EventMap;
export type PayloadOf<S extends EventSubject> = EventMap[S];

/** Every event subject, for the JetStream stream's subject list. */
export const ALL_EVENT_SUBJECTS: EventSubject[] = Object.values(RecordsEvents).flatMap(
  (events) => Object.values(events) as EventSubject[],
);

/** The JetStream stream every service's outbox relays into. */
export const EVENTS_STREAM = 'CRM_EVENTS';

/** Where an event goes after its consumer failed it too many times. */
export function deadLetterSubject(consumer: string, subject: string): string {
  return `deadletter.${consumer}.${subject}`;
}
