import type { SmartListDto } from '@crm/contracts';
import { Badge, Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { api } from '../../../api/client';
import { useApiMutation, useCollection, useResource } from '../../../api/queries';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { notifyError, notifySuccess } from '../../../components/notify';
import type { Lookups } from '../lookups';
import type { RecordKind } from '../record-kinds';
import { describeFilters } from './smart-list-labels';

/** Choose a saved smart list of this record type (or all records); with one open, its filter, count, bulk reassign and delete. */
export function SmartListBar(props: {
  kind: RecordKind;
  smartListId: number | null;
  lookups: Lookups;
  onOpen: (id: number | null) => void;
  onSaveCurrent: () => void;
  onReassignAll: (list: SmartListDto, count: number | null) => void;
}) {
  const { kind, smartListId } = props;
  const lists = useCollection<SmartListDto>('/v2/smart_lists', { resource_type: kind.type, per_page: 100, sort_by: 'name' });
  const open = useResource<SmartListDto>(smartListId ? `/v2/smart_lists/${smartListId}` : null);
  const count = useResource<{ count: number }>(smartListId ? `/v2/smart_lists/${smartListId}/count` : null);
  const [confirming, confirm] = useDisclosure(false);
  const remove = useApiMutation((id: number) => api.delete(`/v2/smart_lists/${id}`), [['/v2/smart_lists']]);

  const data = [
    { value: '', label: `All ${kind.plural}` },
    ...(lists.data?.rows ?? []).map((l) => ({ value: String(l.id), label: l.name })),
    // Opened from a link while the lists are loading, or beyond the first 100.
    ...(open.data && !lists.data?.rows.some((l) => l.id === open.data.id) ? [{ value: String(open.data.id), label: open.data.name }] : []),
  ];

  const deleteList = () => {
    if (!smartListId) return;
    remove.mutate(smartListId, {
      onSuccess: () => {
        confirm.close();
        notifySuccess(`Smart list “${open.data?.name ?? smartListId}” deleted`);
        props.onOpen(null);
      },
      onError: notifyError,
    });
  };

  return (
    <Stack gap="xs">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label="Smart list"
          data={data}
          value={smartListId ? String(smartListId) : ''}
          onChange={(value) => props.onOpen(value ? Number(value) : null)}
          allowDeselect={false}
          w={{ base: '100%', sm: 260 }}
          error={lists.error?.message}
          comboboxProps={{ withinPortal: true }}
        />
        {smartListId === null && (
          <Button variant="light" onClick={props.onSaveCurrent}>
            Save as smart list
          </Button>
        )}
      </Group>
      {smartListId !== null && (
        <Paper withBorder p="sm">
          {open.error ? (
            <Text c="red" size="sm" role="alert">
              {open.error.message}
            </Text>
          ) : (
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Group gap="xs" wrap="wrap">
                <Text fw={600}>{open.data?.name ?? 'Loading…'}</Text>
                {count.data && (
                  <Badge variant="outline" aria-label={`${count.data.count} matching`}>
                    {count.data.count} {count.data.count === 1 ? kind.singular : kind.plural}
                  </Badge>
                )}
                {open.data &&
                  describeFilters(open.data.filters, props.lookups).map((line) => (
                    <Badge key={line} variant="light" tt="none">
                      {line}
                    </Badge>
                  ))}
              </Group>
              <Group gap="xs">
                <Button size="xs" disabled={!open.data} onClick={() => open.data && props.onReassignAll(open.data, count.data?.count ?? null)}>
                  Reassign all
                </Button>
                <Button size="xs" variant="default" color="red" onClick={confirm.open}>
                  Delete smart list
                </Button>
              </Group>
            </Group>
          )}
        </Paper>
      )}
      <ConfirmModal opened={confirming} onClose={confirm.close} title="Delete smart list?" confirmLabel="Delete smart list" busy={remove.isPending} onConfirm={deleteList}>
        {`“${open.data?.name ?? ''}” will be deleted for everyone in the account. The ${kind.plural} in it stay as they are.`}
      </ConfirmModal>
    </Stack>
  );
}
