import type { DistributionPoolDto } from '@crm/contracts';
import { Anchor, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, type SellEnvelope } from '../../../api/client';
import { useApiMutation, useResource } from '../../../api/queries';
import { fieldErrorOf } from '../../../components/field-errors';
import { FormError } from '../../../components/form-parts';
import { notifySuccess } from '../../../components/notify';
import { QueryStateView, queryStateOf } from '../../../components/QueryState';
import { AddMemberSelect } from './AddMemberSelect';
import { PoolAssignments } from './PoolAssignments';
import { PoolMembersTable } from './PoolMembersTable';
import { type MemberDraft, membersPayload, RECORD_TYPE_LABELS } from './pool-types';
import { PoolStatusBadge } from './PoolStatusBadge';
import { useUserNames } from '../use-users';

/** /settings/pools/:poolId — loads the pool, then edits a draft of it until Save. */
export function PoolEditor() {
  const poolId = Number(useParams().poolId);
  const valid = Number.isInteger(poolId) && poolId > 0;
  const pool = useResource<DistributionPoolDto>(valid ? `/v2/distribution_pools/${poolId}` : null);
  const back = <Anchor component={Link} to="/settings/pools" size="sm">← All pools</Anchor>;
  if (!valid) return <QueryStateView kind="empty" message="There is no such pool." action={back} />;
  const state = queryStateOf(pool, { isEmpty: false, message: '' });
  if (state) return <Stack gap="sm">{back}{state}</Stack>;
  // Keyed by the saved version: after a save (or someone else's), the draft starts again from it.
  return <PoolForm key={pool.data!.updated_at} pool={pool.data!} back={back} />;
}

function draftOf(pool: DistributionPoolDto): MemberDraft[] {
  return [...pool.members].sort((a, b) => a.position - b.position).map((m) => ({ ...m }));
}

function PoolForm({ pool, back }: { pool: DistributionPoolDto; back: ReactNode }) {
  const client = useQueryClient();
  const [name, setName] = useState(pool.name);
  const [members, setMembers] = useState<MemberDraft[]>(() => draftOf(pool));
  const names = useUserNames(members.map((m) => m.user_id));
  const original = useMemo(() => JSON.stringify({ name: pool.name, members: membersPayload(draftOf(pool)) }), [pool]);
  const dirty = JSON.stringify({ name, members: membersPayload(members) }) !== original;

  const save = useApiMutation(
    () => api.put<SellEnvelope<DistributionPoolDto>>(`/v2/distribution_pools/${pool.id}`, { data: { name, members: membersPayload(members) } }),
    [['/v2/distribution_pools']],
  );
  const submit = () =>
    save.mutate(undefined, {
      onSuccess: (saved) => {
        client.setQueryData([`/v2/distribution_pools/${pool.id}`, {}], saved.data);
        notifySuccess(`Pool “${saved.data.name}” saved.`);
      },
    });
  const discard = () => {
    setName(pool.name);
    setMembers(draftOf(pool));
    save.reset();
  };

  const allPaused = members.length > 0 && members.every((m) => m.paused);
  const setAllPaused = (paused: boolean) => setMembers((list) => list.map((m) => ({ ...m, paused })));
  const nameError = fieldErrorOf(save.error, 'name');

  return (
    <Stack gap="md">
      {back}
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="sm">
          <Title order={3}>{pool.name}</Title>
          <PoolStatusBadge members={members} />
        </Group>
        <Text size="sm" c="dimmed">Distributes {RECORD_TYPE_LABELS[pool.resource_type].toLowerCase()} in turn (weighted round robin)</Text>
      </Group>

      <TextInput label="Pool name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={nameError} maw={420} />

      <Paper withBorder p="sm" radius="md">
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Title order={4}>Members</Title>
            <Group gap="xs">
              <Button size="xs" variant="light" color={allPaused ? 'green' : 'yellow'} disabled={members.length === 0} onClick={() => setAllPaused(!allPaused)}>
                {allPaused ? 'Resume pool' : 'Pause pool'}
              </Button>
            </Group>
          </Group>
          <Text size="xs" c="dimmed">
            Records go to members in this order. A member with weight 2 gets twice as many as one with weight 1; paused
            members, inactive users and members at their daily cap (UTC) are skipped.
          </Text>
          <PoolMembersTable members={members} names={names} onChange={setMembers} error={save.error} />
          <AddMemberSelect exclude={members.map((m) => m.user_id)} onAdd={(user_id) => setMembers((list) => [...list, { user_id, weight: 1, paused: false, daily_cap: null, active: true }])} />
        </Stack>
      </Paper>

      <FormError error={nameError ? null : save.error} title="Not saved" />
      <Group gap="sm">
        <Button onClick={submit} loading={save.isPending} disabled={!dirty}>Save changes</Button>
        <Button variant="default" onClick={discard} disabled={!dirty || save.isPending}>Discard changes</Button>
        {dirty && <Text size="sm" c="dimmed" aria-live="polite">Unsaved changes</Text>}
      </Group>

      <PoolAssignments poolId={pool.id} />
    </Stack>
  );
}
