import { Injectable } from '@nestjs/common';
import type { Tx } from '@crm/platform';
import { phoneTables } from './phone-tables';

/** A lead or contact, as calls and texts hang on it. */
export interface PhoneRecord {
  resourceType: 'lead' | 'contact';
  resourceId: number;
}

/** One version of a record's numbers (E.164) and, for a lead, its status. */
export interface PhoneRecordVersion {
  phones: string[];
  leadStatus: string | null;
  updatedAt: Date;
}

/** communications' copy of leads' and contacts' numbers. Every statement is scoped to one account. */
@Injectable()
export class RecordPhonesRepository {
  /**
   * Applied unless a newer version of the record was seen already. Returns whether the record
   * may take calls and texts by number now (it was applied and is not a converted lead).
   */
  async upsert(tx: Tx, accountId: number, record: PhoneRecord, version: PhoneRecordVersion): Promise<boolean> {
    const rows = await tx.rows<{ converted: boolean }>(
      `INSERT INTO ${phoneTables(tx).recordPhones} AS p (account_id, resource_type, resource_id, phones, lead_status, source_updated_at)
       VALUES ($1, $2, $3, $4::text[], $5, $6)
       ON CONFLICT (account_id, resource_type, resource_id) DO UPDATE
         SET phones = EXCLUDED.phones, lead_status = EXCLUDED.lead_status, source_updated_at = EXCLUDED.source_updated_at
         WHERE p.source_updated_at <= EXCLUDED.source_updated_at
       RETURNING converted`,
      [accountId, record.resourceType, record.resourceId, version.phones, version.leadStatus, version.updatedAt],
    );
    return rows.length === 1 && !rows[0].converted;
  }

  /** A converted lead hands its numbers to its contact; it keeps them in records but matches no more. */
  async markConverted(tx: Tx, accountId: number, leadId: number): Promise<void> {
    // Before any lead event arrived: the row waits, converted, for the lead's data (epoch: any version wins).
    await tx.rows(
      `INSERT INTO ${phoneTables(tx).recordPhones} AS p (account_id, resource_type, resource_id, converted, source_updated_at)
       VALUES ($1, 'lead', $2, true, 'epoch')
       ON CONFLICT (account_id, resource_type, resource_id) DO UPDATE SET converted = true`,
      [accountId, leadId],
    );
  }

  async remove(tx: Tx, accountId: number, record: PhoneRecord): Promise<void> {
    await tx.rows(`DELETE FROM ${phoneTables(tx).recordPhones} WHERE account_id = $1 AND resource_type = $2 AND resource_id = $3`, [
      accountId,
      record.resourceType,
      record.resourceId,
    ]);
  }

  /** The record a number belongs to: a contact before a lead (a contact is further along), then the oldest. */
  async owningRecord(tx: Tx, accountId: number, number: string): Promise<PhoneRecord | null> {
    const [row] = await tx.rows<{ resource_type: 'lead' | 'contact'; resource_id: number }>(
      `SELECT resource_type, resource_id FROM ${phoneTables(tx).recordPhones}
       WHERE account_id = $1 AND phones @> ARRAY[$2::text] AND NOT converted
       ORDER BY resource_type = 'contact' DESC, resource_id
       LIMIT 1`,
      [accountId, number],
    );
    return row ? { resourceType: row.resource_type, resourceId: row.resource_id } : null;
  }

  /** The record's numbers as last copied (empty when unknown). */
  async phonesOf(tx: Tx, accountId: number, record: PhoneRecord): Promise<string[]> {
    const [row] = await tx.rows<{ phones: string[] }>(
      `SELECT phones FROM ${phoneTables(tx).recordPhones} WHERE account_id = $1 AND resource_type = $2 AND resource_id = $3`,
      [accountId, record.resourceType, record.resourceId],
    );
    return row?.phones ?? [];
  }
}
