import { ActivityDto, EmailDto, RecordsRequests as R, MailMessageReceivedEvent } from '@crm/contracts';
import { factories, Stack, startStack } from '@crm/testing';
import request from 'supertest';
import { communicationsService } from '../src/app';
import { EmailThreadingWorker } from '../src/modules/conversations/email-threading.worker';
import { MailEventPublisher, mailEvent } from './mail-events';
import { Api, Auth, eventually, processedByCommunications, startCommunicationsStack } from './support';

export type RecordType = 'lead' | 'contact' | 'deal';
export type RecordRef = { type: RecordType; id: number };
type Item = { data: ActivityDto; meta: { type: string } };
export type FeedPage = { items: Item[]; meta: { type: string; count: number; links: Record<string, string> } };

/** One stack per suite (records + communications + gateway), its first account, and a mail event publisher. */
export class ActivityWorld {
  private constructor(
    readonly stack: Stack,
    readonly api: Api,
    readonly auth: Auth,
    readonly accountId: number,
    readonly userId: number,
    readonly mail: MailEventPublisher,
  ) {}

  /** `communicationsReplicas`: more than one shares the durable consumer and the background work, as in production. */
  static async start(communicationsReplicas = 1): Promise<ActivityWorld> {
    const stack =
      communicationsReplicas === 1
        ? await startCommunicationsStack()
        : await startStack({ services: ['records', communicationsService, 'gateway'], replicas: { communications: communicationsReplicas } });
    const account = await stack.createAccount();
    return new ActivityWorld(stack, request(stack.gatewayUrl), account.auth, account.accountId, account.userId, await MailEventPublisher.connect(stack));
  }

  async stop(): Promise<void> {
    await this.mail.close();
    await this.stack.stop();
  }

  /** A user with the Sales rep role (sees only own records), and their token. */
  async addRep(): Promise<{ id: number; auth: Auth }> {
    const actor = { accountId: this.accountId, userId: this.userId };
    const roles = await this.stack.rpc.request(R.ListRoles, { ...actor, query: { page: 1, perPage: 25, filters: {}, customFields: {} } });
    const salesRep = roles.items.find((role) => role.name === 'Sales rep')!;
    const rep = (await this.api.post('/v2/users').set(this.auth).send({ data: factories.user({ role_id: salesRep.id }) }).expect(200)).body.data;
    const token = (await this.api.post(`/v2/users/${rep.id}/tokens`).set(this.auth).send({ data: { name: 'rep' } }).expect(201)).body.data;
    return { id: rep.id, auth: { Authorization: `Bearer ${token.access_token}` } };
  }

  async record(type: RecordType, attributes: Record<string, unknown> = {}, auth: Auth = this.auth): Promise<RecordRef> {
    const data = { lead: factories.lead, contact: factories.person, deal: factories.deal }[type](attributes);
    const response = await this.api.post(`/v2/${type}s`).set(auth).send({ data }).expect(200);
    return { type, id: response.body.data.id };
  }

  /** A note through records; resolves once communications' copy shows it in the record's feed. */
  async note(on: RecordRef, content = 'Called, left a message', auth: Auth = this.auth): Promise<{ id: number }> {
    const response = await this.api.post('/v2/notes').set(auth).send({ data: { content, resource_type: on.type, resource_id: on.id } }).expect(200);
    const id: number = response.body.data.id;
    await eventually(async () => expect(itemKeys(await this.feed(on, { type: 'note' }))).toContain(`note:${id}`));
    return { id };
  }

  /** An email filed on the records as mail-ingest would; resolves with it once communications stored it. */
  async email(links: RecordRef[], overrides: Partial<MailMessageReceivedEvent> = {}): Promise<EmailDto & { eventId: string }> {
    const event = mailEvent(this.accountId, { links: links.map((l) => ({ resource_type: l.type, resource_id: l.id })), ...overrides });
    const { eventId } = await this.mail.publish(event);
    await eventually(async () => expect(await processedByCommunications(this.stack, eventId)).toBe(true));
    // What code that stores emails may do after commit: have the threading pass run now, not at its next poll.
    this.communications().get(EmailThreadingWorker).nudge();
    const list = await this.api.get('/v2/emails').query({ resource_type: links[0].type, resource_id: links[0].id, per_page: 100 }).set(this.auth).expect(200);
    const email = list.body.items.map((item: { data: EmailDto }) => item.data).find((e: EmailDto) => e.message_id === event.messageId);
    return { ...email, eventId };
  }

  private communications() {
    const service = this.stack.services.find((s) => s.name === 'communications');
    if (!service) throw new Error('communications is not running');
    return service.app;
  }

  async feed(on: RecordRef, query: Record<string, string | number | boolean> = {}, auth: Auth = this.auth): Promise<FeedPage> {
    return (await this.api.get('/v2/activities').query({ resource_type: on.type, resource_id: on.id, per_page: 100, ...query }).set(auth).expect(200)).body;
  }
}

/** `type:id` of each feed item, in order. */
export function itemKeys(page: FeedPage): string[] {
  return page.items.map((item) => `${item.data.type}:${item.data.id}`);
}

export function itemOf(page: FeedPage, type: string, id: number): ActivityDto | undefined {
  return page.items.map((item) => item.data).find((item) => item.type === type && item.id === id);
}
