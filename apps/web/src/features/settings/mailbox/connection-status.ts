/** `/v2/mailbox_connections`: a user's IMAP mailbox, synced into the Communication Center. */
export interface MailboxConnection {
  id: number;
  user_id: number;
  host: string;
  port: number;
  tls: boolean;
  starttls: boolean;
  username: string;
  sent_folder: string | null;
  status: 'connecting' | 'syncing' | 'idle' | 'error';
  last_error: string | null;
  failures: number;
  last_synced_at: string | null;
  next_sync_at: string;
  folders: { folder: 'inbox' | 'sent'; path: string; synced: number; skipped: number; total: number; updated_at: string }[];
  created_at: string;
}

export const STATUS_LABELS: Record<MailboxConnection['status'], { label: string; color: string }> = {
  connecting: { label: 'Connecting', color: 'blue' },
  syncing: { label: 'Syncing', color: 'blue' },
  idle: { label: 'Up to date', color: 'teal' },
  error: { label: 'Error', color: 'red' },
};

/** Still working towards "up to date": worth asking again soon. */
export function isBusy(connection: MailboxConnection): boolean {
  return connection.status === 'connecting' || connection.status === 'syncing';
}
