import { MailboxEmailDto, MailboxFolder, MailMessageReceivedEvent, RecordsRequests as R } from '@crm/contracts';
import { factories, Stack } from '@crm/testing';
import { MailEventPublisher, mailEvent } from './mail-events';
import { Api, Auth, eventually, processedByCommunications } from './support';

export type Item<T> = { data: T; meta: { type: string } };
export type Collection<T> = { items: Item<T>[]; meta: { type: string; count: number; links: Record<string, string> } };

/** A message as a synced mailbox delivers it: in `userId`'s `folder`, with or without links. */
export function mailboxEvent(
  accountId: number,
  userId: number,
  folder: MailboxFolder,
  overrides: Partial<MailMessageReceivedEvent> = {},
): MailMessageReceivedEvent {
  return mailEvent(accountId, {
    source: 'mailbox',
    mailbox: { userId, folder },
    direction: folder === 'sent' ? 'sent' : 'received',
    ...overrides,
  });
}

/** Publish a mail event and wait until communications has committed it. */
export async function fileMail(stack: Stack, mail: MailEventPublisher, event: MailMessageReceivedEvent): Promise<void> {
  const { eventId } = await mail.publish(event);
  await eventually(async () => expect(await processedByCommunications(stack, eventId)).toBe(true), 20_000);
}

/** A user of the account with their own API token; `role`: a role name such as 'Sales rep'. */
export async function createUser(
  stack: Stack,
  api: Api,
  admin: { auth: Auth; accountId: number; userId: number },
  role?: string,
): Promise<{ id: number; email: string; auth: Auth }> {
  let roleId: number | undefined;
  if (role) {
    const roles = await stack.rpc.request(R.ListRoles, { ...admin, query: { page: 1, perPage: 25, filters: {}, customFields: {} } });
    roleId = roles.items.find((r) => r.name === role)!.id;
  }
  const user = (await api.post('/v2/users').set(admin.auth).send({ data: factories.user(roleId ? { role_id: roleId } : {}) }).expect(200)).body.data;
  const token = (await api.post(`/v2/users/${user.id}/tokens`).set(admin.auth).send({ data: { name: 'test' } }).expect(201)).body.data;
  return { id: user.id, email: user.email, auth: { Authorization: `Bearer ${token.access_token}` } };
}

/** One tab (or any query) of the user's Communication Center emails. */
export async function listTab(api: Api, auth: Auth, query: Record<string, string | number>): Promise<Collection<MailboxEmailDto>> {
  const response = await api.get('/v2/communications/emails').query(query).set(auth);
  if (response.status !== 200) throw new Error(`GET /v2/communications/emails ${JSON.stringify(query)}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function subjectsOf(api: Api, auth: Auth, query: Record<string, string | number>): Promise<(string | null)[]> {
  return (await listTab(api, auth, { per_page: 100, ...query })).items.map((item) => item.data.subject);
}

export async function countsOf(api: Api, auth: Auth) {
  return (await api.get('/v2/communications/emails/counts').set(auth).expect(200)).body.data;
}

/** A unique sender address, so suites never see each other's people. */
export function address(name: string): string {
  return `${name}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@outside.example`;
}
