import type { AccountDto } from '@crm/contracts';
import { iso } from '../../common/time';
import type { AccountEntity } from './entities/account.entity';

export function toAccountDto(account: AccountEntity): AccountDto {
  return {
    id: account.id,
    name: account.name,
    currency: account.currency,
    timezone: account.timezone,
    time_format: account.time_format,
    phone: account.phone,
    created_at: iso(account.created_at),
    updated_at: iso(account.updated_at),
  };
}
