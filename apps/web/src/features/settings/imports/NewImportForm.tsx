import type { ImportDto, RecordResourceType } from '@crm/contracts';
import { Alert, Button, Checkbox, FileInput, Group, Paper, Progress, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { type SellEnvelope, upload } from '../../../api/client';
import { useApiMutation, useCollection } from '../../../api/queries';
import { FormError } from '../../../components/form-parts';
import { OptionalOwnerField, ownerChoiceOf, ownerErrorOf } from '../../../components/OwnerPicker';
import { ColumnMapping, SKIP, type ColumnTargets } from './ColumnMapping';
import { type CsvPreview, readCsvPreview } from './csv-preview';
import { guessTargets, mappingOf, missingRequiredWarning } from './import-mapping';
import { formatBytes } from './import-job';

const TYPES: { value: RecordResourceType; label: string }[] = [
  { value: 'lead', label: 'Leads' },
  { value: 'contact', label: 'Contacts' },
  { value: 'deal', label: 'Deals' },
];

/**
 * Choose a CSV, see its columns (read in the browser from the first lines only), map them to
 * fields, choose an owner user or pool, and start: the file is streamed to the API as
 * multipart/form-data, options first, as `POST /v2/imports` expects.
 */
export function NewImportForm({ onStarted }: { onStarted: (job: ImportDto) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [type, setType] = useState<RecordResourceType>('lead');
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [targets, setTargets] = useState<ColumnTargets>([]);
  const [owner, setOwner] = useState<string | null>(null);
  const [dedupe, setDedupe] = useState(true);
  /** Share of the file sent while it uploads, 0 to 1. */
  const [sent, setSent] = useState(0);
  const customFields = useCollection<{ name: string }>(`/v2/${type}s/custom_fields`, { per_page: 100 });
  const customNames = (customFields.data?.rows ?? []).map((f) => f.name);
  const customKey = customNames.join('\n');

  useEffect(() => {
    setPreview(null);
    setPreviewError(null);
    if (!file) return;
    let current = true;
    readCsvPreview(file).then(
      (read) => current && setPreview(read),
      (error: Error) => current && setPreviewError(error.message),
    );
    return () => {
      current = false;
    };
  }, [file]);

  // New guesses whenever the columns, the record type or its custom fields change.
  useEffect(() => {
    if (preview) setTargets(guessTargets(preview.header, type, customKey ? customKey.split('\n') : []));
  }, [preview, type, customKey]);

  const start = useApiMutation(() => {
    const form = new FormData();
    form.append('resource_type', type);
    form.append('mapping', JSON.stringify(mappingOf(preview!.header, targets, type, customNames)));
    for (const [field, id] of Object.entries(ownerChoiceOf(owner) ?? {})) form.append(field, String(id));
    if (dedupe && type !== 'deal') form.append('dedupe_key', 'email');
    form.append('file', file!, file!.name); // last: the API reads the options before the file
    setSent(0);
    return upload<SellEnvelope<ImportDto>>('/v2/imports', form, setSent);
  }, [['/v2/imports']]);

  const submit = () =>
    start.mutate(undefined, {
      onSuccess: (started) => {
        onStarted(started.data);
        setFile(null);
      },
    });

  const changeType = (value: string) => {
    setType(value as RecordResourceType);
    // A pool serves one record type: a pool chosen for the old type cannot take the new one.
    if (owner?.startsWith('pool:')) setOwner(null);
  };

  const mapped = targets.filter((t) => t !== SKIP).length;
  const warning = preview && mapped > 0 ? missingRequiredWarning(targets, type) : null;
  const ownerError = ownerErrorOf(start.error);

  return (
    <Paper withBorder p="sm" radius="md" aria-label="New import" component="section">
      <Stack gap="sm">
        <Title order={4}>New import</Title>
        <div>
          <Text size="sm" fw={500} mb={4} id="import-type">Import as</Text>
          <SegmentedControl aria-labelledby="import-type" value={type} onChange={changeType} data={TYPES} />
        </div>
        <FileInput
          label="CSV file"
          description="UTF-8, with a header row naming the columns. Large files are fine: only the first lines are read here."
          placeholder="Choose a .csv file"
          accept=".csv,text/csv"
          value={file}
          onChange={setFile}
          clearable
          error={previewError}
          maw={520}
        />
        {file && !preview && !previewError && <Text size="sm" c="dimmed">Reading the columns…</Text>}
        {preview && (
          <>
            <Text size="sm">
              {file?.name} · {formatBytes(file?.size ?? 0)} · {preview.header.length} columns, {mapped} to import
            </Text>
            <ColumnMapping preview={preview} type={type} customFields={customNames} targets={targets} onChange={setTargets} />
            {mapped === 0 && <Alert color="yellow">Choose at least one column to import.</Alert>}
            {warning && <Alert color="yellow">{warning}</Alert>}
          </>
        )}
        <OptionalOwnerField
          label="Owner of the imported records"
          value={owner}
          onChange={setOwner}
          poolTypes={[type]}
          hint="A user, or a pool that gives each row to its next member in turn. Left empty: you."
          error={start.error}
        />
        {type !== 'deal' && (
          <Checkbox label="Skip rows whose email is already in the CRM" checked={dedupe} onChange={(e) => setDedupe(e.currentTarget.checked)} />
        )}
        <FormError error={ownerError ? null : start.error} title="Not started" />
        <Group>
          <Button onClick={submit} loading={start.isPending} disabled={!file || !preview || mapped === 0}>
            Start import
          </Button>
        </Group>
        {start.isPending && <UploadProgress sent={sent} bytes={file?.size ?? 0} />}
      </Stack>
    </Paper>
  );
}

/** The upload's own bar, before the import's progress takes over. */
function UploadProgress(props: { sent: number; bytes: number }) {
  const percent = Math.round(props.sent * 100);
  return (
    <Stack gap={4} maw={520}>
      <Progress value={percent} aria-label="Upload" animated={percent < 100} />
      <Text size="sm" c="dimmed" aria-live="polite">
        {percent < 100 ? `Uploading ${formatBytes(props.bytes * props.sent)} of ${formatBytes(props.bytes)} (${percent} %)…` : `Uploaded ${formatBytes(props.bytes)}; starting the import…`}
      </Text>
    </Stack>
  );
}
