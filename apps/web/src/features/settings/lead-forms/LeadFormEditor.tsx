import type { LeadFormField } from '@crm/contracts';
import { Anchor, Button, Grid, Group, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, type SellEnvelope } from '../../../api/client';
import { useApiMutation, useResource } from '../../../api/queries';
import { fieldErrorOf } from '../../../components/field-errors';
import { FormError } from '../../../components/form-parts';
import { notifySuccess } from '../../../components/notify';
import { OptionalOwnerField, ownerChoiceOf, ownerValueOf } from '../../../components/OwnerPicker';
import { QueryStateView, queryStateOf } from '../../../components/QueryState';
import { EmbedSnippet } from './EmbedSnippet';
import { type LeadForm, NEW_FORM_FIELDS } from './lead-form-types';
import { LeadFormFieldsEditor } from './LeadFormFieldsEditor';

/** /settings/lead-forms/new and /settings/lead-forms/:formId (the form, then its embed snippet). */
export function LeadFormEditor() {
  const { formId } = useParams();
  const id = formId === undefined ? null : Number(formId);
  const valid = id === null || (Number.isInteger(id) && id > 0);
  const form = useResource<LeadForm>(valid && id !== null ? `/v2/lead_forms/${id}` : null);
  const back = <Anchor component={Link} to="/settings/lead-forms" size="sm">← All forms</Anchor>;
  if (!valid) return <QueryStateView kind="empty" message="There is no such form." action={back} />;
  if (id === null) return <LeadFormDetails back={back} />;
  const state = queryStateOf(form, { isEmpty: false, message: '' });
  if (state) return <Stack gap="sm">{back}{state}</Stack>;
  return <LeadFormDetails key={form.data!.updated_at} form={form.data!} back={back} />;
}

function LeadFormDetails({ form, back }: { form?: LeadForm; back: ReactNode }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const [name, setName] = useState(form?.name ?? '');
  const [active, setActive] = useState(form?.active ?? true);
  const [owner, setOwner] = useState<string | null>(ownerValueOf(form ?? {}));
  const [redirectUrl, setRedirectUrl] = useState(form?.redirect_url ?? '');
  const [fields, setFields] = useState<LeadFormField[]>(form?.fields ?? NEW_FORM_FIELDS);

  const save = useApiMutation(() => {
    const data = {
      name,
      active,
      fields,
      // Both sent, one null: switching from a user to a pool (or to neither) clears the other.
      owner_id: null,
      owner_pool_id: null,
      ...ownerChoiceOf(owner),
      redirect_url: redirectUrl.trim() || null,
    };
    return form ? api.put<SellEnvelope<LeadForm>>(`/v2/lead_forms/${form.id}`, { data }) : api.post<SellEnvelope<LeadForm>>('/v2/lead_forms', { data });
  }, [['/v2/lead_forms']]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(undefined, {
      onSuccess: (saved) => {
        client.setQueryData([`/v2/lead_forms/${saved.data.id}`, {}], saved.data);
        notifySuccess(form ? `Form “${saved.data.name}” saved.` : `Form “${saved.data.name}” created: copy its snippet below.`);
        if (!form) navigate(`/settings/lead-forms/${saved.data.id}`, { replace: true });
      },
    });
  };
  const known = ['name', 'redirect_url', 'fields', 'owner_id', 'owner_pool_id'].some((f) => fieldErrorOf(save.error, f));

  return (
    <Stack gap="md">
      {back}
      <Title order={3}>{form ? form.name : 'New lead-capture form'}</Title>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, xl: form ? 6 : 12 }}>
          <Paper withBorder p="sm" radius="md" component="form" onSubmit={submit} aria-label="Form settings">
            <Stack gap="sm">
              <TextInput label="Form name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldErrorOf(save.error, 'name')} description="Also tags every lead it creates." />
              <Switch label="Taking submissions" checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
              <OptionalOwnerField
                label="New leads go to"
                value={owner}
                onChange={setOwner}
                poolTypes={['lead']}
                hint="A user, or a lead pool that hands each new lead to its next member. Left empty: the account’s default owner for forms, else you."
                error={save.error}
              />
              <TextInput
                label="After sending, go to (optional)"
                placeholder="https://example.com/thanks"
                value={redirectUrl}
                onChange={(e) => setRedirectUrl(e.currentTarget.value)}
                error={fieldErrorOf(save.error, 'redirect_url')}
              />
              <Text size="sm" fw={500}>Fields</Text>
              <LeadFormFieldsEditor fields={fields} onChange={setFields} error={save.error} />
              <FormError error={known ? null : save.error} title="Not saved" />
              <Group>
                <Button type="submit" loading={save.isPending}>{form ? 'Save form' : 'Create form'}</Button>
              </Group>
            </Stack>
          </Paper>
        </Grid.Col>
        {form && (
          <Grid.Col span={{ base: 12, xl: 6 }}>
            <EmbedSnippet form={form} />
          </Grid.Col>
        )}
      </Grid>
    </Stack>
  );
}
