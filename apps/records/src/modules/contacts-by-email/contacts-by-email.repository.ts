import { Injectable } from '@nestjs/common';
import type { Tx } from '@crm/platform';
import type { ContactEntity } from '../contacts/entities/contact.entity';

export interface NewPerson {
  owner_id: number;
  first_name: string | null;
  last_name: string;
  email: string;
}

@Injectable()
export class ContactsByEmailRepository {
  /**
   * Serialises creations of contacts with these emails in the account until the transaction ends
   * (contacts may share an email, so no unique index can). Keys are taken in one order, so two
   * batches that overlap never deadlock.
   */
  async lockEmails(tx: Tx, accountId: number, emails: string[]): Promise<void> {
    await tx.rows(
      `SELECT pg_advisory_xact_lock(hashtext('records.contact_email'), key)
       FROM (SELECT DISTINCT hashtext($1 || ':' || email) AS key FROM unnest($2::text[]) AS email ORDER BY key) AS keys`,
      [String(accountId), emails],
    );
  }

  /** People contacts in one statement; rows come back as the table holds them (the entity's shape). */
  insertPeople(tx: Tx, accountId: number, creatorId: number, people: NewPerson[]): Promise<ContactEntity[]> {
    return tx.rows<ContactEntity>(
      `INSERT INTO records.contacts (account_id, creator_id, owner_id, is_organization, first_name, last_name, name, email)
       SELECT $1, $2, p.owner_id, false, p.first_name, p.last_name, concat_ws(' ', p.first_name, p.last_name), p.email
       FROM unnest($3::int[], $4::text[], $5::text[], $6::text[]) AS p(owner_id, first_name, last_name, email)
       RETURNING *`,
      [
        accountId,
        creatorId,
        people.map((p) => p.owner_id),
        people.map((p) => p.first_name),
        people.map((p) => p.last_name),
        people.map((p) => p.email),
      ],
    );
  }
}
