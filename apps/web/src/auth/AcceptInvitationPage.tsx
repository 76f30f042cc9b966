import type { InvitationDto } from '@crm/contracts';
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, type SellEnvelope } from '../api/client';
import { FullPageState } from '../components/QueryState';

/** The invitation link's page: the invited user chooses a password and is signed in. */
export function AcceptInvitationPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const client = useQueryClient();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const invitation = useQuery({
    queryKey: ['/v2/invitations', token],
    queryFn: async () => (await api.get<SellEnvelope<InvitationDto>>(`/v2/invitations/${encodeURIComponent(token)}`)).data,
    enabled: token !== '',
    retry: false,
  });

  if (!token) return <FullPageState kind="error" message="This link has no invitation in it." />;
  if (invitation.isPending) return <FullPageState kind="loading" />;
  if (invitation.error) return <FullPageState kind="error" message={invitation.error.message} />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password !== repeat) return setError('The two passwords differ.');
    setBusy(true);
    setError(null);
    try {
      await api.post(`/v2/invitations/${encodeURIComponent(token)}/accept`, { data: { password } });
      client.clear();
      navigate('/communication-center/email', { replace: true });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" p="md">
      <Paper component="form" onSubmit={submit} withBorder shadow="sm" p="xl" w={420} maw="100%">
        <Stack>
          <Title order={2}>Welcome, {invitation.data.name}</Title>
          <Text size="sm" c="dimmed">Choose a password for {invitation.data.email} (at least 10 characters).</Text>
          {error && <Alert color="red" role="alert">{error}</Alert>}
          <PasswordInput label="New password" autoComplete="new-password" required minLength={10} value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoFocus />
          <PasswordInput label="Repeat password" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.currentTarget.value)} />
          <Button type="submit" loading={busy}>Set password and sign in</Button>
        </Stack>
      </Paper>
    </Center>
  );
}
