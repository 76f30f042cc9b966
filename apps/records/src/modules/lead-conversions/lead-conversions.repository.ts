import { Injectable } from '@nestjs/common';
import type { ListQuery } from '@crm/contracts';
import { applyListQuery, ListSpec, toPage, Tx } from '@crm/platform';
import { LeadConversionEntity } from './entities/lead-conversion.entity';

const LIST: ListSpec = {
  resource: 'lead_conversion',
  defaultSort: { field: 'id', direction: 'asc' },
  sortable: { id: 'v.id', created_at: 'v.created_at' },
  filters: {
    lead_id: { column: 'v.lead_id', kind: 'int' },
    creator_id: { column: 'v.creator_id', kind: 'int' },
    individual_id: { column: 'v.individual_id', kind: 'int' },
    deal_id: { column: 'v.deal_id', kind: 'int' },
  },
};

@Injectable()
export class LeadConversionsRepository {
  async list(tx: Tx, accountId: number, query: ListQuery) {
    const qb = tx.manager.getRepository(LeadConversionEntity).createQueryBuilder('v').where('v.account_id = :accountId', { accountId });
    return toPage(await applyListQuery(qb, 'v', query, LIST).getMany(), query);
  }

  find(tx: Tx, accountId: number, id: number): Promise<LeadConversionEntity | null> {
    return tx.manager.getRepository(LeadConversionEntity).findOneBy({ account_id: accountId, id });
  }

  save(tx: Tx, conversion: Partial<LeadConversionEntity> & { account_id: number }): Promise<LeadConversionEntity> {
    const repository = tx.manager.getRepository(LeadConversionEntity);
    return repository.save(repository.create(conversion));
  }

  /** The organization contact of that name, if the account has one. */
  async findOrganizationByName(tx: Tx, accountId: number, name: string): Promise<{ id: number } | null> {
    const rows: { id: number }[] = await tx.manager.query(
      `SELECT id FROM records.contacts WHERE account_id = $1 AND is_organization AND lower(name) = lower($2) ORDER BY id LIMIT 1`,
      [accountId, name],
    );
    return rows[0] ?? null;
  }
}
