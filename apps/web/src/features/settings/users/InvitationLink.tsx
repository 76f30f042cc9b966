import { Button, CopyButton, Group, Text, TextInput } from '@mantine/core';
import type { Invitation } from './users-types';

/** The invitation link, selectable and with a Copy button: the admin sends it to the new user. */
export function InvitationLink(props: { invitation: Invitation; name: string }) {
  const { invitation } = props;
  return (
    <div>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          label={`Invitation link for ${props.name}`}
          value={invitation.invitation_url}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
          style={{ flex: 1, minWidth: 0 }}
        />
        <CopyButton value={invitation.invitation_url}>
          {({ copied, copy }) => (
            <Button variant={copied ? 'filled' : 'light'} color={copied ? 'teal' : undefined} onClick={copy}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        Valid until {new Date(invitation.expires_at).toLocaleString()}, once. Anyone with the link can set this user's password.
      </Text>
    </div>
  );
}
