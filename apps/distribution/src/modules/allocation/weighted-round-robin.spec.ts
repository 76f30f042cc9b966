import { Candidate, pickOwners } from './weighted-round-robin';

const members = (weights: number[], caps: number[] = []): Candidate[] =>
  weights.map((weight, i) => ({ userId: i + 1, position: i, weight, currentWeight: 0, remaining: caps[i] ?? Infinity }));

describe('pickOwners', () => {
  it('rotates in member order with equal weights, continuing where it stopped', () => {
    const pool = members([1, 1, 1]);
    expect(pickOwners(pool, 4)!.map((p) => p.userId)).toEqual([1, 2, 3, 1]);
    expect(pickOwners(pool, 3)!.map((p) => p.userId)).toEqual([2, 3, 1]);
  });

  it('gives a weight-2 member twice as many, interleaved', () => {
    const picks = pickOwners(members([2, 1]), 6)!.map((p) => p.userId);
    expect(picks.filter((u) => u === 1)).toHaveLength(4);
    expect(picks).toEqual([1, 2, 1, 1, 2, 1]);
  });

  it('skips a member at its cap and fails when everyone is', () => {
    const pool = members([1, 1], [1, 2]);
    expect(pickOwners(pool, 3)!.map((p) => p.userId)).toEqual([1, 2, 2]);
    expect(pickOwners(pool, 1)).toBeUndefined();
  });

  it('keeps counts within one of each other over any number of picks (equal weights)', () => {
    const pool = members([1, 1, 1, 1, 1, 1, 1]);
    const counts = new Map<number, number>();
    for (let round = 0; round < 50; round++) {
      for (const pick of pickOwners(pool, 1 + (round % 9))!) counts.set(pick.userId, (counts.get(pick.userId) ?? 0) + 1);
      const values = [...counts.values()];
      expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
    }
  });
});
