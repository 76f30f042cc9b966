import { planBatches } from './sync-batches';

const limits = { maxMessages: 3, maxBytes: 1000, maxMessageBytes: 5000 };
const sizes = (...list: [number, number][]) => list.map(([uid, size]) => ({ uid, size }));

describe('planBatches', () => {
  it('cuts by count, keeping UID order, each batch ending at its last UID', () => {
    const batches = planBatches(sizes([1, 10], [2, 10], [5, 10], [9, 10], [10, 10]), limits);
    expect(batches.map((b) => b.fetch.map((m) => m.uid))).toEqual([[1, 2, 5], [9, 10]]);
    expect(batches.map((b) => b.lastUid)).toEqual([5, 10]);
  });

  it('cuts by bytes, but always takes at least one message', () => {
    const batches = planBatches(sizes([1, 600], [2, 600], [3, 3000], [4, 10]), limits);
    expect(batches.map((b) => b.fetch.map((m) => m.uid))).toEqual([[1], [2], [3], [4]]);
  });

  it('skips messages over the size limit without fetching them, and still advances past them', () => {
    const batches = planBatches(sizes([1, 10], [2, 9000], [3, 10]), limits);
    expect(batches).toEqual([{ fetch: sizes([1, 10], [3, 10]), skipped: sizes([2, 9000]), lastUid: 3 }]);
  });

  it('nothing new: no batch', () => {
    expect(planBatches([], limits)).toEqual([]);
  });
});
