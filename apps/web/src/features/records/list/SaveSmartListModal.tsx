import type { SmartListDto } from '@crm/contracts';
import { List, Modal, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api, type SellEnvelope } from '../../../api/client';
import { useApiMutation } from '../../../api/queries';
import { FormActions, FormError } from '../../../components/form-parts';
import { useTagNames, type Lookups } from '../lookups';
import type { RecordKind } from '../record-kinds';
import { smartListFiltersOf, type ListState } from './list-state';
import { describeFilters } from './smart-list-labels';

/**
 * Saves the current filters as a smart list, with the two filters only smart lists have: tags
 * (any of) and a text search over name, email, phone and company.
 */
export function SaveSmartListModal(props: { kind: RecordKind; state: ListState; lookups: Lookups; opened: boolean; onClose: () => void; onSaved: (list: SmartListDto) => void }) {
  const { kind } = props;
  const [name, setName] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [q, setQ] = useState('');
  const tagNames = useTagNames(kind.type);
  const filters = smartListFiltersOf(props.state, kind.type, { tags, q });
  const save = useApiMutation(
    (data: Record<string, unknown>) => api.post<SellEnvelope<SmartListDto>>('/v2/smart_lists', { data }),
    [['/v2/smart_lists']],
  );

  const close = () => {
    save.reset();
    props.onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { name: name.trim(), resource_type: kind.type, filters },
      {
        onSuccess: (created) => {
          setName('');
          setTags([]);
          setQ('');
          props.onSaved(created.data);
        },
      },
    );
  };
  const lines = describeFilters(filters, props.lookups);

  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close' }} opened={props.opened} onClose={close} title="Save as smart list">
      <form onSubmit={submit} aria-label="Save as smart list">
        <Stack>
          <FormError error={save.error} />
          <TextInput label="Smart list name" required value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus />
          <TagsInput
            label="Tags"
            description={`${kind.title} carrying any of these tags`}
            data={tagNames}
            value={tags}
            onChange={setTags}
            clearable
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput label="Search text" description="Matches name, email, phone and company (at least 3 characters)" value={q} onChange={(e) => setQ(e.currentTarget.value)} />
          <div>
            <Text size="sm" fw={500}>
              The list will show
            </Text>
            {lines.length ? (
              <List size="sm">
                {lines.map((line) => (
                  <List.Item key={line}>{line}</List.Item>
                ))}
              </List>
            ) : (
              <Text size="sm" c="dimmed">
                Every {kind.singular} (no filter chosen).
              </Text>
            )}
          </div>
          <FormActions submitLabel="Save smart list" busy={save.isPending} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  );
}
