import { Card, Text, Title } from '@mantine/core';
import { CopyableAddress } from './CopyableAddress';

/** A deal's own dropbox address: mail sent or BCC'd to it is filed on the deal and its contacts. */
export function DealDropboxCard(props: { address: string | null }) {
  return (
    <Card withBorder component="section" aria-labelledby="deal-dropbox-title">
      <Title order={3} size="h4" mb={4} id="deal-dropbox-title">
        Deal email address
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        BCC or forward mail to this address to file it on this deal and its contacts.
      </Text>
      {props.address ? <CopyableAddress address={props.address} label="Current deal email address" /> : <Text size="sm" c="dimmed">This deal has no address yet.</Text>}
    </Card>
  );
}
