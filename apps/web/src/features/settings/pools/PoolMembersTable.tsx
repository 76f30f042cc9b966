import { Badge, Group, NumberInput, Switch, Table, Text } from '@mantine/core';
import { DataTable } from '../../../components/DataTable';
import { fieldErrorOf } from '../../../components/field-errors';
import { OrderButtons, orderedListEdits } from '../../../components/ordered-list';
import type { MemberDraft } from './pool-types';
import { userLabel } from '../use-users';

/** Bounds the API enforces, shown on the inputs so a wrong value is seen before Save. */
const MAX_WEIGHT = 100;

const COLUMNS = [
  { label: '#', width: 40 },
  'Member',
  { label: 'Weight', width: 110 },
  { label: 'Daily cap', width: 130 },
  { label: 'Today', width: 90 },
  { label: 'Paused', width: 90 },
  { label: 'Order', width: 170 },
];

/**
 * The ordered members of a pool draft: weight, daily cap, pause, order (up/down buttons, which
 * work from the keyboard) and remove. Changes stay in the draft until the editor saves.
 */
export function PoolMembersTable(props: { members: MemberDraft[]; names: Map<number, string>; onChange: (members: MemberDraft[]) => void; error: unknown }) {
  const { members, names } = props;
  if (members.length === 0) return <Text c="dimmed" size="sm">No members yet: add users below. A pool without members cannot take records.</Text>;

  const { update, move, remove } = orderedListEdits(members, props.onChange);

  return (
    <DataTable label="Pool members" minWidth={760} nativeScroll verticalSpacing="xs" columns={COLUMNS}>
      {members.map((member, index) => {
        const name = userLabel(names, member.user_id);
        return (
          <Table.Tr key={member.user_id} aria-label={name}>
            <Table.Td>{index + 1}</Table.Td>
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                <Text size="sm">{name}</Text>
                {member.active === false && <Badge size="xs" color="gray">inactive user</Badge>}
              </Group>
              {fieldErrorOf(props.error, `members/${index}/user_id`) && (
                <Text size="xs" c="red">{fieldErrorOf(props.error, `members/${index}/user_id`)}</Text>
              )}
            </Table.Td>
            <Table.Td>
              <NumberInput
                size="xs"
                aria-label={`Weight of ${name}`}
                min={1}
                max={MAX_WEIGHT}
                allowDecimal={false}
                allowNegative={false}
                value={member.weight}
                onChange={(value) => update(index, { weight: typeof value === 'number' ? value : Number(value) || 1 })}
                error={fieldErrorOf(props.error, `members/${index}/weight`)}
              />
            </Table.Td>
            <Table.Td>
              <NumberInput
                size="xs"
                aria-label={`Daily cap of ${name}`}
                placeholder="No cap"
                min={1}
                allowDecimal={false}
                allowNegative={false}
                value={member.daily_cap ?? ''}
                onChange={(value) => update(index, { daily_cap: value === '' ? null : Number(value) })}
                error={fieldErrorOf(props.error, `members/${index}/daily_cap`)}
              />
            </Table.Td>
            <Table.Td>
              <Text size="sm" title="Assigned today (UTC)">
                {member.assigned_today ?? 0}
                {member.daily_cap ? ` / ${member.daily_cap}` : ''}
              </Text>
            </Table.Td>
            <Table.Td>
              <Switch aria-label={`Pause ${name}`} checked={member.paused} onChange={(e) => update(index, { paused: e.currentTarget.checked })} />
            </Table.Td>
            <Table.Td>
              <OrderButtons name={name} index={index} count={members.length} onMove={(by) => move(index, by)} onRemove={() => remove(index)} />
            </Table.Td>
          </Table.Tr>
        );
      })}
    </DataTable>
  );
}
