import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@crm/platform';
import type { AddressTarget } from '../addresses/addresses.repository';
import { IngestWorker } from '../messages/ingest.worker';
import { RawMessagesRepository } from '../messages/raw-messages.repository';
import { RecentRawMessages } from '../messages/recent-raw-messages';

export interface AcceptedRecipient extends AddressTarget {
  address: string;
}

/** Stores an accepted message durably (one row per account it was sent to, in one statement) and hands it to the filing. */
@Injectable()
export class MessageStore {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly messages: RawMessagesRepository,
    private readonly worker: IngestWorker,
    private readonly recent: RecentRawMessages,
  ) {}

  async store(raw: Buffer, envelopeFrom: string | null, recipients: AcceptedRecipient[]): Promise<string[]> {
    const byAccount = new Map<number, { dealIds: number[]; recipients: string[] }>();
    for (const recipient of recipients) {
      const entry = byAccount.get(recipient.accountId) ?? { dealIds: [], recipients: [] };
      if (recipient.dealId !== null && !entry.dealIds.includes(recipient.dealId)) entry.dealIds.push(recipient.dealId);
      entry.recipients.push(recipient.address);
      byAccount.set(recipient.accountId, entry);
    }
    const targets = [...byAccount].map(([accountId, entry]) => ({ accountId, envelopeFrom, ...entry }));
    const ids = await this.transactions.statement((tx) => this.messages.insert(tx, raw, targets));
    this.recent.remember(ids, raw);
    this.worker.nudge();
    return ids;
  }
}
