import type { MailboxConnectionDto } from '@crm/contracts';
import { NumberInput, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/queries';
import { fieldErrorOf } from '../../../components/field-errors';
import { FormActions, FormError } from '../../../components/form-parts';
import { notifySuccess } from '../../../components/notify';

type Security = 'tls' | 'starttls' | 'none';
const DEFAULT_PORT: Record<Security, number> = { tls: 993, starttls: 143, none: 143 };

function securityOf(connection: MailboxConnectionDto | undefined): Security {
  if (!connection) return 'tls';
  return connection.tls ? 'tls' : connection.starttls ? 'starttls' : 'none';
}

/**
 * Connect the signed-in user's IMAP mailbox (POST), or change its settings (PUT, `connection`
 * given: the password may stay blank to keep the stored one). The server checks everything;
 * its messages are shown as they come.
 */
export function MailboxConnectionForm(props: { connection?: MailboxConnectionDto; onDone?: () => void; onCancel?: () => void }) {
  const existing = props.connection;
  const [host, setHost] = useState(existing?.host ?? '');
  const [security, setSecurity] = useState<Security>(securityOf(existing));
  const [port, setPort] = useState<number | string>(existing?.port ?? 993);
  const [username, setUsername] = useState(existing?.username ?? '');
  const [password, setPassword] = useState('');
  const [sentFolder, setSentFolder] = useState(existing?.sent_folder ?? '');
  const save = useApiMutation(
    (data: Record<string, unknown>) =>
      existing ? api.put(`/v2/mailbox_connections/${existing.id}`, { data }) : api.post('/v2/mailbox_connections', { data }),
    [['/v2/mailbox_connections']],
  );

  const chooseSecurity = (value: string | null) => {
    if (!value) return;
    const next = value as Security;
    // Follow the usual port for the security chosen, unless the user typed another one.
    if (Number(port) === DEFAULT_PORT[security]) setPort(DEFAULT_PORT[next]);
    setSecurity(next);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const data: Record<string, unknown> = {
      host: host.trim(),
      port: typeof port === 'number' ? port : Number(port),
      tls: security === 'tls',
      starttls: security === 'starttls',
      username: username.trim(),
      sent_folder: sentFolder.trim() || null,
    };
    if (password) data.password = password;
    save.mutate(data, {
      onSuccess: () => {
        notifySuccess(existing ? 'Mailbox settings saved: the sync reconnects now.' : 'Mailbox connected: the first sync starts now.');
        setPassword('');
        props.onDone?.();
      },
    });
  };
  const fieldError = (name: string) => fieldErrorOf(save.error, name);

  return (
    <Stack component="form" onSubmit={submit} gap="sm" aria-label={existing ? 'Mailbox settings' : 'Connect a mailbox'}>
      <FormError error={save.error} title={existing ? 'Not saved' : 'Not connected'} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label="IMAP server" placeholder="imap.example.com" required value={host} onChange={(e) => setHost(e.currentTarget.value)} error={fieldError('host')} />
        <Select
          label="Security"
          data={[
            { value: 'tls', label: 'SSL/TLS' },
            { value: 'starttls', label: 'STARTTLS' },
            { value: 'none', label: 'None (not recommended)' },
          ]}
          value={security}
          onChange={chooseSecurity}
          allowDeselect={false}
          error={fieldError('starttls') ?? fieldError('tls')}
        />
        <NumberInput label="Port" required min={1} max={65535} value={port} onChange={setPort} error={fieldError('port')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Username" required autoComplete="off" value={username} onChange={(e) => setUsername(e.currentTarget.value)} error={fieldError('username')} />
        <PasswordInput
          label="Password"
          description={existing ? 'Leave blank to keep the current one' : 'An app password if your provider has them'}
          required={!existing}
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={fieldError('password')}
        />
      </SimpleGrid>
      <TextInput
        label="Sent folder"
        description="Blank: the folder the server marks as Sent, else “Sent”"
        value={sentFolder}
        onChange={(e) => setSentFolder(e.currentTarget.value)}
        error={fieldError('sent_folder')}
      />
      <FormActions submitLabel={existing ? 'Save settings' : 'Connect mailbox'} busy={save.isPending} onCancel={props.onCancel} />
    </Stack>
  );
}
