import { narrowestFilter } from './jetstream-transport';

describe('narrowestFilter', () => {
  it('uses the subject itself when there is one', () => {
    expect(narrowestFilter(['records.lead.created.v1'])).toBe('records.lead.created.v1');
  });

  it('uses the longest common token prefix otherwise', () => {
    expect(narrowestFilter(['records.lead.created.v1', 'records.lead.updated.v1'])).toBe('records.lead.>');
    expect(narrowestFilter(['records.lead.created.v1', 'records.deal.updated.v1'])).toBe('records.>');
    expect(narrowestFilter(['records.lead.created.v1', 'mail.message.received.v1'])).toBe('>');
  });
});
