import { AppShell, Burger, Button, Group, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { NavLink as RouterLink, Outlet, useNavigate } from 'react-router';
import { api } from '../api/client';
import { isAdmin, useCurrentUser } from '../auth/current-user';

const SECTIONS: { label: string; links: { to: string; label: string }[]; adminOnly?: boolean }[] = [
  {
    label: 'Communication Center',
    links: [
      { to: '/communication-center/email', label: 'Email' },
      { to: '/communication-center/calls', label: 'Calls' },
      { to: '/communication-center/texts', label: 'Text messages' },
    ],
  },
  {
    label: 'Sales',
    links: [
      { to: '/leads', label: 'Leads' },
      { to: '/contacts', label: 'Contacts' },
      { to: '/deals', label: 'Deals' },
      { to: '/pipeline', label: 'Pipeline' },
    ],
  },
  { label: 'Settings', links: [{ to: '/settings', label: 'Settings' }], adminOnly: true },
];

/** The frame of every signed-in screen: navigation on the left (a drawer on a phone), content on the right. */
export function AppLayout() {
  const user = useCurrentUser();
  const [opened, { toggle, close }] = useDisclosure();
  const navigate = useNavigate();
  const client = useQueryClient();

  const signOut = async () => {
    await api.delete('/v2/sessions/current').catch(() => undefined);
    client.clear();
    navigate('/sign-in', { replace: true });
  };

  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Text fw={700}>Open Sell</Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" c="dimmed" visibleFrom="xs">{user.name}</Text>
            <Button variant="subtle" size="xs" onClick={() => void signOut()}>Sign out</Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        <ScrollArea>
          {SECTIONS.filter((s) => !s.adminOnly || isAdmin(user)).map((section) => (
            <div key={section.label}>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="sm" pb={4}>{section.label}</Text>
              {section.links.map((link) => (
                <NavLink key={link.to} component={RouterLink} to={link.to} label={link.label} onClick={close} />
              ))}
            </div>
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
