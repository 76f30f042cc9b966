import type { CustomFieldDto } from '@crm/contracts';
import { iso } from '../../common/time';
import type { CustomFieldEntity } from './entities/custom-field.entity';

export function toCustomFieldDto(field: CustomFieldEntity): CustomFieldDto {
  return {
    id: field.id,
    name: field.name,
    type: field.type,
    choices: field.choices,
    for_company: field.for_company,
    for_contact: field.for_contact,
    created_at: iso(field.created_at),
    updated_at: iso(field.updated_at),
  };
}
