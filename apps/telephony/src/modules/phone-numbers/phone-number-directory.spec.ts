import type { TransactionRunner } from '@crm/platform';
import { PhoneNumberDirectory } from './phone-number-directory';
import type { PhoneNumberRow, PhoneNumbersRepository } from './phone-numbers.repository';

const row = (userId: number): PhoneNumberRow => ({
  id: 1,
  account_id: 1,
  user_id: userId,
  phone_number: '+14155550100',
  created_at: new Date(),
  updated_at: new Date(),
});

function directoryOver(answers: (PhoneNumberRow | null)[], gate?: Promise<void>) {
  let reads = 0;
  const numbers = {
    byNumber: async () => {
      const answer = answers[reads++];
      await gate;
      return answer;
    },
  } as unknown as PhoneNumbersRepository;
  const transactions = { read: (work: (tx: never) => unknown) => work(undefined as never) } as unknown as TransactionRunner;
  return { directory: new PhoneNumberDirectory(transactions, numbers), reads: () => reads };
}

describe('PhoneNumberDirectory', () => {
  it('reads a number once while its answer is fresh, "nobody" included', async () => {
    const { directory, reads } = directoryOver([null, row(7)]);
    expect(await directory.owner('+14155550100')).toBeNull();
    expect(await directory.owner('+14155550100')).toBeNull();
    expect(reads()).toBe(1);
  });

  it('reads again after a change made here', async () => {
    const { directory, reads } = directoryOver([null, row(7)]);
    await directory.owner('+14155550100');
    directory.forgetAll();
    expect((await directory.owner('+14155550100'))?.user_id).toBe(7);
    expect(reads()).toBe(2);
  });

  it('does not keep an answer read while a change was made', async () => {
    let release!: () => void;
    const { directory, reads } = directoryOver([null, row(7)], new Promise<void>((resolve) => (release = resolve)));
    const racing = directory.owner('+14155550100');
    directory.forgetAll();
    release();
    expect(await racing).toBeNull();
    expect((await directory.owner('+14155550100'))?.user_id).toBe(7);
    expect(reads()).toBe(2);
  });
});
