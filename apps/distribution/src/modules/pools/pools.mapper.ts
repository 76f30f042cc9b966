import type { DistributionPoolDto, PoolMemberDto } from '@crm/contracts';
import type { MemberRow, PoolRow } from './pools.repository';

const iso = (value: Date) => value.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function toPoolDto(pool: PoolRow, members: MemberRow[]): DistributionPoolDto {
  return {
    id: pool.id,
    name: pool.name,
    resource_type: pool.resource_type,
    members: members.map(toMemberDto),
    creator_id: pool.creator_id,
    created_at: iso(pool.created_at),
    updated_at: iso(pool.updated_at),
  };
}

function toMemberDto(member: MemberRow): PoolMemberDto {
  return {
    user_id: member.user_id,
    position: member.position,
    weight: member.weight,
    paused: member.paused,
    daily_cap: member.daily_cap,
    assigned_today: member.assigned_today,
    active: member.active,
  };
}
