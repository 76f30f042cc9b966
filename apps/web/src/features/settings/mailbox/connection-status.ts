import type { MailboxConnectionDto, MailboxConnectionStatus } from '@crm/contracts';

export const STATUS_LABELS: Record<MailboxConnectionStatus, { label: string; color: string }> = {
  connecting: { label: 'Connecting', color: 'blue' },
  syncing: { label: 'Syncing', color: 'blue' },
  idle: { label: 'Up to date', color: 'teal' },
  error: { label: 'Error', color: 'red' },
};

/** Still working towards "up to date": worth asking again soon. */
export function isBusy(connection: MailboxConnectionDto): boolean {
  return connection.status === 'connecting' || connection.status === 'syncing';
}
