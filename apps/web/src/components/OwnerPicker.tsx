import type { DistributionPoolDto, RecordResourceType, UserDto } from '@crm/contracts';
import { Button, Group, Select, Text } from '@mantine/core';
import { useCollection } from '../api/queries';
import { fieldErrorOf } from './field-errors';

/** Who a record goes to: a user, or a distribution pool that picks the next user in turn. */
export type OwnerChoice = { owner_id: number } | { owner_pool_id: number };

export function ownerChoiceOf(value: string | null): OwnerChoice | null {
  const match = value ? /^(user|pool):(\d+)$/.exec(value) : null;
  if (!match) return null;
  return match[1] === 'user' ? { owner_id: Number(match[2]) } : { owner_pool_id: Number(match[2]) };
}

/** The picker's value for an owner user or owner pool (a lead form's, say); null for neither. */
export function ownerValueOf(owner: { owner_id?: number | null; owner_pool_id?: number | null }): string | null {
  if (owner.owner_id) return `user:${owner.owner_id}`;
  if (owner.owner_pool_id) return `pool:${owner.owner_pool_id}`;
  return null;
}

/** The API's message about the owner chosen (a pool of another record type, a deactivated user…). */
export function ownerErrorOf(error: unknown): string | undefined {
  return fieldErrorOf(error, 'owner_pool_id') ?? fieldErrorOf(error, 'owner_id');
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

/**
 * An owner that may be left out (nobody chosen: the API's default owner): the picker, under it
 * the API's message about the owner or else `hint`, and a button to clear the choice.
 */
export function OptionalOwnerField(props: {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  poolTypes: RecordResourceType[];
  hint: string;
  /** The last refusal of the form, if any. */
  error: unknown;
}) {
  const error = ownerErrorOf(props.error);
  return (
    <div>
      <OwnerPicker label={props.label} value={props.value} onChange={props.onChange} poolTypes={props.poolTypes} />
      <Group gap="xs" mt={4}>
        <Text size="xs" c={error ? 'red' : 'dimmed'}>
          {error ?? props.hint}
        </Text>
        {props.value && (
          <Button size="compact-xs" variant="subtle" onClick={() => props.onChange(null)}>
            Clear owner
          </Button>
        )}
      </Group>
    </div>
  );
}
