import type { ServiceRuntime, Tx } from '@crm/platform';
import { firstPageLimit, PreparedReads } from './prepared-reads';

describe('PreparedReads', () => {
  const runtime = (mode: 'embedded' | 'distributed') => ({ mode }) as ServiceRuntime;

  function fakeTx(withRunner: boolean) {
    const client = { query: jest.fn(async (_config: { name: string; text: string; values: unknown[] }) => ({ rows: [{ n: 1 }] })) };
    const runner = { connect: jest.fn(async () => client), release: jest.fn(async () => undefined) };
    const tx = {
      rows: jest.fn(async () => [{ n: 2 }]),
      manager: { queryRunner: withRunner ? runner : undefined, connection: { createQueryRunner: () => runner } },
    };
    return { tx: tx as unknown as Tx & { rows: jest.Mock }, client, runner };
  }

  it('runs a text as one named statement on the connection, the same name every time, and gives the connection back', async () => {
    const reads = new PreparedReads(runtime('distributed'));
    const { tx, client, runner } = fakeTx(false);
    expect(await reads.rows(tx, 'SELECT 1 WHERE $1 = 1', [1])).toEqual([{ n: 1 }]);
    await reads.rows(tx, 'SELECT 1 WHERE $1 = 1', [2]);
    await reads.rows(tx, 'SELECT 2', []);
    const [first, second, other] = client.query.mock.calls.map(([config]) => config);
    expect(first).toEqual({ name: expect.stringMatching(/^read_[0-9a-f]{24}$/), text: 'SELECT 1 WHERE $1 = 1', values: [1] });
    expect(second.name).toBe(first.name);
    expect(other.name).not.toBe(first.name);
    expect(runner.release).toHaveBeenCalledTimes(3);
    expect(tx.rows).not.toHaveBeenCalled();
  });

  it("uses a transaction's own connection and leaves it to the transaction", async () => {
    const { tx, client, runner } = fakeTx(true);
    await new PreparedReads(runtime('distributed')).rows(tx, 'SELECT 1', []);
    expect(client.query).toHaveBeenCalledTimes(1);
    expect(runner.release).not.toHaveBeenCalled();
  });

  it('runs statements unnamed in embedded mode, where every connection shares one PGlite session', async () => {
    const { tx, client } = fakeTx(false);
    expect(await new PreparedReads(runtime('embedded')).rows(tx, 'SELECT 1', [])).toEqual([{ n: 2 }]);
    expect(tx.rows).toHaveBeenCalledWith('SELECT 1', []);
    expect(client.query).not.toHaveBeenCalled();
  });
});

describe('firstPageLimit', () => {
  it('is one more than the page size on a first page of a size the API allows, else nothing', () => {
    expect(firstPageLimit({ page: 1, perPage: 25 })).toBe(26);
    expect(firstPageLimit({ page: 1, perPage: 100 })).toBe(101);
    expect(firstPageLimit({ page: 2, perPage: 25 })).toBeUndefined();
    for (const perPage of [0, 101, 2.5, Number.NaN]) expect(firstPageLimit({ page: 1, perPage })).toBeUndefined();
  });
});
