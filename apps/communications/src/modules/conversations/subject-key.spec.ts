import { subjectKeyOf } from './subject-key';

describe('subjectKeyOf', () => {
  it('strips runs of reply and forward prefixes in many languages, with counters', () => {
    const same = [
      'Quote for Q3',
      'Re: Quote for Q3',
      'RE: re: Fwd: Quote for Q3',
      'AW: WG: Quote for Q3',
      'RV: Quote for Q3',
      'TR: Quote for Q3',
      'SV: VB: Quote for Q3',
      'Antw: Doorst: Quote for Q3',
      'R: I: Quote for Q3',
      'Re[2]: Quote for Q3',
      'Re(3): Quote for Q3',
      'RE^2: Quote for Q3',
      'Odp: PD: Quote for Q3',
      '回复: Quote for Q3',
      'Re：Quote for Q3',
      'Отв: Quote for Q3',
      '  re :   Quote   for\tQ3 ',
    ];
    for (const subject of same) expect(subjectKeyOf(subject)).toBe('quote for q3');
  });

  it('keeps words that only start like a prefix, and prefixes in the middle', () => {
    expect(subjectKeyOf('Review: contract')).toBe('review: contract');
    expect(subjectKeyOf('Iteration plan')).toBe('iteration plan');
    expect(subjectKeyOf('Contract Re: terms')).toBe('contract re: terms');
    expect(subjectKeyOf('[Ticket 12] Re: printer')).toBe('[ticket 12] re: printer');
  });

  it('has no key for a missing or empty subject', () => {
    expect(subjectKeyOf(null)).toBeNull();
    expect(subjectKeyOf('')).toBeNull();
    expect(subjectKeyOf('Re: ')).toBeNull();
    expect(subjectKeyOf('Fwd: RE:')).toBeNull();
  });
});
