import type { DistributionPoolDto } from '@crm/contracts';
import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import { useApiMutation, useCollection } from '../../../api/queries';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { notifyError, notifySuccess } from '../../../components/notify';
import { Pager } from '../../../components/Pager';
import { queryStateOf } from '../../../components/QueryState';
import { NewPoolModal } from './NewPoolModal';
import { RECORD_TYPE_LABELS } from './pool-types';
import { PoolStatusBadge } from './PoolStatusBadge';

const PER_PAGE = 25;

/** Every pool of the account, a page at a time, with create and delete. */
export function PoolList() {
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<DistributionPoolDto | null>(null);
  const pools = useCollection<DistributionPoolDto>('/v2/distribution_pools', { page, per_page: PER_PAGE });
  const remove = useApiMutation((id: number) => api.delete(`/v2/distribution_pools/${id}`), [['/v2/distribution_pools']]);

  const confirmDelete = () => {
    if (!deleting) return;
    remove.mutate(deleting.id, {
      onSuccess: () => {
        notifySuccess(`Pool “${deleting.name}” deleted.`);
        setDeleting(null);
      },
      onError: notifyError,
    });
  };

  const rows = pools.data?.rows ?? [];
  const state = queryStateOf(pools, {
    isEmpty: rows.length === 0 && page === 1,
    message: 'No distribution pools yet. A pool hands new records to its members in turn.',
    action: <Button onClick={() => setCreating(true)}>Create the first pool</Button>,
  });

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap">
        <Title order={3}>Distribution pools</Title>
        <Button onClick={() => setCreating(true)}>New pool</Button>
      </Group>
      {state ?? (
        <>
          <Table.ScrollContainer minWidth={640} type="native">
            <Table striped highlightOnHover aria-label="Distribution pools">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Records</Table.Th>
                  <Table.Th>Members</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>
                    <Text component="span" size="sm" fw={700}>Actions</Text>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((pool) => (
                  <Table.Tr key={pool.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/settings/pools/${pool.id}`}>{pool.name}</Anchor>
                    </Table.Td>
                    <Table.Td>{RECORD_TYPE_LABELS[pool.resource_type]}</Table.Td>
                    <Table.Td>
                      {pool.members.length}
                      {pool.members.some((m) => m.paused) && (
                        <Badge ml="xs" size="sm" variant="light" color="yellow">{pool.members.filter((m) => m.paused).length} paused</Badge>
                      )}
                    </Table.Td>
                    <Table.Td><PoolStatusBadge members={pool.members} /></Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button component={Link} to={`/settings/pools/${pool.id}`} size="xs" variant="light" aria-label={`Edit pool ${pool.name}`}>
                          Edit
                        </Button>
                        <Button size="xs" variant="subtle" color="red" aria-label={`Delete pool ${pool.name}`} onClick={() => setDeleting(pool)}>
                          Delete
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager page={page} hasPrev={!!pools.data?.hasPrev} hasNext={!!pools.data?.hasNext} onPage={setPage} busy={pools.isFetching} />
        </>
      )}
      <NewPoolModal opened={creating} onClose={() => setCreating(false)} />
      <ConfirmModal
        opened={deleting !== null}
        title="Delete pool"
        confirmLabel="Delete pool"
        busy={remove.isPending}
        onConfirm={confirmDelete}
        onClose={() => setDeleting(null)}
      >
        {`Delete “${deleting?.name ?? ''}”? Records already assigned keep their owners; forms and imports that name this pool will stop working. This cannot be undone.`}
      </ConfirmModal>
    </Stack>
  );
}
