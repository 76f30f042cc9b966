import { Button, Center, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { FormError } from '../components/form-parts';
import { useSubmission } from '../components/use-submission';

/** Where to go after signing in: only paths of this app, never another site. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/communication-center/email';
}

export function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submission = useSubmission();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void submission.run(async () => {
      await api.post('/v2/sessions', { data: { email, password } });
      client.clear();
      navigate(safeNext(params.get('next')), { replace: true });
    });
  };

  return (
    <Center mih="100vh" p="md">
      <Paper component="form" onSubmit={submit} withBorder shadow="sm" p="xl" w={380} maw="100%">
        <Stack>
          <Title order={2}>Sign in</Title>
          <FormError error={submission.error} />
          <TextInput label="Email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} autoFocus />
          <PasswordInput label="Password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
          <Button type="submit" loading={submission.busy}>Sign in</Button>
        </Stack>
      </Paper>
    </Center>
  );
}
