import { Injectable } from '@nestjs/common';
import type { Tx } from '@crm/platform';
import { CallEntity } from '../calls/entities/call.entity';
import { phoneTables } from './phone-tables';
import type { PhoneRecord } from './record-phones.repository';

/** What a matching step changed: the calls (for their events) and how many texts. */
export interface MatchedItems {
  calls: CallEntity[];
  texts: number;
}

/**
 * Which lead or contact the calls and texts telephony reported hang on. Only rows telephony
 * reported carry `remote_phone_e164`, so calls logged through the API are never rematched.
 */
@Injectable()
export class PhoneMatchesRepository {
  /** The unmatched calls and texts of these numbers (ignored ones too) now hang on `record`. */
  async matchUnmatched(tx: Tx, accountId: number, numbers: string[], record: PhoneRecord): Promise<MatchedItems> {
    const tables = phoneTables(tx);
    const set = `SET resource_type = $3, resource_id = $4, updated_at = now()
                 WHERE account_id = $1 AND remote_phone_e164 = ANY($2::text[]) AND resource_type IS NULL`;
    const params = [accountId, numbers, record.resourceType, record.resourceId];
    const calls = await tx.rows<CallEntity>(`UPDATE ${tables.calls} ${set} RETURNING *`, params);
    const texts = await tx.rows<{ id: number }>(`UPDATE ${tables.texts} ${set} RETURNING id`, params);
    return { calls: calls.map((row) => Object.assign(new CallEntity(), row)), texts: texts.length };
  }

  /** The numbers of the reported calls and texts that hang on `record` (null for a number that could not be read). */
  async numbersOn(tx: Tx, accountId: number, record: PhoneRecord): Promise<(string | null)[]> {
    const tables = phoneTables(tx);
    const rows = await tx.rows<{ number: string | null }>(
      `SELECT remote_phone_e164 AS number FROM ${tables.calls} WHERE account_id = $1 AND resource_type = $2 AND resource_id = $3 AND sid IS NOT NULL
       UNION
       SELECT remote_phone_e164 FROM ${tables.texts} WHERE account_id = $1 AND resource_type = $2 AND resource_id = $3 AND sid IS NOT NULL`,
      [accountId, record.resourceType, record.resourceId],
    );
    return rows.map((row) => row.number);
  }

  /** Move the reported calls and texts of one number from `from` to `to` (null: unmatched). */
  async reassign(tx: Tx, accountId: number, from: PhoneRecord, number: string | null, to: PhoneRecord | null): Promise<MatchedItems> {
    const tables = phoneTables(tx);
    const set = `SET resource_type = $5, resource_id = $6, updated_at = now()
                 WHERE account_id = $1 AND resource_type = $2 AND resource_id = $3
                   AND remote_phone_e164 IS NOT DISTINCT FROM $4 AND sid IS NOT NULL`;
    const params = [accountId, from.resourceType, from.resourceId, number, to?.resourceType ?? null, to?.resourceId ?? null];
    const calls = await tx.rows<CallEntity>(`UPDATE ${tables.calls} ${set} RETURNING *`, params);
    const texts = await tx.rows<{ id: number }>(`UPDATE ${tables.texts} ${set} RETURNING id`, params);
    return { calls: calls.map((row) => Object.assign(new CallEntity(), row)), texts: texts.length };
  }
}
