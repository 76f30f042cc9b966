import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DealAttributes, decimalValueOf } from './attributes';

const valueErrors = (value: unknown) => validateSync(plainToInstance(DealAttributes, { value })).filter((e) => e.property === 'value');

describe('deal values', () => {
  it('keeps a decimal string exact, even at the largest value the column holds', () => {
    expect(decimalValueOf('999999999999999.99')).toBe('999999999999999.99');
    expect(decimalValueOf(' 12.5 ')).toBe('12.50');
    expect(decimalValueOf('-7')).toBe('-7.00');
    expect(decimalValueOf(1000.5)).toBe('1000.50');
    expect(decimalValueOf(null)).toBe('0.00');
  });

  it('refuses values that would overflow or lose cents instead of rounding them', () => {
    expect(valueErrors('999999999999999.99')).toEqual([]);
    expect(valueErrors(1234.5)).toEqual([]);
    for (const bad of ['1000000000000000', '1.234', 1e20, 0.1 + 0.2, Number.NaN, 'ten']) expect(valueErrors(bad)).toHaveLength(1);
  });
});
