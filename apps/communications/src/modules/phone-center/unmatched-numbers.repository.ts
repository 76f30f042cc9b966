import { Injectable } from '@nestjs/common';
import type { Tx } from '@crm/platform';
import { phoneTables } from '../record-phones/phone-tables';

/** A user's unmatched calls and texts by number. */
@Injectable()
export class UnmatchedNumbersRepository {
  /**
   * Hide the user's unmatched calls and texts from the number (ignored ones keep their time).
   * Returns how many were newly hidden, and whether there were any unmatched ones at all.
   */
  async ignore(tx: Tx, accountId: number, userId: number, number: string): Promise<{ calls: number; texts: number; any: boolean }> {
    const { calls, texts } = phoneTables(tx);
    const where = `account_id = $1 AND user_id = $2 AND remote_phone_e164 = $3 AND resource_type IS NULL AND sid IS NOT NULL`;
    const [row] = await tx.rows<{ calls: string; texts: string; total: string }>(
      `WITH hidden_calls AS (UPDATE ${calls} SET ignored_at = now() WHERE ${where} AND ignored_at IS NULL RETURNING 1),
            hidden_texts AS (UPDATE ${texts} SET ignored_at = now() WHERE ${where} AND ignored_at IS NULL RETURNING 1)
       SELECT (SELECT count(*) FROM hidden_calls) AS calls,
              (SELECT count(*) FROM hidden_texts) AS texts,
              (SELECT count(*) FROM ${calls} WHERE ${where}) + (SELECT count(*) FROM ${texts} WHERE ${where}) AS total`,
      [accountId, userId, number],
    );
    return { calls: Number(row.calls), texts: Number(row.texts), any: Number(row.total) > 0 };
  }
}
