import type { RecordResourceType } from '@crm/contracts';
import { Select, SimpleGrid, Switch, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { OwnerPicker } from '../../../components/OwnerPicker';
import { stageOptions, useLookups, useTagNames } from '../lookups';
import { ContactPicker } from './ContactPicker';
import type { FieldSpec, FormValue, FormValues } from './field-specs';

/** The inputs of a record form, laid out two per row on a wide screen and one per row on a phone. */
export function RecordFields(props: {
  type: RecordResourceType;
  specs: FieldSpec[];
  values: FormValues;
  onChange: (key: string, value: FormValue) => void;
  errors: Record<string, string>;
  creating: boolean;
}) {
  const { values, onChange, errors } = props;
  const lookups = useLookups();
  const tagNames = useTagNames(props.type);
  const visible = props.specs.filter((s) => (!s.when || s.when(values)) && (props.creating || !s.createOnly));

  const input = (spec: FieldSpec) => {
    const common = { label: spec.label, required: spec.required, error: errors[spec.key] };
    const text = typeof values[spec.key] === 'string' ? (values[spec.key] as string) : '';
    switch (spec.input) {
      case 'textarea':
        return <Textarea {...common} autosize minRows={2} value={text} onChange={(e) => onChange(spec.key, e.currentTarget.value)} />;
      case 'select': {
        // A value outside the usual choices (a lead status set through the API) is still offered.
        const options = spec.options ?? [];
        const data = text && !options.some((o) => o.value === text) ? [...options, { value: text, label: text }] : options;
        return <Select {...common} data={data} value={text || null} onChange={(v) => onChange(spec.key, v ?? '')} allowDeselect={false} comboboxProps={{ withinPortal: true }} />;
      }
      case 'tags':
        return (
          <TagsInput
            {...common}
            data={tagNames}
            value={(values[spec.key] as string[]) ?? []}
            onChange={(v) => onChange(spec.key, v)}
            placeholder="Type a tag and press Enter"
            clearable
            comboboxProps={{ withinPortal: true }}
          />
        );
      case 'switch':
        return <Switch label={spec.label} mt="lg" checked={values[spec.key] === true} onChange={(e) => onChange(spec.key, e.currentTarget.checked)} />;
      case 'date':
        return <TextInput {...common} type="date" value={text} onChange={(e) => onChange(spec.key, e.currentTarget.value)} />;
      case 'decimal':
        return <TextInput {...common} inputMode="decimal" value={text} onChange={(e) => onChange(spec.key, e.currentTarget.value)} />;
      case 'stage':
        return (
          <Select
            {...common}
            data={stageOptions(lookups)}
            value={text || null}
            onChange={(v) => onChange(spec.key, v ?? '')}
            placeholder="The first stage of the default pipeline"
            searchable
            comboboxProps={{ withinPortal: true }}
          />
        );
      case 'contact':
        return <ContactPicker {...common} value={text || null} onChange={(v) => onChange(spec.key, v ?? '')} />;
      case 'owner':
        return (
          <div>
            <OwnerPicker value={(values.owner as string | null) ?? null} onChange={(v) => onChange('owner', v)} poolTypes={[props.type]} />
            {(errors.owner_id || errors.owner_pool_id) && (
              <Text c="red" size="xs" mt={4}>
                {errors.owner_id ?? errors.owner_pool_id}
              </Text>
            )}
          </div>
        );
      default:
        return <TextInput {...common} type={spec.input} value={text} onChange={(e) => onChange(spec.key, e.currentTarget.value)} />;
    }
  };

  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
      {visible.map((spec) => (
        <div key={spec.key} style={spec.input === 'textarea' ? { gridColumn: '1 / -1' } : undefined}>
          {input(spec)}
        </div>
      ))}
    </SimpleGrid>
  );
}
