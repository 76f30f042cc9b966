import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { DataTable } from '../../../components/DataTable';
import { EditDeleteButtons } from '../../../components/EditDeleteButtons';
import { usePagedCollection } from '../../../components/paged-collection';
import { Pager } from '../../../components/Pager';
import { queryStateOf } from '../../../components/QueryState';
import { useConfirmedAction } from '../../../components/use-confirmed-action';
import { useOwnerLabels } from '../use-owner-labels';
import type { LeadForm } from './lead-form-types';

const PER_PAGE = 25;

/** The account's lead-capture forms, a page at a time. */
export function LeadFormList() {
  const forms = usePagedCollection<LeadForm>('/v2/lead_forms', { per_page: PER_PAGE });
  const ownerOf = useOwnerLabels(forms.rows);
  const remove = useConfirmedAction({
    run: (form: LeadForm) => api.delete(`/v2/lead_forms/${form.id}`),
    invalidates: [['/v2/lead_forms']],
    doneMessage: (form) => `Form “${form.name}” deleted.`,
  });
  const newButton = (
    <Button component={Link} to="/settings/lead-forms/new">
      New form
    </Button>
  );

  const state = queryStateOf(forms.collection, {
    isEmpty: forms.rows.length === 0 && forms.page === 1,
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
          <DataTable label="Lead-capture forms" minWidth={640} nativeScroll striped highlightOnHover columns={['Name', 'Status', 'New leads go to', 'Fields', 'Actions']}>
            {forms.rows.map((form) => (
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
                  <EditDeleteButtons name={`form ${form.name}`} editTo={`/settings/lead-forms/${form.id}`} onDelete={() => remove.ask(form)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
          <Pager {...forms.pager} />
        </>
      )}
      <ConfirmModal {...remove.dialog} title="Delete form" confirmLabel="Delete form">
        {`Delete “${remove.pending?.name ?? ''}”? Websites that embed it will get an error when visitors send it. Leads it created stay. This cannot be undone.`}
      </ConfirmModal>
    </Stack>
  );
}
