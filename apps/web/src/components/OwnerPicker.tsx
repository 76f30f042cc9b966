import type { DistributionPoolDto, RecordResourceType, UserDto } from '@crm/contracts';
import { Select } from '@mantine/core';
import { useCollection } from '../api/queries';

/** Who a record goes to: a user, or a distribution pool that picks the next user in turn. */
export type OwnerChoice = { owner_id: number } | { owner_pool_id: number };

export function ownerChoiceOf(value: string | null): OwnerChoice | null {
  const match = value ? /^(user|pool):(\d+)$/.exec(value) : null;
  if (!match) return null;
  return match[1] === 'user' ? { owner_id: Number(match[2]) } : { owner_pool_id: Number(match[2]) };
}

/**
 * One select for "owner": active users and distribution pools, grouped. `value` is `user:<id>` or
 * `pool:<id>`; turn it into the API's `owner_id` / `owner_pool_id` with `ownerChoiceOf`.
 * `poolTypes` offers only pools of those record types (a pool serves its own type only).
 */
export function OwnerPicker(props: {
  label?: string;
  value: string | null;
  onChange: (value: string | null) => void;
  allowPools?: boolean;
  poolTypes?: RecordResourceType[];
  required?: boolean;
}) {
  const users = useCollection<Pick<UserDto, 'id' | 'name'>>('/v2/users', { per_page: 100, status: 'active', sort_by: 'name' });
  const pools = useCollection<Pick<DistributionPoolDto, 'id' | 'name' | 'resource_type'>>('/v2/distribution_pools', { per_page: 100 }, { enabled: props.allowPools !== false });
  const data = [
    { group: 'Users', items: (users.data?.rows ?? []).map((u) => ({ value: `user:${u.id}`, label: u.name })) },
    ...(props.allowPools === false ? [] : [{ group: 'Distribution pools', items: (pools.data?.rows ?? []).filter((p) => !props.poolTypes || !p.resource_type || props.poolTypes.includes(p.resource_type)).map((p) => ({ value: `pool:${p.id}`, label: `${p.name} (round robin)` })) }]),
  ];
  return (
    <Select
      label={props.label ?? 'Owner'}
      placeholder={users.isPending ? 'Loading…' : 'Choose a user or pool'}
      data={data}
      value={props.value}
      onChange={props.onChange}
      searchable
      required={props.required}
      error={users.error?.message ?? pools.error?.message}
      nothingFoundMessage="No match"
      comboboxProps={{ withinPortal: true }}
    />
  );
}
