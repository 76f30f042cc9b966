import type { RecordResourceType } from '@crm/contracts';
import { Select, Table, Text } from '@mantine/core';
import { DataTable } from '../../../components/DataTable';
import type { CsvPreview } from './csv-preview';
import { IMPORT_FIELDS } from './import-fields';

/** A column's target: a field name, `custom_fields.<name>`, or SKIP ("don't import"). */
export type ColumnTargets = string[];
export const SKIP = 'skip';

const COLUMNS = ['CSV column', 'First values', { label: 'Import into', width: 260 }];

/**
 * One row per CSV column: its header, what the first records hold, and the field it fills.
 * Two columns cannot fill the same field (the later would overwrite the earlier).
 */
export function ColumnMapping(props: {
  preview: CsvPreview;
  type: RecordResourceType;
  customFields: string[];
  targets: ColumnTargets;
  onChange: (targets: ColumnTargets) => void;
}) {
  const { preview, targets } = props;
  return (
    <DataTable label="Column mapping" minWidth={620} nativeScroll verticalSpacing="xs" columns={COLUMNS}>
      {preview.header.map((header, index) => {
        const takenElsewhere = new Set(targets.filter((t, i) => i !== index && t !== SKIP));
        const available = (entries: [string, string][]) => entries.filter(([value]) => !takenElsewhere.has(value)).map(([value, label]) => ({ value, label }));
        const data = [
          { group: 'Skip', items: [{ value: SKIP, label: "Don't import" }] },
          { group: 'Fields', items: available(IMPORT_FIELDS[props.type].map(([v, l]) => [v, l])) },
          ...(props.customFields.length ? [{ group: 'Custom fields', items: available(props.customFields.map((name) => [`custom_fields.${name}`, name])) }] : []),
        ];
        const samples = preview.samples.map((row) => row[index] ?? '').filter((value) => value.trim() !== '');
        return (
          <Table.Tr key={`${index}:${header}`}>
            <Table.Td>
              <Text size="sm" fw={500}>{header || `(column ${index + 1} has no name)`}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="xs" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>{samples.join(' · ') || '—'}</Text>
            </Table.Td>
            <Table.Td>
              <Select
                size="xs"
                aria-label={`Import column ${header || index + 1} into`}
                data={data}
                value={targets[index] ?? SKIP}
                onChange={(value) => props.onChange(targets.map((t, i) => (i === index ? (value ?? SKIP) : t)))}
                allowDeselect={false}
                searchable
                comboboxProps={{ withinPortal: true }}
              />
            </Table.Td>
          </Table.Tr>
        );
      })}
    </DataTable>
  );
}
