import { advancesMessage, messageStatusOf } from './message-status';

describe('message status', () => {
  it("reads Twilio's statuses in our terms", () => {
    expect(['accepted', 'scheduled', 'queued', 'sending', 'sent', 'delivered', 'read', 'undelivered', 'failed', 'canceled'].map(messageStatusOf)).toEqual([
      'queued', 'queued', 'queued', 'sending', 'sent', 'delivered', 'delivered', 'undelivered', 'failed', 'failed',
    ]);
    expect(messageStatusOf('receiving')).toBeNull();
  });

  it('only moves forward; a final state stays', () => {
    expect(advancesMessage('queued', 'sent')).toBe(true);
    expect(advancesMessage('sent', 'delivered')).toBe(true);
    expect(advancesMessage('delivered', 'sent')).toBe(false);
    expect(advancesMessage('delivered', 'failed')).toBe(false);
    expect(advancesMessage('sent', 'sent')).toBe(false);
  });
});
