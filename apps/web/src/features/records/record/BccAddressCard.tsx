import type { BccAddressDto } from '@crm/contracts';
import { Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { api, type SellEnvelope } from '../../../api/client';
import { invalidateByPrefix, useApiMutation, useResource } from '../../../api/queries';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { notifyError, notifySuccess } from '../../../components/notify';
import { queryStateOf } from '../../../components/QueryState';
import { CopyableAddress } from './CopyableAddress';

const BCC_PATH = '/v2/bcc_address';

/**
 * The account's BCC address (the same on every lead and contact): copy it, or generate a new one.
 * The new address works at once; the old one keeps working for a grace period, then is refused.
 */
export function BccAddressCard() {
  const bcc = useResource<BccAddressDto>(BCC_PATH);
  const client = useQueryClient();
  const [confirming, confirm] = useDisclosure(false);
  const regenerate = useApiMutation(() => api.post<SellEnvelope<BccAddressDto>>(`${BCC_PATH}/regenerate`), []);
  const view = queryStateOf(bcc, { isEmpty: false, message: '' });

  const generate = () =>
    regenerate.mutate(undefined, {
      onSuccess: (answer) => {
        client.setQueryData([BCC_PATH, {}], answer.data);
        // Contacts carry the address too (bcc_email).
        void invalidateByPrefix(client, ['/v2/contacts']);
        confirm.close();
        notifySuccess('New BCC address generated');
      },
      onError: notifyError,
    });

  return (
    <Card withBorder component="section" aria-labelledby="bcc-address-title">
      <Title order={3} size="h4" mb={4} id="bcc-address-title">
        BCC address
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        Add it as BCC when you write from your own mail, or forward mail to it: the message is filed on the right lead or contact.
      </Text>
      {view ?? (
        <Stack gap="xs">
          <CopyableAddress address={bcc.data!.email} label="Current BCC address" />
          {bcc.data!.previous.length > 0 && (
            <div>
              <Text size="xs" c="dimmed">
                Replaced, still accepted until:
              </Text>
              <List size="xs">
                {bcc.data!.previous.map((p) => (
                  <List.Item key={p.email}>
                    {p.email} — {new Date(p.expires_at).toLocaleString()}
                  </List.Item>
                ))}
              </List>
            </div>
          )}
          <Group>
            <Button size="xs" variant="default" onClick={confirm.open}>
              Generate new address
            </Button>
          </Group>
        </Stack>
      )}
      <ConfirmModal
        opened={confirming}
        onClose={confirm.close}
        title="Generate a new BCC address?"
        confirmLabel="Generate new address"
        busy={regenerate.isPending}
        onConfirm={generate}
      >
        <Stack gap="xs">
          <Text size="sm">The new address works at once, for everyone in the account.</Text>
          <Text size="sm">
            The current address keeps working for a grace period (7 days unless your administrator changed it); after that, mail sent to it is
            refused. Update any mail rules or saved contacts that use it.
          </Text>
        </Stack>
      </ConfirmModal>
    </Card>
  );
}
