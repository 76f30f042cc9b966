import { Injectable } from '@nestjs/common';
import type { MailLink, MailResourceType } from '@crm/contracts';
import type { Tx } from '@crm/platform';
import { EmailLinkEntity } from './entities/email-link.entity';
import { tableOf } from './table-name';

@Injectable()
export class EmailLinksRepository {
  /** Links of the given emails, by email id, in a stable order. */
  async forEmails(tx: Tx, accountId: number, emailIds: number[]): Promise<Map<number, MailLink[]>> {
    const byEmail = new Map<number, MailLink[]>(emailIds.map((id) => [id, []]));
    if (emailIds.length === 0) return byEmail;
    const rows = await tx.manager
      .getRepository(EmailLinkEntity)
      .createQueryBuilder('l')
      .where('l.account_id = :accountId AND l.email_id = ANY(:emailIds)', { accountId, emailIds })
      .orderBy('l.email_id')
      .addOrderBy('l.resource_type')
      .addOrderBy('l.resource_id')
      .getMany();
    for (const row of rows) byEmail.get(row.email_id)?.push({ resource_type: row.resource_type, resource_id: row.resource_id });
    return byEmail;
  }

  /** Add links an email does not have yet; how many were new. */
  async add(tx: Tx, accountId: number, emailId: number, links: MailLink[]): Promise<number> {
    const added = await this.addMany(tx, links.map((link) => ({ ...link, accountId, emailId })));
    return added.get(emailId) ?? 0;
  }

  /** Add the links emails do not have yet, in one statement; how many were new, by email id. */
  async addMany(tx: Tx, links: (MailLink & { accountId: number; emailId: number })[]): Promise<Map<number, number>> {
    const added = new Map<number, number>();
    if (links.length === 0) return added;
    const rows = await tx.rows<{ email_id: number }>(
      `INSERT INTO ${tableOf(tx, EmailLinkEntity)} (email_id, account_id, resource_type, resource_id)
       SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::int[])
       ON CONFLICT DO NOTHING
       RETURNING email_id`,
      [links.map((l) => l.emailId), links.map((l) => l.accountId), links.map((l) => l.resource_type), links.map((l) => l.resource_id)],
    );
    for (const { email_id: emailId } of rows) added.set(emailId, (added.get(emailId) ?? 0) + 1);
    return added;
  }

  /** Ids of the emails linked to a record. */
  async emailsLinkedTo(tx: Tx, accountId: number, type: MailResourceType, id: number): Promise<number[]> {
    const rows = await tx.rows<{ email_id: number }>(
      `SELECT email_id FROM ${tableOf(tx, EmailLinkEntity)} WHERE account_id = $1 AND resource_type = $2 AND resource_id = $3`,
      [accountId, type, id],
    );
    return rows.map((row) => row.email_id);
  }

  /**
   * Every link to the lead becomes a link to the contact, in one statement (one snapshot: a link
   * cannot be dropped without its replacement). Returns the ids of the emails whose links changed.
   */
  async moveLeadToContact(tx: Tx, accountId: number, leadId: number, contactId: number): Promise<number[]> {
    const links = tableOf(tx, EmailLinkEntity);
    const rows = await tx.rows<{ email_id: number }>(
      `WITH moved AS (
         DELETE FROM ${links} WHERE account_id = $1 AND resource_type = 'lead' AND resource_id = $2 RETURNING email_id
       ), added AS (
         INSERT INTO ${links} (email_id, account_id, resource_type, resource_id)
         SELECT email_id, $1, 'contact', $3 FROM moved
         ON CONFLICT DO NOTHING
       )
       SELECT email_id FROM moved`,
      [accountId, leadId, contactId],
    );
    return rows.map((row) => row.email_id);
  }

  /** Drop every link to a deleted record; the ids of the emails that lost one. */
  async removeLinksTo(tx: Tx, accountId: number, type: MailResourceType, id: number): Promise<number[]> {
    const rows = await tx.rows<{ email_id: number }>(
      `DELETE FROM ${tableOf(tx, EmailLinkEntity)} WHERE account_id = $1 AND resource_type = $2 AND resource_id = $3 RETURNING email_id`,
      [accountId, type, id],
    );
    return rows.map((row) => row.email_id);
  }
}
