import type { MailboxCountsDto, MailboxEmailDto, SuggestedPersonDto } from '@crm/contracts';
import { iso } from '../../common/time';
import type { MailboxCountsRow, MailboxEmailRow } from './mailbox-tabs.repository';
import type { SuggestedPersonRow } from './suggested-people.repository';

const SNIPPET_CHARS = 200;

export function toMailboxEmailDto(row: MailboxEmailRow): MailboxEmailDto {
  const crm = row.source === 'crm';
  const tracked = crm && row.tracked;
  return {
    id: row.email_id,
    message_id: row.message_id,
    direction: row.direction,
    source: row.source,
    subject: row.subject,
    snippet: snippetOf(row.text_start),
    from: row.from_address,
    to: row.to_addresses,
    cc: row.cc_addresses,
    date: iso(row.date),
    user_id: row.user_id,
    attachments: row.attachments,
    resources: row.links,
    folder: row.folder,
    read: row.read_at !== null,
    archived: row.archived_at !== null,
    sent_from_crm: crm,
    sent_at: tracked ? iso(row.sent_at) : null,
    opened: tracked ? (row.open_count ?? 0) > 0 : null,
    open_count: tracked ? (row.open_count ?? 0) : null,
    last_opened_at: tracked ? iso(row.last_opened_at) : null,
  };
}

export function toMailboxCountsDto(row: MailboxCountsRow): MailboxCountsDto {
  return {
    inbox: { total: row.inbox_total, unread: row.inbox_unread },
    suggested: { total: row.suggested_total, unread: row.suggested_unread },
    sent: { total: row.sent_total },
    archived: { total: row.archived_total },
  };
}

export function toSuggestedPersonDto(row: SuggestedPersonRow): SuggestedPersonDto {
  return {
    email: row.email,
    name: row.name,
    message_count: row.message_count,
    unread_count: row.unread_count,
    last_message: { id: row.last_email_id, subject: row.last_subject, date: iso(row.last_date) },
  };
}

function snippetOf(text: string | null): string | null {
  if (text === null) return null;
  const collapsed = text.replace(/\s+/g, ' ').trim();
  return collapsed.length > SNIPPET_CHARS ? `${collapsed.slice(0, SNIPPET_CHARS - 1)}…` : collapsed;
}
