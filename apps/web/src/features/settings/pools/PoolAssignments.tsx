import type { AssignmentDto } from '@crm/contracts';
import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { usePagedCollection } from '../../../components/paged-collection';
import { Pager } from '../../../components/Pager';
import { queryStateOf } from '../../../components/QueryState';
import { userLabel, useUserNames } from '../use-users';

const RECORD_PATHS = { lead: '/leads', contact: '/contacts', deal: '/deals' } as const;

/** The pool's assignment log, newest first: who got which record, and why (turn, skipped members). */
export function PoolAssignments(props: { poolId: number }) {
  const log = usePagedCollection<AssignmentDto>('/v2/distribution_assignments', { pool_id: props.poolId, per_page: 10 });
  const names = useUserNames(log.rows.map((a) => a.user_id));
  const state = queryStateOf(log.collection, { isEmpty: log.rows.length === 0 && log.page === 1, message: 'Nothing assigned from this pool yet.' });
  return (
    <Stack gap="xs">
      <Title order={4}>Recent assignments</Title>
      {state ?? (
        <>
          <DataTable label="Recent assignments" minWidth={640} nativeScroll fz="sm" columns={['When', 'To', 'Record', 'From', 'Why']}>
            {log.rows.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{new Date(a.created_at).toLocaleString()}</Table.Td>
                <Table.Td>{userLabel(names, a.user_id)}</Table.Td>
                <Table.Td>
                  {a.resource_id ? (
                    <Anchor component={Link} to={`${RECORD_PATHS[a.resource_type]}/${a.resource_id}`}>
                      {a.resource_type} {a.resource_id}
                    </Anchor>
                  ) : (
                    <Text span c="dimmed" size="sm">{a.resource_type}</Text>
                  )}
                </Table.Td>
                <Table.Td>{a.source}</Table.Td>
                <Table.Td>{a.reason}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
          <Pager {...log.pager} />
        </>
      )}
    </Stack>
  );
}
