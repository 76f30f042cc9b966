import type { Tx } from '@crm/platform';
import { CallEntity } from '../calls/entities/call.entity';
import { tableOf } from '../emails/table-name';
import { RecordOwnerEntity } from '../record-owners/entities/record-owner.entity';
import { TextMessageEntity } from '../text-messages/entities/text-message.entity';

/**
 * Schema-qualified names of the tables the phone Communication Center's SQL reads and writes.
 * `record_phones` is only touched by hand-written SQL, so it has no entity.
 */
export function phoneTables(tx: Tx) {
  return {
    calls: tableOf(tx, CallEntity),
    texts: tableOf(tx, TextMessageEntity),
    owners: tableOf(tx, RecordOwnerEntity),
    recordPhones: `"${tx.manager.connection.driver.schema}".record_phones`,
    counters: `"${tx.manager.connection.driver.schema}".phone_center_counters`,
  };
}

/**
 * Serialise everything that matches calls and texts to a number (storing a call, a record gaining
 * the number): whichever commits second sees the other's rows, so nothing stays unmatched by a race.
 */
export async function lockNumbers(tx: Tx, accountId: number, numbers: string[]): Promise<void> {
  for (const number of [...new Set(numbers)].sort()) {
    await tx.rows(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`phone:${accountId}:${number}`]);
  }
}
