import { createHash, randomBytes } from 'node:crypto';
import { AttachmentSlice, MailAttachmentMeta, MailIngestRequests, ReadAttachmentRequest } from '@crm/contracts';
import { factories, Stack, TEST_NATS_URL } from '@crm/testing';
import { connect, JSONCodec, NatsConnection, Subscription } from 'nats';
import request from 'supertest';
import { MailEventPublisher, mailEvent } from './mail-events';
import { Api, Auth, eventually, processedByCommunications, startCommunicationsStack } from './support';

const codec = JSONCodec<{ id: string; data: ReadAttachmentRequest }>();
const SLICE = 512 * 1024;

/**
 * Stand-in for mail-ingest's `mail-ingest.attachments.read.v1` (built elsewhere at the moment):
 * answers slices of in-memory files in the packet format of Nest's NATS transport.
 */
class AttachmentStore {
  readonly asked: ReadAttachmentRequest[] = [];
  private subscription?: Subscription;

  constructor(private readonly files: Map<number, { meta: MailAttachmentMeta; bytes: Buffer }>) {}

  listen(connection: NatsConnection, prefix: string): void {
    this.subscription = connection.subscribe(prefix + MailIngestRequests.ReadAttachment, {
      callback: (_, message) => {
        const packet = codec.decode(message.data);
        this.asked.push(packet.data);
        const file = this.files.get(packet.data.attachmentId);
        const { offset, length } = packet.data;
        const reply = file
          ? {
              response: {
                filename: file.meta.filename,
                content_type: file.meta.content_type,
                size: file.bytes.length,
                offset,
                data: file.bytes.subarray(offset, offset + length).toString('base64'),
              } satisfies AttachmentSlice,
            }
          : { err: { kind: 'domain_error', status: 404, errors: [{ resource: 'attachment', code: 'not_found', message: 'no such attachment' }] } };
        message.respond(JSONCodec().encode({ id: packet.id, isDisposed: true, ...reply }));
      },
    });
  }

  stop(): void {
    this.subscription?.unsubscribe();
  }
}

function fileOf(id: number, filename: string, contentType: string, bytes: Buffer) {
  const meta = { id, filename, content_type: contentType, size: bytes.length, content_id: null, sha256: createHash('sha256').update(bytes).digest('hex') };
  return [id, { meta, bytes }] as const;
}

/** Collect the body as bytes (superagent would otherwise decode text/* as a string). */
const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('email attachments through the gateway', () => {
  let stack: Stack;
  let api: Api;
  let auth: Auth;
  let nats: NatsConnection;
  let store: AttachmentStore;
  let emailId: number;
  const small = fileOf(901, 'hello.txt', 'text/plain; charset=UTF-8', Buffer.from('Hello, world\n'));
  const large = fileOf(902, 'Angebot für Müller.pdf', 'application/pdf', randomBytes(SLICE + 1000));
  const missing = fileOf(903, 'lost.bin', 'application/octet-stream', Buffer.from('x'));

  beforeAll(async () => {
    stack = await startCommunicationsStack();
    api = request(stack.gatewayUrl);
    const account = await stack.createAccount();
    auth = account.auth;
    nats = await connect({ servers: TEST_NATS_URL });
    store = new AttachmentStore(new Map([small, large]));
    store.listen(nats, stack.runtime('gateway').subjectPrefix);

    const contact = (await api.post('/v2/contacts').set(auth).send({ data: factories.person() }).expect(200)).body.data;
    const mail = await MailEventPublisher.connect(stack);
    const event = mailEvent(account.accountId, {
      links: [{ resource_type: 'contact', resource_id: contact.id }],
      attachments: [small[1].meta, large[1].meta, missing[1].meta],
    });
    const { eventId } = await mail.publish(event);
    await mail.close();
    await eventually(async () => expect(await processedByCommunications(stack, eventId)).toBe(true));
    emailId = (await api.get('/v2/emails').query({ resource_type: 'contact', resource_id: contact.id }).set(auth).expect(200)).body.items[0].data.id;
  });
  afterAll(async () => {
    store?.stop();
    await nats?.close();
    await stack?.stop();
  });

  const download = (attachmentId: number, a: Auth = auth) =>
    api.get(`/v2/emails/${emailId}/attachments/${attachmentId}`).set(a).buffer(true).parse(binary);

  it('streams a small file with its type, size and name', async () => {
    const response = await download(901).expect(200);
    expect(response.body).toEqual(small[1].bytes);
    expect(response.headers).toMatchObject({
      'content-type': 'text/plain; charset=utf-8',
      'content-length': String(small[1].bytes.length),
      'content-disposition': `attachment; filename="hello.txt"; filename*=UTF-8''hello.txt`,
      'x-content-type-options': 'nosniff',
    });
  });

  it('streams a larger file in 512 KiB slices, byte for byte', async () => {
    const before = store.asked.length;
    const response = await download(902).expect(200);
    expect(Buffer.compare(response.body, large[1].bytes)).toBe(0);
    expect(response.headers['content-length']).toBe(String(SLICE + 1000));
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="Angebot f_r M_ller.pdf"; filename*=UTF-8''Angebot%20f%C3%BCr%20M%C3%BCller.pdf`,
    );
    expect(store.asked.slice(before).map(({ attachmentId, offset, length }) => ({ attachmentId, offset, length }))).toEqual([
      { attachmentId: 902, offset: 0, length: SLICE },
      { attachmentId: 902, offset: SLICE, length: 1000 },
    ]);
  });

  it('answers 404 in Sell format for an unknown attachment or an email the user cannot see, without asking mail-ingest', async () => {
    const before = store.asked.length;
    const unknown = await api.get(`/v2/emails/${emailId}/attachments/999999`).set(auth).expect(404);
    expect(unknown.body.errors[0].error).toMatchObject({ resource: 'attachment', code: 'not_found' });
    expect(unknown.body.meta).toMatchObject({ type: 'errors', http_status: '404 Not Found' });
    const other = await stack.createAccount('Elsewhere');
    await api.get(`/v2/emails/${emailId}/attachments/901`).set(other.auth).expect(404);
    await api.get(`/v2/emails/999999/attachments/901`).set(auth).expect(404);
    expect(store.asked.length).toBe(before);
  });

  it("passes on mail-ingest's refusal, and a 503 when it does not answer", async () => {
    const lost = await api.get(`/v2/emails/${emailId}/attachments/903`).set(auth).expect(404);
    expect(lost.body.errors[0].error).toMatchObject({ resource: 'attachment', code: 'not_found' });
    store.stop();
    const down = await api.get(`/v2/emails/${emailId}/attachments/901`).set(auth).expect(503);
    expect(down.body.meta).toMatchObject({ type: 'errors', http_status: '503 Service Unavailable' });
  });
});
