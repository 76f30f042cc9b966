import type { ContactDto, DealDto } from '@crm/contracts';
import { Anchor, Badge, Button, Card, DataList, Group, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { api, type SellEnvelope } from '../../../api/client';
import { useResource } from '../../../api/queries';
import { notifySuccess } from '../../../components/notify';
import { useSubmission } from '../../../components/use-submission';
import { FIELD_SPECS, formValuesOf, payloadOf, type FieldSpec, type FormValues } from '../forms/field-specs';
import { RecordForm } from '../forms/RecordForm';
import type { Lookups } from '../lookups';
import { CONTACT_KIND, type RecordKind } from '../record-kinds';
import { refreshRecordLists } from '../refresh-lists';
import type { AnyRecord } from '../types';
import { CardHeading } from './CardHeading';

/** A record's details, read, or edited in place (`PUT` of the changed attributes only). */
export function DetailsCard<T extends AnyRecord>(props: { kind: RecordKind<T>; record: T; lookups: Lookups }) {
  const { kind, record, lookups } = props;
  const specs = FIELD_SPECS[kind.type];
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState<FormValues>({});
  const [initial, setInitial] = useState<FormValues>({});
  const submission = useSubmission();

  const edit = () => {
    const current = formValuesOf(record as unknown as Record<string, unknown>, specs);
    setValues(current);
    setInitial(current);
    submission.clear();
    setEditing(true);
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    const data = payloadOf(values, specs, initial);
    if (Object.keys(data).length === 0) return setEditing(false);
    void submission.run(async () => {
      const updated = await api.put<SellEnvelope<T>>(`${kind.apiPath}/${record.id}`, { data });
      client.setQueryData([`${kind.apiPath}/${record.id}`, {}], updated.data);
      await refreshRecordLists(client, kind);
      notifySuccess('Saved');
      setEditing(false);
    });
  };

  return (
    <Card withBorder>
      <CardHeading
        title="Details"
        action={
          !editing && (
            <Button size="xs" variant="light" onClick={edit}>
              Edit details
            </Button>
          )
        }
      />
      {editing ? (
        <RecordForm
          label="Edit details"
          kind={kind}
          values={values}
          onValues={setValues}
          creating={false}
          submission={submission}
          submitLabel="Save"
          onSubmit={save}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <DataList labelWidth={130} gap="xs">
          {readOnlyRows(specs, record as unknown as Record<string, unknown>, lookups)}
        </DataList>
      )}
    </Card>
  );
}

/** A deal's contact by name, linking to its page. */
export function ContactLink({ id }: { id: number | null }) {
  const contact = useResource<ContactDto>(id ? `/v2/contacts/${id}` : null);
  if (!id) return <>—</>;
  return (
    <Anchor component={Link} to={`/contacts/${id}`}>
      {contact.data ? CONTACT_KIND.displayName(contact.data) : `Contact #${id}`}
    </Anchor>
  );
}

function readOnlyRows(specs: FieldSpec[], record: Record<string, unknown>, lookups: Lookups): ReactNode[] {
  const rows: ReactNode[] = [];
  const values = formValuesOf(record, specs);
  const row = (label: string, value: ReactNode) =>
    rows.push(
      <DataList.Item key={label}>
        <DataList.ItemLabel>{label}</DataList.ItemLabel>
        <DataList.ItemValue>{value}</DataList.ItemValue>
      </DataList.Item>,
    );
  const address = specs.filter((s) => s.key.startsWith('address.')).map((s) => values[s.key]).filter(Boolean).join(', ');
  for (const spec of specs) {
    if (spec.key.startsWith('address.') || spec.createOnly || (spec.when && !spec.when(values))) continue;
    const value = values[spec.key];
    if (spec.input === 'owner') row('Owner', lookups.userName(record.owner_id as number));
    else if (spec.input === 'stage') row(spec.label, lookups.stageName(record.stage_id as number));
    else if (spec.input === 'contact') row(spec.label, <ContactLink id={(record as unknown as DealDto).contact_id} />);
    else if (spec.input === 'tags')
      row(
        spec.label,
        (value as string[]).length ? (
          <Group gap={4}>
            {(value as string[]).map((t) => (
              <Badge key={t} variant="outline" tt="none">
                {t}
              </Badge>
            ))}
          </Group>
        ) : (
          '—'
        ),
      );
    else if (spec.input === 'switch') row(spec.label, value ? 'Yes' : 'No');
    else if (spec.input === 'select') row(spec.label, spec.options?.find((o) => o.value === value)?.label ?? (value || '—'));
    else row(spec.label, value ? <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{String(value)}</Text> : '—');
  }
  row('Address', address || '—');
  return rows;
}
