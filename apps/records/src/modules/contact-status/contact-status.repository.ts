import { Injectable } from '@nestjs/common';
import type { Tx } from '@crm/platform';

export interface DealTally {
  contact_id: number;
  customer_status: 'none' | 'current' | 'past';
  prospect_status: 'none' | 'current' | 'lost';
  deals: number;
  won: number;
  active: number;
  lost: number;
}

/** Counts of each contact's deals by stage category: the inputs of the derived statuses. */
@Injectable()
export class ContactStatusRepository {
  /**
   * A contact's deals are those naming it as the contact, as the organization, or among the
   * associated contacts. Rows are locked so concurrent deal changes recompute one after another.
   */
  async tallies(tx: Tx, accountId: number, contactIds: number[]): Promise<DealTally[]> {
    if (contactIds.length === 0) return [];
    await tx.manager.query(`SELECT id FROM records.contacts WHERE account_id = $1 AND id = ANY($2) ORDER BY id FOR UPDATE`, [
      accountId,
      contactIds,
    ]);
    return tx.manager.query(
      `WITH links AS (
         SELECT id AS deal_id, contact_id FROM records.deals WHERE account_id = $1 AND contact_id = ANY($2)
         UNION SELECT id, organization_id FROM records.deals WHERE account_id = $1 AND organization_id = ANY($2)
         UNION SELECT deal_id, contact_id FROM records.deal_contacts WHERE account_id = $1 AND contact_id = ANY($2))
       SELECT c.id AS contact_id, c.customer_status, c.prospect_status,
              count(d.id)::int AS deals,
              (count(d.id) FILTER (WHERE s.category = 'won'))::int AS won,
              (count(d.id) FILTER (WHERE s.category NOT IN ('won', 'lost', 'unqualified')))::int AS active,
              (count(d.id) FILTER (WHERE s.category IN ('lost', 'unqualified')))::int AS lost
       FROM records.contacts c
       LEFT JOIN links l ON l.contact_id = c.id
       LEFT JOIN records.deals d ON d.id = l.deal_id
       LEFT JOIN records.stages s ON s.id = d.stage_id
       WHERE c.account_id = $1 AND c.id = ANY($2)
       GROUP BY c.id`,
      [accountId, contactIds],
    );
  }

  /** Every contact a deal concerns: its contact, its organization and its associated contacts. */
  async contactsOfDeal(tx: Tx, accountId: number, dealId: number): Promise<number[]> {
    const rows: { id: number }[] = await tx.manager.query(
      `SELECT contact_id AS id FROM records.deals WHERE account_id = $1 AND id = $2 AND contact_id IS NOT NULL
       UNION SELECT organization_id FROM records.deals WHERE account_id = $1 AND id = $2 AND organization_id IS NOT NULL
       UNION SELECT contact_id FROM records.deal_contacts WHERE account_id = $1 AND deal_id = $2`,
      [accountId, dealId],
    );
    return rows.map((row) => row.id);
  }

  async setStatuses(tx: Tx, accountId: number, contactId: number, customer: string, prospect: string): Promise<void> {
    await tx.manager.query(
      `UPDATE records.contacts SET customer_status = $3, prospect_status = $4, updated_at = now() WHERE account_id = $1 AND id = $2`,
      [accountId, contactId, customer, prospect],
    );
  }
}
