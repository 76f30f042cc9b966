import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api } from '../../../api/client';
import { notifySuccess } from '../../../components/notify';
import { OwnerPicker, ownerChoiceOf } from '../../../components/OwnerPicker';
import type { PartyType } from '../../../components/record-names';
import { useRefreshPhoneCenter } from './phone-center-api';

/**
 * Add to Sell: a new lead or contact with the unmatched number, owned by the user or pool chosen
 * (the API's owner_id / owner_pool_id; nobody chosen: the signed-in user). The number's calls and
 * texts match the new record at once.
 */
export function AddToSellModal(props: { phoneNumber: string; opened: boolean; onClose: () => void }) {
  const refresh = useRefreshPhoneCenter();
  const [as, setAs] = useState<PartyType>('lead');
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [owner, setOwner] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post('/v2/communications/unmatched/add_to_sell', {
        data: {
          phone_number: props.phoneNumber,
          as,
          first_name: firstName.trim() || undefined,
          last_name: lastName.trim() || undefined,
          ...(ownerChoiceOf(owner) ?? {}),
        },
      });
      notifySuccess(`${props.phoneNumber} added to Sell as a ${as}`);
      refresh();
      props.onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={props.opened} onClose={props.onClose} title={`Add ${props.phoneNumber} to Sell`}>
      <form onSubmit={submit}>
        <Stack>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <SegmentedControl
            aria-label="Add as"
            value={as}
            onChange={(value) => setAs(value as PartyType)}
            data={[
              { value: 'lead', label: 'New lead' },
              { value: 'contact', label: 'New contact' },
            ]}
          />
          <Group grow align="flex-start" wrap="wrap">
            <TextInput label="First name" value={firstName} onChange={(e) => setFirstName(e.currentTarget.value)} maxLength={255} miw={160} />
            <TextInput label="Last name" value={lastName} onChange={(e) => setLastName(e.currentTarget.value)} maxLength={255} miw={160} />
          </Group>
          <Text size="xs" c="dimmed">
            Without a last name the number stands in for it.
          </Text>
          <OwnerPicker value={owner} onChange={setOwner} />
          <Text size="xs" c="dimmed">
            No owner chosen: the record is yours.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Add {as}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
