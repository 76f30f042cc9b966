import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import { useApiMutation, useCollection } from '../../../api/queries';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { notifyError, notifySuccess } from '../../../components/notify';
import { Pager } from '../../../components/Pager';
import { queryStateOf } from '../../../components/QueryState';
import type { LeadForm } from './lead-form-types';
import { useOwnerLabels } from './use-owner-names';

const PER_PAGE = 25;

/** The account's lead-capture forms, a page at a time. */
export function LeadFormList() {
  const [page, setPage] = useState(1);
  const [deleting, setDeleting] = useState<LeadForm | null>(null);
  const forms = useCollection<LeadForm>('/v2/lead_forms', { page, per_page: PER_PAGE });
  const rows = forms.data?.rows ?? [];
  const ownerOf = useOwnerLabels(rows);
  const remove = useApiMutation((id: number) => api.delete(`/v2/lead_forms/${id}`), [['/v2/lead_forms']]);
  const newButton = (
    <Button component={Link} to="/settings/lead-forms/new">
      New form
    </Button>
  );

  const confirmDelete = () => {
    if (!deleting) return;
    remove.mutate(deleting.id, {
      onSuccess: () => {
        notifySuccess(`Form “${deleting.name}” deleted.`);
        setDeleting(null);
      },
      onError: notifyError,
    });
  };

  const state = queryStateOf(forms, {
    isEmpty: rows.length === 0 && page === 1,
    message: 'No lead-capture forms yet. A form on your website creates a lead for each visitor who sends it.',
    action: newButton,
  });

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap">
        <Title order={3}>Lead-capture forms</Title>
        {newButton}
      </Group>
      {state ?? (
        <>
          <Table.ScrollContainer minWidth={640} type="native">
            <Table striped highlightOnHover aria-label="Lead-capture forms">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>New leads go to</Table.Th>
                  <Table.Th>Fields</Table.Th>
                  <Table.Th>Actions</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((form) => (
                  <Table.Tr key={form.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/settings/lead-forms/${form.id}`}>{form.name}</Anchor>
                    </Table.Td>
                    <Table.Td>
                      {form.active ? <Badge color="green" variant="light">Taking submissions</Badge> : <Badge color="gray" variant="light">Off</Badge>}
                    </Table.Td>
                    <Table.Td>{ownerOf(form, 'Default owner')}</Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={1}>{form.fields.map((f) => f.label).join(', ')}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button component={Link} to={`/settings/lead-forms/${form.id}`} size="xs" variant="light" aria-label={`Edit form ${form.name}`}>
                          Edit
                        </Button>
                        <Button size="xs" variant="subtle" color="red" aria-label={`Delete form ${form.name}`} onClick={() => setDeleting(form)}>
                          Delete
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager page={page} hasPrev={!!forms.data?.hasPrev} hasNext={!!forms.data?.hasNext} onPage={setPage} busy={forms.isFetching} />
        </>
      )}
      <ConfirmModal
        opened={deleting !== null}
        title="Delete form"
        confirmLabel="Delete form"
        busy={remove.isPending}
        onConfirm={confirmDelete}
        onClose={() => setDeleting(null)}
      >
        {`Delete “${deleting?.name ?? ''}”? Websites that embed it will get an error when visitors send it. Leads it created stay. This cannot be undone.`}
      </ConfirmModal>
    </Stack>
  );
}
