import { ActionIcon, Badge, Button, Group, NumberInput, Switch, Table, Text } from '@mantine/core';
import { fieldErrorOf } from '../../../components/field-errors';
import type { MemberDraft } from './pool-types';
import { userLabel } from './use-users';

/** Bounds the API enforces, shown on the inputs so a wrong value is seen before Save. */
const MAX_WEIGHT = 100;

/**
 * The ordered members of a pool draft: weight, daily cap, pause, order (up/down buttons, which
 * work from the keyboard) and remove. Changes stay in the draft until the editor saves.
 */
export function PoolMembersTable(props: { members: MemberDraft[]; names: Map<number, string>; onChange: (members: MemberDraft[]) => void; error: unknown }) {
  const { members, names } = props;
  if (members.length === 0) return <Text c="dimmed" size="sm">No members yet: add users below. A pool without members cannot take records.</Text>;

  const update = (index: number, change: Partial<MemberDraft>) => props.onChange(members.map((m, i) => (i === index ? { ...m, ...change } : m)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...members];
    [next[index], next[index + by]] = [next[index + by], next[index]];
    props.onChange(next);
  };
  const remove = (index: number) => props.onChange(members.filter((_, i) => i !== index));

  return (
    <Table.ScrollContainer minWidth={760} type="native">
      <Table aria-label="Pool members" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>#</Table.Th>
            <Table.Th>Member</Table.Th>
            <Table.Th w={110}>Weight</Table.Th>
            <Table.Th w={130}>Daily cap</Table.Th>
            <Table.Th w={90}>Today</Table.Th>
            <Table.Th w={90}>Paused</Table.Th>
            <Table.Th w={170}>Order</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
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
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon variant="default" aria-label={`Move ${name} up`} disabled={index === 0} onClick={() => move(index, -1)}>
                      ↑
                    </ActionIcon>
                    <ActionIcon variant="default" aria-label={`Move ${name} down`} disabled={index === members.length - 1} onClick={() => move(index, 1)}>
                      ↓
                    </ActionIcon>
                    <Button size="compact-xs" variant="subtle" color="red" aria-label={`Remove ${name}`} onClick={() => remove(index)}>
                      Remove
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
