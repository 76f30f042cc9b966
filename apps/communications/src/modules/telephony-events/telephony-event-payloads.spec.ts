import type { TelephonyCallEvent, TelephonyTextMessageEvent } from '@crm/contracts';
import { assertCallEvent, assertTextMessageEvent } from './telephony-event-payloads';

const envelope = { accountId: 1, eventId: 'e', occurredAt: '2024-05-01T10:00:00.000Z' };
const text: TelephonyTextMessageEvent = {
  ...envelope,
  messageSid: 'SM1',
  direction: 'inbound',
  userId: 2,
  userPhoneNumber: '+14155550199',
  remotePhoneNumber: '+14155550100',
  body: '',
  status: 'received',
  errorCode: null,
  errorMessage: null,
  sentAt: '2024-05-01T10:00:00Z',
  resource: null,
};
const call: TelephonyCallEvent = {
  ...envelope,
  callSid: 'CA1',
  direction: 'outbound',
  userId: null,
  userPhoneNumber: '+14155550199',
  remotePhoneNumber: '+14155550100',
  status: 'no-answer',
  missed: true,
  duration: 0,
  startedAt: '2024-05-01T10:00:00Z',
  recordingId: null,
  voicemail: false,
  resource: { resource_type: 'contact', resource_id: 3 },
};

describe('telephony event payloads', () => {
  it('accepts well-formed events', () => {
    expect(() => assertTextMessageEvent(text, 's')).not.toThrow();
    expect(() => assertCallEvent(call, 's')).not.toThrow();
  });

  it.each<[string, Partial<TelephonyTextMessageEvent>]>([
    ['accountId', { accountId: 0 }],
    ['occurredAt', { occurredAt: 'yesterday' }],
    ['direction', { direction: 'sideways' as never }],
    ['userId', { userId: 1.5 }],
    ['remotePhoneNumber', { remotePhoneNumber: '' }],
    ['resource', { resource: { resource_type: 'deal' as never, resource_id: 1 } }],
    ['messageSid', { messageSid: 'x'.repeat(65) }],
    ['status', { status: 'lost' as never }],
    ['body', { body: null as never }],
    ['errorCode', { errorCode: 30003 as never }],
    ['sentAt', { sentAt: '' }],
  ])('refuses a text message with a bad %s, naming it', (field, change) => {
    expect(() => assertTextMessageEvent({ ...text, ...change }, 'telephony.text-message.received.v1')).toThrow(`telephony.text-message.received.v1: ${field}`);
  });

  it.each<[string, Partial<TelephonyCallEvent>]>([
    ['callSid', { callSid: '  ' }],
    ['status', { status: 'answered' as never }],
    ['missed', { missed: 'no' as never }],
    ['voicemail', { voicemail: undefined as never }],
    ['duration', { duration: -1 }],
    ['startedAt', { startedAt: 'soon' }],
    ['recordingId', { recordingId: 0 }],
  ])('refuses a call with a bad %s, naming it', (field, change) => {
    expect(() => assertCallEvent({ ...call, ...change }, 'telephony.call.updated.v1')).toThrow(`telephony.call.updated.v1: ${field}`);
  });
});
