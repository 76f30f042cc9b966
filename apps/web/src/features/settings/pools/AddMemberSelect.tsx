import { Select } from '@mantine/core';
import { useActiveUsers } from '../use-users';

/** Picks an active user who is not yet in the pool; choosing adds them at the end. */
export function AddMemberSelect(props: { exclude: number[]; onAdd: (userId: number) => void }) {
  const users = useActiveUsers();
  const taken = new Set(props.exclude);
  const data = (users.data?.rows ?? []).filter((u) => !taken.has(u.id)).map((u) => ({ value: String(u.id), label: `${u.name} (${u.email})` }));
  return (
    <Select
      label="Add a member"
      placeholder={users.isPending ? 'Loading users…' : data.length === 0 ? 'Every active user is a member' : 'Search users'}
      data={data}
      value={null}
      onChange={(value) => value && props.onAdd(Number(value))}
      searchable
      clearable={false}
      disabled={users.isPending || data.length === 0}
      error={users.error?.message}
      nothingFoundMessage="No such active user"
      maw={420}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
