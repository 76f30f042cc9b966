import type { PhoneNumberDto } from '@crm/contracts';
import type { PhoneNumberRow } from './phone-numbers.repository';

export function toPhoneNumberDto(row: PhoneNumberRow): PhoneNumberDto {
  return {
    id: row.id,
    user_id: row.user_id,
    phone_number: row.phone_number,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}
