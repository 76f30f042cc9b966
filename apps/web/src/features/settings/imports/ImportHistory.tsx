import { Anchor, Button, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useCollection } from '../../../api/queries';
import { Pager } from '../../../components/Pager';
import { queryStateOf } from '../../../components/QueryState';
import { useOwnerLabels } from '../lead-forms/use-owner-names';
import type { ImportDto } from '@crm/contracts';
import { errorReportUrl, formatBytes, isFinished } from './import-job';
import { ImportStatusBadge } from './ImportStatusBadge';

const PER_PAGE = 10;

/** Past imports, newest first; refreshed every few seconds while one of them is still running. */
export function ImportHistory(props: { onFollow: (id: number) => void }) {
  const [page, setPage] = useState(1);
  const [live, setLive] = useState(false);
  const imports = useCollection<ImportDto>('/v2/imports', { page, per_page: PER_PAGE }, { refetchInterval: live ? 3000 : undefined });
  const rows = imports.data?.rows ?? [];
  const running = rows.some((job) => !isFinished(job));
  useEffect(() => setLive(running), [running]);
  const ownerOf = useOwnerLabels(rows);
  const state = queryStateOf(imports, { isEmpty: rows.length === 0 && page === 1, message: 'No imports yet.' });

  return (
    <Stack gap="xs" component="section" aria-label="Past imports">
      <Title order={4}>Past imports</Title>
      {state ?? (
        <>
          <Table.ScrollContainer minWidth={820} type="native">
            <Table aria-label="Imports" striped fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>#</Table.Th>
                  <Table.Th>Started</Table.Th>
                  <Table.Th>Records</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th w={140}>Progress</Table.Th>
                  <Table.Th>Created / failed / skipped</Table.Th>
                  <Table.Th>Owner</Table.Th>
                  <Table.Th>Errors</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((job) => (
                  <Table.Tr key={job.id}>
                    <Table.Td>{job.id}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{new Date(job.created_at).toLocaleString()}</Text>
                      <Text size="xs" c="dimmed">{formatBytes(job.bytes)}</Text>
                    </Table.Td>
                    <Table.Td>{job.resource_type}s</Table.Td>
                    <Table.Td miw={120}><ImportStatusBadge status={job.status} /></Table.Td>
                    <Table.Td>
                      <Progress value={Math.round(job.progress * 100)} color={job.status === 'failed' ? 'red' : isFinished(job) ? 'green' : undefined} aria-label={`Progress of import ${job.id}`} />
                    </Table.Td>
                    <Table.Td>
                      {job.rows_created.toLocaleString()} / {job.rows_failed.toLocaleString()} / {job.rows_skipped.toLocaleString()}
                      {job.error && <Text size="xs" c="red" lineClamp={2}>{job.error}</Text>}
                    </Table.Td>
                    <Table.Td>{ownerOf(job, 'Creator')}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        {job.rows_failed > 0 ? (
                          <Anchor href={errorReportUrl(job.id)} download={`import-${job.id}-errors.csv`} size="sm" aria-label={`Error report of import ${job.id}`}>
                            Error report
                          </Anchor>
                        ) : (
                          <Text size="sm" c="dimmed">None</Text>
                        )}
                        {!isFinished(job) && (
                          <Button size="compact-xs" variant="subtle" onClick={() => props.onFollow(job.id)}>Follow</Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager page={page} hasPrev={!!imports.data?.hasPrev} hasNext={!!imports.data?.hasNext} onPage={setPage} busy={imports.isFetching} />
        </>
      )}
    </Stack>
  );
}
