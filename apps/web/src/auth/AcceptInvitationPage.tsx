import type { InvitationDto } from '@crm/contracts';
import { Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, type SellEnvelope } from '../api/client';
import { FormError } from '../components/form-parts';
import { FullPageState } from '../components/QueryState';
import { useSubmission } from '../components/use-submission';

/** The invitation link's page: the invited user chooses a password and is signed in. */
export function AcceptInvitationPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const client = useQueryClient();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const submission = useSubmission();
  const invitation = useQuery({
    queryKey: ['/v2/invitations', token],
    queryFn: async () => (await api.get<SellEnvelope<InvitationDto>>(`/v2/invitations/${encodeURIComponent(token)}`)).data,
    enabled: token !== '',
    retry: false,
  });

  if (!token) return <FullPageState kind="error" message="This link has no invitation in it." />;
  if (invitation.isPending) return <FullPageState kind="loading" />;
  if (invitation.error) return <FullPageState kind="error" message={invitation.error.message} />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password !== repeat) return submission.fail('The two passwords differ.');
    void submission.run(async () => {
      await api.post(`/v2/invitations/${encodeURIComponent(token)}/accept`, { data: { password } });
      client.clear();
      navigate('/communication-center/email', { replace: true });
    });
  };

  return (
    <Center mih="100vh" p="md">
      <Paper component="form" onSubmit={submit} withBorder shadow="sm" p="xl" w={420} maw="100%">
        <Stack>
          <Title order={2}>Welcome, {invitation.data.name}</Title>
          <Text size="sm" c="dimmed">Choose a password for {invitation.data.email} (at least 10 characters).</Text>
          <FormError error={submission.error} />
          <PasswordInput label="New password" autoComplete="new-password" required minLength={10} value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoFocus />
          <PasswordInput label="Repeat password" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.currentTarget.value)} />
          <Button type="submit" loading={submission.busy}>Set password and sign in</Button>
        </Stack>
      </Paper>
    </Center>
  );
}
