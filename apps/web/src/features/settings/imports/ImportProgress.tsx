import type { ImportDto } from '@crm/contracts';
import { Alert, Anchor, Badge, Button, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { api, type SellEnvelope } from '../../../api/client';
import { QueryStateView } from '../../../components/QueryState';
import { errorReportUrl, formatBytes, isFinished } from './import-job';
import { ImportStatusBadge } from './ImportStatusBadge';

const POLL_MS = 1000;
const RECORD_PATHS = { lead: '/leads', contact: '/contacts', deal: '/deals' } as const;

/** One import followed until it is done: the API's progress every second, then the outcome. */
export function ImportProgress({ importId }: { importId: number }) {
  const client = useQueryClient();
  const job = useQuery({
    queryKey: [`/v2/imports/${importId}`, {}],
    queryFn: async () => (await api.get<SellEnvelope<ImportDto>>(`/v2/imports/${importId}`)).data,
    refetchInterval: (query) => (query.state.data && isFinished(query.state.data) ? false : POLL_MS),
  });
  const finished = !!job.data && isFinished(job.data);
  useEffect(() => {
    // The history shows the outcome as soon as the import ends.
    if (finished) void client.invalidateQueries({ queryKey: ['/v2/imports'] });
  }, [finished, client]);

  if (job.isPending) return <QueryStateView kind="loading" label="Starting the import…" />;
  if (job.error && !job.data) return <QueryStateView kind="error" message={job.error.message} onRetry={() => void job.refetch()} />;
  const data = job.data!;
  const percent = Math.round(data.progress * 100);

  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label={`Import ${data.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs">
            <Title order={4}>Import #{data.id}</Title>
            <ImportStatusBadge status={data.status} />
          </Group>
          <Text size="sm" c="dimmed">{formatBytes(data.bytes)}</Text>
        </Group>
        <Progress.Root size="xl" aria-label="Import progress">
          <Progress.Section value={percent} color={data.status === 'failed' ? 'red' : finished ? 'green' : undefined} animated={!finished} aria-label="Import progress">
            <Progress.Label>{percent}%</Progress.Label>
          </Progress.Section>
        </Progress.Root>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
          <Counter label="Rows read" value={data.rows_read} />
          <Counter label="Created" value={data.rows_created} color="green" />
          <Counter label="Failed" value={data.rows_failed} color={data.rows_failed ? 'red' : undefined} />
          <Counter label="Skipped (duplicates)" value={data.rows_skipped} />
        </SimpleGrid>
        {job.error && <Alert color="yellow">Progress could not be refreshed: {job.error.message}</Alert>}
        {data.status === 'failed' && data.error && <Alert color="red" role="alert" title="The import stopped">{data.error}</Alert>}
        {finished && (
          <Group gap="sm">
            {data.rows_failed > 0 && (
              <Button component="a" href={errorReportUrl(data.id)} download={`import-${data.id}-errors.csv`} variant="light" color="red">
                Download error report ({data.rows_failed} rows)
              </Button>
            )}
            {data.rows_created > 0 && (
              <Anchor component={Link} to={RECORD_PATHS[data.resource_type]}>
                See the {data.resource_type}s
              </Anchor>
            )}
          </Group>
        )}
        {!finished && data.rows_failed > 0 && (
          <Anchor href={errorReportUrl(data.id)} download size="sm">
            Errors so far ({data.rows_failed})
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}

function Counter(props: { label: string; value: number; color?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{props.label}</Text>
      <Badge size="lg" variant="light" color={props.color ?? 'gray'} aria-label={`${props.label}: ${props.value}`}>
        {props.value.toLocaleString()}
      </Badge>
    </div>
  );
}
