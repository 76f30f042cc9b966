import type { ApiTokenDto, UserDto } from '@crm/contracts';
import { iso } from '../../common/time';
import type { ApiTokenEntity } from './entities/api-token.entity';
import type { UserEntity } from './entities/user.entity';

export function toUserDto(user: UserEntity): UserDto {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    status: user.status,
    confirmed: user.confirmed,
    phone_number: user.phone_number,
    timezone: user.timezone,
    role_id: user.role_id,
    group_id: user.group_id,
    created_at: iso(user.created_at),
    updated_at: iso(user.updated_at),
  };
}

export function toApiTokenDto(token: ApiTokenEntity, plaintext?: string): ApiTokenDto {
  return {
    id: token.id,
    user_id: token.user_id,
    name: token.name,
    ...(plaintext ? { access_token: plaintext } : {}),
    last_used_at: iso(token.last_used_at),
    revoked_at: iso(token.revoked_at),
    created_at: iso(token.created_at),
  };
}
