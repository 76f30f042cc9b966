import type { MailboxConnectionDto, MailboxFolderProgress } from '@crm/contracts';
import type { MailboxConnectionRow, MailboxFolderRow } from './mailbox-connections.repository';

/** A connection as the API shows it: every setting but the password. */
export function toMailboxConnectionDto(row: MailboxConnectionRow, folders: MailboxFolderRow[]): MailboxConnectionDto {
  return {
    id: row.id,
    user_id: row.user_id,
    host: row.host,
    port: row.port,
    tls: row.tls,
    starttls: row.starttls,
    username: row.username,
    sent_folder: row.sent_folder,
    status: row.status,
    last_error: row.last_error,
    failures: row.failures,
    last_synced_at: row.last_synced_at ? row.last_synced_at.toISOString() : null,
    next_sync_at: row.next_sync_at.toISOString(),
    folders: folders.filter((folder) => folder.connection_id === row.id).map(toFolderProgress),
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

function toFolderProgress(folder: MailboxFolderRow): MailboxFolderProgress {
  return {
    folder: folder.folder,
    path: folder.path,
    uid_validity: folder.uid_validity,
    last_uid: Number(folder.last_uid),
    synced: folder.synced,
    skipped: folder.skipped,
    total: folder.total,
    updated_at: folder.updated_at.toISOString(),
  };
}
