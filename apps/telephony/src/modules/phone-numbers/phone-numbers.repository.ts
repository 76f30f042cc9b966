import { Injectable } from '@nestjs/common';
import type { ListQuery } from '@crm/contracts';
import type { Tx } from '@crm/platform';

export interface PhoneNumberRow {
  id: number;
  account_id: number;
  user_id: number;
  phone_number: string;
  created_at: Date;
  updated_at: Date;
}

export type AssignOutcome = { row: PhoneNumberRow } | { conflict: 'number_taken' | 'user_has_number' };

@Injectable()
export class PhoneNumbersRepository {
  async list(tx: Tx, accountId: number, query: ListQuery): Promise<{ rows: PhoneNumberRow[]; hasMore: boolean }> {
    const userIds = query.filters.user_id?.split(',').map(Number) ?? null;
    const rows = await tx.rows<PhoneNumberRow>(
      `SELECT * FROM telephony.phone_numbers
       WHERE account_id = $1 AND ($2::int[] IS NULL OR id = ANY($2)) AND ($3::int[] IS NULL OR user_id = ANY($3))
       ORDER BY id LIMIT $4 OFFSET $5`,
      [accountId, query.ids ?? null, userIds, query.perPage + 1, (query.page - 1) * query.perPage],
    );
    return { rows: rows.slice(0, query.perPage), hasMore: rows.length > query.perPage };
  }

  /** Insert unless the number or the user is taken; which one, when refused. */
  async assign(tx: Tx, accountId: number, userId: number, phoneNumber: string): Promise<AssignOutcome> {
    const inserted = await tx.rows<PhoneNumberRow>(
      `INSERT INTO telephony.phone_numbers (account_id, user_id, phone_number) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING *`,
      [accountId, userId, phoneNumber],
    );
    if (inserted[0]) return { row: inserted[0] };
    const taken = await tx.rows(`SELECT 1 FROM telephony.phone_numbers WHERE phone_number = $1`, [phoneNumber]);
    return { conflict: taken.length > 0 ? 'number_taken' : 'user_has_number' };
  }

  async delete(tx: Tx, accountId: number, id: number): Promise<boolean> {
    const rows = await tx.rows(`DELETE FROM telephony.phone_numbers WHERE account_id = $1 AND id = $2 RETURNING id`, [accountId, id]);
    return rows.length > 0;
  }

  async ofUser(tx: Tx, accountId: number, userId: number): Promise<PhoneNumberRow | null> {
    const rows = await tx.rows<PhoneNumberRow>(`SELECT * FROM telephony.phone_numbers WHERE account_id = $1 AND user_id = $2`, [accountId, userId]);
    return rows[0] ?? null;
  }

  /** Whose number Twilio called or texted (inbound webhooks know only the number). */
  async byNumber(tx: Tx, phoneNumber: string): Promise<PhoneNumberRow | null> {
    const rows = await tx.rows<PhoneNumberRow>(`SELECT * FROM telephony.phone_numbers WHERE phone_number = $1`, [phoneNumber]);
    return rows[0] ?? null;
  }
}
