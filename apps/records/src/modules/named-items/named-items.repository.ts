import { Injectable } from '@nestjs/common';
import type { ListQuery, NamedItemKind, RecordResourceType } from '@crm/contracts';
import { applyListQuery, ListSpec, toPage, Tx } from '@crm/platform';
import { NamedItemEntity } from './entities/named-item.entity';

const LIST: ListSpec = {
  resource: 'named_item',
  defaultSort: { field: 'id', direction: 'asc' },
  sortable: { id: 'i.id', name: 'i.name', created_at: 'i.created_at', updated_at: 'i.updated_at' },
  filters: {
    name: { column: 'i.name', kind: 'lower' },
    resource_type: { column: 'i.resource_type', kind: 'text' },
  },
};

@Injectable()
export class NamedItemsRepository {
  async list(tx: Tx, accountId: number, kind: NamedItemKind, query: ListQuery) {
    const qb = tx.manager
      .getRepository(NamedItemEntity)
      .createQueryBuilder('i')
      .where('i.account_id = :accountId AND i.kind = :kind', { accountId, kind });
    return toPage(await applyListQuery(qb, 'i', query, LIST).getMany(), query);
  }

  find(tx: Tx, accountId: number, kind: NamedItemKind, id: number): Promise<NamedItemEntity | null> {
    return tx.manager.getRepository(NamedItemEntity).findOneBy({ account_id: accountId, kind, id });
  }

  findByName(tx: Tx, accountId: number, kind: NamedItemKind, resourceType: RecordResourceType | null, name: string) {
    return tx.manager
      .getRepository(NamedItemEntity)
      .createQueryBuilder('i')
      .where('i.account_id = :accountId AND i.kind = :kind AND lower(i.name) = lower(:name)', { accountId, kind, name })
      .andWhere("coalesce(i.resource_type, '') = :resourceType", { resourceType: resourceType ?? '' })
      .getOne();
  }

  save(tx: Tx, item: Partial<NamedItemEntity> & { account_id: number }): Promise<NamedItemEntity> {
    const repository = tx.manager.getRepository(NamedItemEntity);
    return repository.save(repository.create(item));
  }

  async delete(tx: Tx, accountId: number, kind: NamedItemKind, id: number): Promise<void> {
    await tx.manager.getRepository(NamedItemEntity).delete({ account_id: accountId, kind, id });
  }

  /** Insert the tags that do not exist yet; returns the ones created. */
  async insertMissingTags(
    tx: Tx,
    accountId: number,
    creatorId: number,
    resourceType: RecordResourceType,
    names: string[],
  ): Promise<NamedItemEntity[]> {
    if (names.length === 0) return [];
    const rows: NamedItemEntity[] = await tx.manager.query(
      `INSERT INTO records.named_items (account_id, kind, creator_id, name, resource_type)
       SELECT $1, 'tag', $2, name, $3 FROM unnest($4::text[]) AS name
       ON CONFLICT (account_id, kind, coalesce(resource_type, ''), lower(name)) DO NOTHING
       RETURNING *`,
      [accountId, creatorId, resourceType, names],
    );
    return rows;
  }
}
