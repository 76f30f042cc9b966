import { Injectable } from '@nestjs/common';
import type { RecordResourceType } from '@crm/contracts';
import type { Tx } from '@crm/platform';
import { CustomFieldEntity } from './entities/custom-field.entity';

@Injectable()
export class CustomFieldsRepository {
  list(tx: Tx, accountId: number, resourceType: RecordResourceType): Promise<CustomFieldEntity[]> {
    return tx.manager.getRepository(CustomFieldEntity).find({
      where: { account_id: accountId, resource_type: resourceType },
      order: { id: 'ASC' },
    });
  }

  findByName(tx: Tx, accountId: number, resourceType: RecordResourceType, name: string): Promise<CustomFieldEntity | null> {
    return tx.manager
      .getRepository(CustomFieldEntity)
      .createQueryBuilder('f')
      .where('f.account_id = :accountId AND f.resource_type = :resourceType AND lower(f.name) = lower(:name)', {
        accountId,
        resourceType,
        name,
      })
      .getOne();
  }

  save(tx: Tx, field: Partial<CustomFieldEntity> & { account_id: number }): Promise<CustomFieldEntity> {
    const repository = tx.manager.getRepository(CustomFieldEntity);
    return repository.save(repository.create(field));
  }
}
