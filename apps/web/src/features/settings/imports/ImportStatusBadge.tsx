import type { ImportStatus } from '@crm/contracts';
import { Badge } from '@mantine/core';

const LOOK: Record<ImportStatus, { color: string; label: string }> = {
  uploading: { color: 'blue', label: 'Uploading' },
  queued: { color: 'blue', label: 'Queued' },
  running: { color: 'blue', label: 'Running' },
  completed: { color: 'green', label: 'Completed' },
  failed: { color: 'red', label: 'Failed' },
};

export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  const look = LOOK[status] ?? { color: 'gray', label: status };
  return <Badge color={look.color} variant="light">{look.label}</Badge>;
}
