import { statusChanges } from './call-state';

const inbound = { direction: 'inbound' as const, status: 'ringing' as const, missed: false, duration: 0 };

describe('statusChanges', () => {
  it('moves a call forward, never back from a final state', () => {
    expect(statusChanges(inbound, 'in-progress', null)).toEqual({ status: 'in-progress' });
    expect(statusChanges({ ...inbound, status: 'completed' }, 'ringing', null)).toEqual({});
    expect(statusChanges({ ...inbound, status: 'no-answer', missed: true }, 'completed', 30)).toEqual({ duration: 30 });
  });

  it('makes an inbound call missed when it ends unanswered or completes while still ringing', () => {
    for (const status of ['no-answer', 'busy', 'failed', 'canceled'] as const) {
      expect(statusChanges(inbound, status, null)).toEqual({ status, missed: true });
    }
    expect(statusChanges(inbound, 'completed', 3)).toEqual({ status: 'completed', missed: true, duration: 3 });
    expect(statusChanges({ ...inbound, status: 'in-progress' }, 'completed', 40)).toEqual({ status: 'completed', duration: 40 });
  });

  it('never makes an outbound call missed, and counts Twilio’s duration once', () => {
    expect(statusChanges({ ...inbound, direction: 'outbound' }, 'no-answer', null)).toEqual({ status: 'no-answer' });
    expect(statusChanges({ ...inbound, status: 'in-progress', duration: 42 }, 'completed', 50)).toEqual({ status: 'completed' });
  });
});
