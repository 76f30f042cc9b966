import type { MailboxAction, MailboxEmailDto, MailboxTab } from '@crm/contracts';
import { Button, Group, Stack, Switch } from '@mantine/core';
import { pagerOf } from '../../../components/paged-collection';
import { Pager } from '../../../components/Pager';
import { queryStateOf } from '../../../components/QueryState';
import { notifyError, notifySuccess } from '../../../components/notify';
import { RowList, SelectionBar } from './checkable-list';
import { EmailRow } from './EmailRow';
import { SearchBox } from './SearchBox';
import { plural } from './format';
import { useRecordNames } from './linked-records';
import { useListParams } from './list-params';
import { useEmailAction, useMailboxEmails } from './mailbox-api';
import { usePageSelection } from './use-page-selection';

const EMPTY: Record<MailboxTab, string> = {
  inbox: 'No emails from your leads and contacts yet.',
  suggested: 'No emails from new people.',
  sent: 'Nothing sent yet.',
  archived: 'Nothing archived.',
};

const DONE: Record<MailboxAction, string> = {
  mark_read: 'marked read',
  mark_unread: 'marked unread',
  archive: 'archived',
  unarchive: 'moved back from Archived',
};

/** Inbox, Sent or Archived: one page of emails with checkboxes, bulk actions and search. */
export function EmailList({ tab }: { tab: MailboxTab }) {
  const params = useListParams();
  const emails = useMailboxEmails(tab, params.page, params.q, params.unreadOnly);
  const rows = emails.data?.rows ?? [];
  const selection = usePageSelection(rows.map((row) => row.id), `${tab}|${params.page}|${params.q}|${params.unreadOnly}`);
  const nameOf = useRecordNames(rows.flatMap((row) => row.resources));
  const act = useEmailAction();

  const bulk = (action: MailboxAction) => {
    const ids = selection.checked;
    act.mutate(
      { action, ids },
      {
        onSuccess: () => {
          notifySuccess(`${plural(ids.length, 'email')} ${DONE[action]}`);
          if (action === 'archive' || action === 'unarchive') selection.clear();
        },
        onError: notifyError,
      },
    );
  };

  // Opening an unread email reads it, as in any mail client.
  const opened = (email: MailboxEmailDto) => {
    if (!email.read) act.mutate({ action: 'mark_read', ids: [email.id] }, { onError: notifyError });
  };

  const hrefOf = (email: MailboxEmailDto) => `/communication-center/email/${tab}/${email.id}${params.search ? `?${params.search}` : ''}`;
  const none = selection.checked.length === 0 || act.isPending;
  const state = queryStateOf(emails, {
    isEmpty: rows.length === 0,
    message: params.q ? `No emails match “${params.q}”.` : params.unreadOnly ? 'No unread emails.' : EMPTY[tab],
  });

  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <SelectionBar label="Selected emails" selectAllLabel="Select all emails on this page" selection={selection} empty={rows.length === 0}>
          {tab !== 'sent' && (
            <>
              <Button size="xs" variant="default" disabled={none} onClick={() => bulk('mark_read')}>
                Mark read
              </Button>
              <Button size="xs" variant="default" disabled={none} onClick={() => bulk('mark_unread')}>
                Mark unread
              </Button>
            </>
          )}
          {tab === 'archived' ? (
            <Button size="xs" variant="default" disabled={none} onClick={() => bulk('unarchive')}>
              Unarchive
            </Button>
          ) : (
            <Button size="xs" variant="default" disabled={none} onClick={() => bulk('archive')}>
              Archive
            </Button>
          )}
        </SelectionBar>
        <Group gap="sm" wrap="wrap" w={{ base: '100%', sm: 'auto' }}>
          {tab !== 'sent' && (
            <Switch label="Unread only" checked={params.unreadOnly} onChange={(event) => params.setUnreadOnly(event.currentTarget.checked)} />
          )}
          <SearchBox label="Search emails" placeholder="Address or words" value={params.q} onSearch={params.setQuery} />
        </Group>
      </Group>

      {state ?? (
        <RowList label="Emails" busy={emails.isFetching}>
          {rows.map((email) => (
            <EmailRow
              key={email.id}
              email={email}
              tab={tab}
              href={hrefOf(email)}
              checked={selection.isChecked(email.id)}
              onCheck={(on) => selection.toggle(email.id, on)}
              onOpen={() => opened(email)}
              nameOf={nameOf}
            />
          ))}
        </RowList>
      )}
      <Pager {...pagerOf(emails, params.page, params.setPage)} />
    </Stack>
  );
}
