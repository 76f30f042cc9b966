import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { pagerOf } from '../../../components/paged-collection';
import { Pager } from '../../../components/Pager';
import { queryStateOf } from '../../../components/QueryState';
import { notifyError, notifySuccess } from '../../../components/notify';
import { AddPeopleModal, type NewRecordType } from './AddPeopleModal';
import { RowList, SelectionBar } from './checkable-list';
import { SearchBox } from './SearchBox';
import { SuggestedPersonRow } from './SuggestedPersonRow';
import { plural } from './format';
import { useListParams } from './list-params';
import { usePeopleAction, useSuggestedPeople } from './mailbox-api';
import { usePageSelection } from './use-page-selection';

/**
 * People who wrote to you and are neither leads nor contacts, one row per sender with their
 * email count: add them as leads or contacts, or ignore them — one at a time or the checked ones.
 */
export function SuggestedPeople() {
  const params = useListParams();
  const people = useSuggestedPeople(params.page, params.q);
  const rows = people.data?.rows ?? [];
  const selection = usePageSelection(rows.map((person) => person.email), `${params.page}|${params.q}`);
  const [adding, setAdding] = useState<{ type: NewRecordType; emails: string[] } | null>(null);
  const act = usePeopleAction();

  const unignore = (emails: string[]) =>
    act.mutate({ action: 'unignore', emails }, { onSuccess: () => notifySuccess(`${plural(emails.length, 'person', 'people')} back in Suggested people`), onError: notifyError });

  const ignore = (emails: string[]) =>
    act.mutate(
      { action: 'ignore', emails },
      {
        onSuccess: () => {
          selection.clear();
          const id = `ignored-${Date.now()}`;
          notifications.show({
            id,
            color: 'green',
            message: (
              <Group gap="xs" justify="space-between" wrap="nowrap">
                <Text size="sm">Ignored {emails.length === 1 ? emails[0] : `${emails.length} people`}</Text>
                <Button size="compact-xs" variant="subtle" onClick={() => { notifications.hide(id); unignore(emails); }}>
                  Undo
                </Button>
              </Group>
            ),
          });
        },
        onError: notifyError,
      },
    );

  const none = selection.checked.length === 0 || act.isPending;
  const state = queryStateOf(people, {
    isEmpty: rows.length === 0,
    message: params.q ? `Nobody matches “${params.q}”.` : 'No new people have written to you.',
  });

  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <SelectionBar label="Selected people" selectAllLabel="Select all people on this page" selection={selection} empty={rows.length === 0}>
          <Button size="xs" variant="default" disabled={none} onClick={() => setAdding({ type: 'lead', emails: selection.checked })}>
            Add selected as leads
          </Button>
          <Button size="xs" variant="default" disabled={none} onClick={() => setAdding({ type: 'contact', emails: selection.checked })}>
            Add selected as contacts
          </Button>
          <Button size="xs" variant="default" disabled={none} onClick={() => ignore(selection.checked)}>
            Ignore selected
          </Button>
        </SelectionBar>
        <SearchBox label="Search people" placeholder="Name or address" value={params.q} onSearch={params.setQuery} />
      </Group>

      {state ?? (
        <RowList label="Suggested people" busy={people.isFetching}>
          {rows.map((person) => (
            <SuggestedPersonRow
              key={person.email}
              person={person}
              checked={selection.isChecked(person.email)}
              onCheck={(on) => selection.toggle(person.email, on)}
              onAdd={(type) => setAdding({ type, emails: [person.email] })}
              onIgnore={() => ignore([person.email])}
              busy={act.isPending}
            />
          ))}
        </RowList>
      )}
      <Pager {...pagerOf(people, params.page, params.setPage)} />

      {adding && (
        <AddPeopleModal
          type={adding.type}
          emails={adding.emails}
          onClose={() => setAdding(null)}
          onAdded={() => {
            setAdding(null);
            selection.clear();
          }}
        />
      )}
    </Stack>
  );
}
