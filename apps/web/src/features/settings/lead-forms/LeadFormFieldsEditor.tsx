import type { CustomFieldDto, LeadFormField } from '@crm/contracts';
import { Button, Checkbox, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useCollection } from '../../../api/queries';
import { DataTable } from '../../../components/DataTable';
import { fieldErrorOf } from '../../../components/field-errors';
import { OrderButtons, orderedListEdits } from '../../../components/ordered-list';
import { STANDARD_FIELDS } from './lead-form-types';

const COLUMNS = ['Field', 'Label on the form', { label: 'Required', width: 90 }, { label: 'Order', width: 170 }];

/** `std:email` or `custom:Tier`: one select covers standard attributes and lead custom fields. */
function keyOf(field: Pick<LeadFormField, 'name' | 'custom_field'>): string {
  return `${field.custom_field ? 'custom' : 'std'}:${field.name}`;
}

function defaultLabel(name: string): string {
  return STANDARD_FIELDS.find((f) => f.name === name)?.label ?? name;
}

/**
 * The fields a form asks for, in order: which lead attribute (or custom field), its label, and
 * whether it is required. The API insists on a required last name or company; the hint says so.
 */
export function LeadFormFieldsEditor(props: { fields: LeadFormField[]; onChange: (fields: LeadFormField[]) => void; error: unknown }) {
  const customFields = useCollection<CustomFieldDto>('/v2/leads/custom_fields', { per_page: 100 });
  const { fields } = props;
  const options = [
    { group: 'Lead attributes', items: STANDARD_FIELDS.map((f) => ({ value: `std:${f.name}`, label: f.label })) },
    { group: 'Custom fields', items: (customFields.data?.rows ?? []).map((f) => ({ value: `custom:${f.name}`, label: f.name })) },
  ];
  const used = new Set(fields.map(keyOf));

  const { update, move, remove } = orderedListEdits(fields, props.onChange);
  const choose = (index: number, key: string | null) => {
    if (!key) return;
    const [kind, ...rest] = key.split(':');
    const name = rest.join(':');
    const previousDefault = defaultLabel(fields[index].name);
    // A label the admin never changed follows the field; one they wrote stays.
    const label = fields[index].label === previousDefault || fields[index].label === '' ? defaultLabel(name) : fields[index].label;
    update(index, { name, custom_field: kind === 'custom', label });
  };
  const add = () => {
    const next = STANDARD_FIELDS.find((f) => !used.has(`std:${f.name}`));
    if (next) props.onChange([...fields, { name: next.name, label: next.label, required: false, custom_field: false }]);
  };

  return (
    <>
      <DataTable label="Form fields" minWidth={700} nativeScroll verticalSpacing="xs" columns={COLUMNS}>
        {fields.map((field, index) => {
          const position = `field ${index + 1}`;
          return (
            <Table.Tr key={index}>
              <Table.Td>
                <Select
                  size="xs"
                  aria-label={`Lead field of ${position}`}
                  data={options.map((group) => ({ ...group, items: group.items.filter((o) => o.value === keyOf(field) || !used.has(o.value)) }))}
                  value={keyOf(field)}
                  onChange={(value) => choose(index, value)}
                  allowDeselect={false}
                  searchable
                  error={fieldErrorOf(props.error, `fields/${index}/name`)}
                  comboboxProps={{ withinPortal: true }}
                />
              </Table.Td>
              <Table.Td>
                <TextInput size="xs" aria-label={`Label of ${position}`} value={field.label} onChange={(e) => update(index, { label: e.currentTarget.value })} />
              </Table.Td>
              <Table.Td>
                <Checkbox aria-label={`${position} is required`} checked={field.required} onChange={(e) => update(index, { required: e.currentTarget.checked })} />
              </Table.Td>
              <Table.Td>
                <OrderButtons name={position} index={index} count={fields.length} onMove={(by) => move(index, by)} onRemove={() => remove(index)} removeDisabled={fields.length === 1} />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </DataTable>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="xs" c={fieldErrorOf(props.error, 'fields') ? 'red' : 'dimmed'}>
          {fieldErrorOf(props.error, 'fields') ?? 'Every lead needs a last name or a company: require one of them.'}
        </Text>
        <Button size="xs" variant="light" onClick={add} disabled={STANDARD_FIELDS.every((f) => used.has(`std:${f.name}`))}>
          Add field
        </Button>
      </Group>
    </>
  );
}
