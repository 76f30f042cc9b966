import type { JobDto } from '@crm/contracts';
import { Alert, Button, Group, Modal, Progress, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type SellEnvelope } from '../../../api/client';
import { FormError } from '../../../components/form-parts';
import { ownerChoiceOf, OwnerPicker, type OwnerChoice } from '../../../components/OwnerPicker';
import { errorOf, useSubmission } from '../../../components/use-submission';
import type { RecordKind } from '../record-kinds';
import { refreshRecordLists } from '../refresh-lists';

/**
 * What to reassign: the rows ticked on screen, or everything a smart list matches. The API runs
 * the second as a job (`POST /v2/smart_lists/{id}/bulk_actions`, followed at `/v2/jobs/{id}`); it
 * has no bulk action over arbitrary ids, so ticked rows are reassigned one `PUT` at a time, in
 * order (a pool then hands them out in turn, as it would for the job).
 */
export type ReassignTarget = { kind: 'selected'; ids: number[] } | { kind: 'smart_list'; id: number; name: string; count: number | null };

interface Progress {
  processed: number;
  total: number;
  finished: boolean;
  error: string | null;
}

const JOB_DONE = new Set(['completed', 'failed']);

export function BulkReassignModal(props: { kind: RecordKind; target: ReassignTarget | null; onClose: () => void; onDone: () => void }) {
  const { kind, target } = props;
  const client = useQueryClient();
  const [owner, setOwner] = useState<string | null>(null);
  const [jobId, setJobId] = useState<number | null>(null);
  const [rowProgress, setRowProgress] = useState<Progress | null>(null);
  const starting = useSubmission();

  const job = useQuery({
    queryKey: ['/v2/jobs', jobId],
    queryFn: async () => (await api.get<SellEnvelope<JobDto>>(`/v2/jobs/${jobId}`)).data,
    enabled: jobId !== null,
    refetchInterval: (query) => (query.state.data && JOB_DONE.has(query.state.data.status) ? false : 500),
  });

  const progress: Progress | null =
    jobId !== null
      ? job.data
        ? { processed: job.data.processed, total: job.data.total, finished: JOB_DONE.has(job.data.status), error: job.data.status === 'failed' ? (job.data.error ?? 'The job failed') : null }
        : { processed: 0, total: target?.kind === 'smart_list' ? (target.count ?? 0) : 0, finished: false, error: job.error?.message ?? null }
      : rowProgress;

  const reassignRows = async (ids: number[], choice: OwnerChoice) => {
    let processed = 0;
    setRowProgress({ processed, total: ids.length, finished: false, error: null });
    for (const id of ids) {
      try {
        await api.put(`${kind.apiPath}/${id}`, { data: choice });
      } catch (error) {
        setRowProgress({ processed, total: ids.length, finished: true, error: `Stopped at ${kind.singular} #${id}: ${errorOf(error).message}` });
        return;
      }
      processed += 1;
      setRowProgress({ processed, total: ids.length, finished: processed === ids.length, error: null });
    }
  };

  const start = async () => {
    const choice = ownerChoiceOf(owner);
    if (!target || !choice) return;
    await starting.run(async () => {
      if (target.kind === 'smart_list') {
        const created = await api.post<SellEnvelope<JobDto>>(`/v2/smart_lists/${target.id}/bulk_actions`, { data: { action: 'reassign_owner', ...choice } });
        client.setQueryData(['/v2/jobs', created.data.id], created.data);
        setJobId(created.data.id);
      } else {
        await reassignRows(target.ids, choice);
      }
    });
  };

  const close = () => {
    if (progress) {
      void refreshRecordLists(client, kind);
      if (progress.finished) props.onDone();
    }
    setOwner(null);
    setJobId(null);
    setRowProgress(null);
    starting.clear();
    props.onClose();
  };

  const what =
    target?.kind === 'smart_list'
      ? `every ${kind.singular} in “${target.name}”${target.count !== null ? ` (${target.count} now)` : ''}`
      : `${target?.ids.length ?? 0} selected ${target?.ids.length === 1 ? kind.singular : kind.plural}`;
  // A job runs on the server and may be left to finish; ticked rows are sent from this page, so stay.
  const canClose = !progress || progress.finished || jobId !== null;
  const percent = progress ? (progress.total === 0 ? (progress.finished ? 100 : 0) : Math.round((progress.processed / progress.total) * 100)) : 0;

  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={target !== null}
      onClose={() => canClose && close()}
      title={`Reassign ${kind.plural}`}
      closeOnClickOutside={canClose}
      closeOnEscape={canClose}
      withCloseButton={canClose}
    >
      <Stack>
        <Text size="sm">Reassign {what} to a user, or round robin through a distribution pool.</Text>
        <FormError error={starting.error} />
        {progress === null ? (
          <>
            <OwnerPicker label="New owner" value={owner} onChange={setOwner} poolTypes={[kind.type]} required />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button onClick={() => void start()} disabled={!owner} loading={starting.busy}>
                Reassign
              </Button>
            </Group>
          </>
        ) : (
          <>
            <Progress value={percent} aria-label="Reassignment progress" size="lg" animated={!progress.finished} color={progress.error ? 'red' : undefined} />
            <Text size="sm" role="status" aria-live="polite">
              {progress.finished && !progress.error
                ? `Done: ${progress.processed} of ${progress.total} reassigned.`
                : `Reassigned ${progress.processed} of ${progress.total}…`}
            </Text>
            {progress.error && (
              <Alert color="red" role="alert">
                {progress.error}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button onClick={close} variant={progress.finished ? 'filled' : 'default'} disabled={!canClose}>
                {progress.finished ? 'Done' : 'Hide (keeps running)'}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
