import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@crm/platform';
import { PhoneNumberRow, PhoneNumbersRepository } from './phone-numbers.repository';

/**
 * How long another replica may still file a webhook under a number's previous owner after an
 * admin moved or removed it; the replica that made the change forgets at once.
 */
const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

/**
 * Whose number Twilio called or texted, for every inbound webhook: numbers change rarely and
 * webhooks come in bursts, so answers (including "nobody's") are kept briefly instead of read
 * from Postgres each time.
 */
@Injectable()
export class PhoneNumberDirectory {
  private readonly entries = new Map<string, { row: PhoneNumberRow | null; until: number }>();
  /** Bumped by every change, so that a lookup that raced with it is not kept. */
  private generation = 0;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly numbers: PhoneNumbersRepository,
  ) {}

  async owner(phoneNumber: string): Promise<PhoneNumberRow | null> {
    const kept = this.entries.get(phoneNumber);
    if (kept && kept.until > Date.now()) return kept.row;
    const generation = this.generation;
    const row = await this.transactions.read((tx) => this.numbers.byNumber(tx, phoneNumber));
    if (generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(phoneNumber, { row, until: Date.now() + TTL_MS });
    }
    return row;
  }

  /** After an assignment or removal here. */
  forgetAll(): void {
    this.generation++;
    this.entries.clear();
  }
}
