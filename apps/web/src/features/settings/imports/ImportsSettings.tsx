import { Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { ImportHistory } from './ImportHistory';
import { ImportProgress } from './ImportProgress';
import { NewImportForm } from './NewImportForm';

/** Settings → Imports: a new CSV import, the one being followed, and the history. */
export default function ImportsSettings() {
  const [following, setFollowing] = useState<number | null>(null);
  return (
    <Stack gap="md">
      <Title order={3}>Imports</Title>
      <NewImportForm onStarted={(job) => setFollowing(job.id)} />
      {following !== null && <ImportProgress key={following} importId={following} />}
      <ImportHistory onFollow={setFollowing} />
    </Stack>
  );
}
