import type { ImportDto } from '@crm/contracts';
import { Anchor, Button, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { DataTable } from '../../../components/DataTable';
import { usePagedCollection } from '../../../components/paged-collection';
import { Pager } from '../../../components/Pager';
import { queryStateOf } from '../../../components/QueryState';
import { useOwnerLabels } from '../use-owner-labels';
import { errorReportUrl, formatBytes, isFinished } from './import-job';
import { ImportStatusBadge } from './ImportStatusBadge';

const PER_PAGE = 10;

const COLUMNS = ['#', 'Started', 'Records', 'Status', { label: 'Progress', width: 140 }, 'Created / failed / skipped', 'Owner', 'Errors'];

/** Past imports, newest first; refreshed every few seconds while one of them is still running. */
export function ImportHistory(props: { onFollow: (id: number) => void }) {
  const [live, setLive] = useState(false);
  const imports = usePagedCollection<ImportDto>('/v2/imports', { per_page: PER_PAGE }, { refetchInterval: live ? 3000 : undefined });
  const rows = imports.rows;
  const running = rows.some((job) => !isFinished(job));
  useEffect(() => setLive(running), [running]);
  const ownerOf = useOwnerLabels(rows);
  const state = queryStateOf(imports.collection, { isEmpty: rows.length === 0 && imports.page === 1, message: 'No imports yet.' });

  return (
    <Stack gap="xs" component="section" aria-label="Past imports">
      <Title order={4}>Past imports</Title>
      {state ?? (
        <>
          <DataTable label="Imports" minWidth={820} nativeScroll striped fz="sm" columns={COLUMNS}>
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
          </DataTable>
          <Pager {...imports.pager} />
        </>
      )}
    </Stack>
  );
}
