import type { AssignmentDto } from '@crm/contracts';
import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCollection } from '../../../api/queries';
import { Pager } from '../../../components/Pager';
import { queryStateOf } from '../../../components/QueryState';
import { userLabel, useUserNames } from './use-users';

const RECORD_PATHS = { lead: '/leads', contact: '/contacts', deal: '/deals' } as const;

/** The pool's assignment log, newest first: who got which record, and why (turn, skipped members). */
export function PoolAssignments(props: { poolId: number }) {
  const [page, setPage] = useState(1);
  const log = useCollection<AssignmentDto>('/v2/distribution_assignments', { pool_id: props.poolId, page, per_page: 10 });
  const rows = log.data?.rows ?? [];
  const names = useUserNames(rows.map((a) => a.user_id));
  const state = queryStateOf(log, { isEmpty: rows.length === 0 && page === 1, message: 'Nothing assigned from this pool yet.' });
  return (
    <Stack gap="xs">
      <Title order={4}>Recent assignments</Title>
      {state ?? (
        <>
          <Table.ScrollContainer minWidth={640} type="native">
            <Table aria-label="Recent assignments" fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th>To</Table.Th>
                  <Table.Th>Record</Table.Th>
                  <Table.Th>From</Table.Th>
                  <Table.Th>Why</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((a) => (
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
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager page={page} hasPrev={!!log.data?.hasPrev} hasNext={!!log.data?.hasNext} onPage={setPage} busy={log.isFetching} />
        </>
      )}
    </Stack>
  );
}
