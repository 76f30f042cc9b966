import { Injectable } from '@nestjs/common';
import type { LeadFormField } from '@crm/contracts';
import type { Tx } from '@crm/platform';

export interface LeadFormRow {
  id: number;
  account_id: number;
  creator_id: number;
  name: string;
  fields: LeadFormField[];
  owner_id: number | null;
  owner_pool_id: number | null;
  token: string;
  active: boolean;
  redirect_url: string | null;
  created_at: Date;
  updated_at: Date;
}

/** What a form is made of, as written by create and update. */
export type LeadFormValues = Pick<LeadFormRow, 'name' | 'fields' | 'owner_id' | 'owner_pool_id' | 'active' | 'redirect_url'>;

const COLUMNS = 'id, account_id, creator_id, name, fields, owner_id, owner_pool_id, token, active, redirect_url, created_at, updated_at';

@Injectable()
export class LeadFormsRepository {
  /** One page (plus one row, to tell whether another page follows), oldest first. */
  page(tx: Tx, accountId: number, page: number, perPage: number): Promise<LeadFormRow[]> {
    return tx.rows<LeadFormRow>(`SELECT ${COLUMNS} FROM records.lead_forms WHERE account_id = $1 ORDER BY id LIMIT $2 OFFSET $3`, [
      accountId,
      perPage + 1,
      (page - 1) * perPage,
    ]);
  }

  async find(tx: Tx, accountId: number, id: number, forUpdate = false): Promise<LeadFormRow | null> {
    const lock = forUpdate ? ' FOR UPDATE' : '';
    const rows = await tx.rows<LeadFormRow>(`SELECT ${COLUMNS} FROM records.lead_forms WHERE account_id = $1 AND id = $2${lock}`, [accountId, id]);
    return rows[0] ?? null;
  }

  /**
   * The one lookup not scoped by account: a public submission carries only the token, and the
   * form it finds is what names the account. Tokens are unique across accounts.
   */
  async findByPublicToken(tx: Tx, token: string): Promise<LeadFormRow | null> {
    const rows = await tx.rows<LeadFormRow>(`SELECT ${COLUMNS} FROM records.lead_forms WHERE token = $1`, [token]);
    return rows[0] ?? null;
  }

  async insert(tx: Tx, accountId: number, creatorId: number, token: string, values: LeadFormValues): Promise<LeadFormRow> {
    const [row] = await tx.rows<LeadFormRow>(
      `INSERT INTO records.lead_forms (account_id, creator_id, token, name, fields, owner_id, owner_pool_id, active, redirect_url)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
      [accountId, creatorId, token, values.name, JSON.stringify(values.fields), values.owner_id, values.owner_pool_id, values.active, values.redirect_url],
    );
    return row;
  }

  async update(tx: Tx, accountId: number, id: number, values: LeadFormValues): Promise<LeadFormRow> {
    const [row] = await tx.rows<LeadFormRow>(
      `UPDATE records.lead_forms SET name = $3, fields = $4::jsonb, owner_id = $5, owner_pool_id = $6, active = $7, redirect_url = $8, updated_at = now()
       WHERE account_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
      [accountId, id, values.name, JSON.stringify(values.fields), values.owner_id, values.owner_pool_id, values.active, values.redirect_url],
    );
    return row;
  }

  async delete(tx: Tx, accountId: number, id: number): Promise<void> {
    await tx.rows(`DELETE FROM records.lead_forms WHERE account_id = $1 AND id = $2`, [accountId, id]);
  }
}
