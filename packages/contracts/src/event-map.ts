import { CommunicationsEvents } from './communications/subjects';
import { DistributionEvents } from './distribution/subjects';
import { RecordsEvents } from './records/subjects';
import { MailEvents } from './mail/subjects';
import { TelephonyEvents } from './telephony/events';
import { PhoneCenterEvents } from './communications/phone-center';
import type { TextConversationDeletedEvent } from './communications/phone-center';
import type { TelephonyCallEvent, TelephonyTextMessageEvent } from './telephony/events';
import type { BccAddressChangedEvent, DealAddressAssignedEvent, MailMessageReceivedEvent } from './mail/payloads';
import type { ContactStatusChangedEvent, LeadConvertedEvent, RecordChangedEvent } from './records/payloads';

type ValuesOf<T> = T[keyof T];
type SubjectsOf<G> = ValuesOf<{ [K in keyof G]: ValuesOf<G[K]> }>;

export type RecordChangeSubject = SubjectsOf<Omit<typeof RecordsEvents, 'leadConverted' | 'contactStatus'>>;
type CommunicationsChangeSubject = SubjectsOf<typeof CommunicationsEvents>;
type DistributionChangeSubject = SubjectsOf<typeof DistributionEvents>;

/** The one event map: every event subject and its payload type. */
export type EventMap = { [S in RecordChangeSubject | CommunicationsChangeSubject | DistributionChangeSubject]: RecordChangedEvent } & {
  [RecordsEvents.leadConverted.converted]: LeadConvertedEvent;
  [RecordsEvents.contactStatus.customerChanged]: ContactStatusChangedEvent;
  [RecordsEvents.contactStatus.prospectChanged]: ContactStatusChangedEvent;
  [MailEvents.message.received]: MailMessageReceivedEvent;
  [MailEvents.bccAddress.changed]: BccAddressChangedEvent;
  [MailEvents.dealAddress.assigned]: DealAddressAssignedEvent;
  [TelephonyEvents.textMessage.received]: TelephonyTextMessageEvent;
  [TelephonyEvents.textMessage.sent]: TelephonyTextMessageEvent;
  [TelephonyEvents.textMessage.status]: TelephonyTextMessageEvent;
  [TelephonyEvents.call.updated]: TelephonyCallEvent;
  [PhoneCenterEvents.textConversationDeleted]: TextConversationDeletedEvent;
};

export type EventSubject = keyof EventMap;
export type PayloadOf<S extends EventSubject> = EventMap[S];

/** Every event subject, for the JetStream stream's subject list. */
export const ALL_EVENT_SUBJECTS: EventSubject[] = [RecordsEvents, CommunicationsEvents, DistributionEvents, MailEvents, TelephonyEvents].flatMap((group) =>
  Object.values(group).flatMap((events) => Object.values(events) as EventSubject[]),
).concat(Object.values(PhoneCenterEvents));

/** The JetStream stream every service's outbox relays into. */
export const EVENTS_STREAM = 'CRM_EVENTS';

/** Where an event goes after its consumer failed it too many times. */
export function deadLetterSubject(consumer: string, subject: string): string {
  return `deadletter.${consumer}.${subject}`;
}
