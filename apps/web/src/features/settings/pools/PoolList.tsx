import type { DistributionPoolDto } from '@crm/contracts';
import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { DataTable } from '../../../components/DataTable';
import { EditDeleteButtons } from '../../../components/EditDeleteButtons';
import { usePagedCollection } from '../../../components/paged-collection';
import { Pager } from '../../../components/Pager';
import { queryStateOf } from '../../../components/QueryState';
import { useConfirmedAction } from '../../../components/use-confirmed-action';
import { NewPoolModal } from './NewPoolModal';
import { RECORD_TYPE_LABELS } from './pool-types';
import { PoolStatusBadge } from './PoolStatusBadge';

const PER_PAGE = 25;

const COLUMNS = ['Name', 'Records', 'Members', 'Status', { label: <Text component="span" size="sm" fw={700}>Actions</Text> }];

/** Every pool of the account, a page at a time, with create and delete. */
export function PoolList() {
  const [creating, setCreating] = useState(false);
  const pools = usePagedCollection<DistributionPoolDto>('/v2/distribution_pools', { per_page: PER_PAGE });
  const remove = useConfirmedAction({
    run: (pool: DistributionPoolDto) => api.delete(`/v2/distribution_pools/${pool.id}`),
    invalidates: [['/v2/distribution_pools']],
    doneMessage: (pool) => `Pool “${pool.name}” deleted.`,
  });

  const state = queryStateOf(pools.collection, {
    isEmpty: pools.rows.length === 0 && pools.page === 1,
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
          <DataTable label="Distribution pools" minWidth={640} nativeScroll striped highlightOnHover columns={COLUMNS}>
            {pools.rows.map((pool) => (
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
                  <EditDeleteButtons name={`pool ${pool.name}`} editTo={`/settings/pools/${pool.id}`} onDelete={() => remove.ask(pool)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
          <Pager {...pools.pager} />
        </>
      )}
      <NewPoolModal opened={creating} onClose={() => setCreating(false)} />
      <ConfirmModal {...remove.dialog} title="Delete pool" confirmLabel="Delete pool">
        {`Delete “${remove.pending?.name ?? ''}”? Records already assigned keep their owners; forms and imports that name this pool will stop working. This cannot be undone.`}
      </ConfirmModal>
    </Stack>
  );
}
