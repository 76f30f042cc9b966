import type { GroupDto, RoleDto } from '@crm/contracts';
import { iso } from '../../common/time';
import type { GroupEntity } from './entities/group.entity';
import type { RoleEntity } from './entities/role.entity';

export function toRoleDto(role: RoleEntity): RoleDto {
  return {
    id: role.id,
    name: role.name,
    permissions: role.permissions,
    system: role.system,
    created_at: iso(role.created_at),
    updated_at: iso(role.updated_at),
  };
}

export function toGroupDto(group: GroupEntity, userIds: number[]): GroupDto {
  return { id: group.id, name: group.name, user_ids: userIds, created_at: iso(group.created_at), updated_at: iso(group.updated_at) };
}
