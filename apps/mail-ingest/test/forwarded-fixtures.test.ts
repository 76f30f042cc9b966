import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import request from 'supertest';
import { Stack, startStack } from '@crm/testing';
import { mailIngestService, SmtpListener } from '../src/app';
import { contactByEmail, emailsOf, eventually, sendMail } from './mail-helpers';

const FIXTURES = path.resolve(__dirname, '../../../../shared/fixtures/forwarded');
const ORIGINAL_SENDER = 'john.doe@acme.com';
const ORIGINAL_SUBJECT = 'Integer consequat non purus';

/** The subject each body was forwarded with (fixtures README): its paired file, or a plain "Fwd:". */
function subjectFor(body: string): string {
  const read = (file: string) => readFileSync(path.join(FIXTURES, file), 'utf8').trim();
  const variant = /_(variant_\d+)\.txt$/.exec(body)?.[1];
  const client = body.replace(/_body(_variant_\d+)?\.txt$/, '');
  const candidates = [
    variant ? `${client}_subject_${variant}.txt` : null,
    `${client}_subject.txt`,
    body.startsWith('outlook_2019_') ? 'outlook_2019_subject.txt' : null,
  ];
  const paired = candidates.find((file) => file && exists(file));
  return paired ? read(paired) : `Fwd: ${ORIGINAL_SUBJECT}`;
}

function exists(file: string): boolean {
  try {
    readFileSync(path.join(FIXTURES, file));
    return true;
  } catch {
    return false;
  }
}

/** Every forwarded-message fixture, wrapped as a message from a user to the BCC address. */
describe('forwarded fixtures (every client and language)', () => {
  const bodies = readdirSync(FIXTURES).filter((file) => /_body.*\.txt$/.test(file));
  const forwards = bodies.filter((file) => !file.includes('_variant_4'));
  const notForwards = bodies.filter((file) => file.includes('_variant_4'));
  let stack: Stack;
  let auth: { Authorization: string };

  beforeAll(async () => {
    stack = await startStack({ services: ['records', 'distribution', 'communications', mailIngestService, 'gateway'] });
    const smtpPort = stack.services.find((s) => s.name === 'mail-ingest')!.app.get(SmtpListener).port!;
    ({ auth } = await stack.createAccount());
    const user = (await request(stack.gatewayUrl).get('/v2/users/self').set(auth).expect(200)).body.data.email;
    const bcc = await eventually(async () => (await request(stack.gatewayUrl).get('/v2/bcc_address').set(auth)).body.data?.email);
    // Not forwards first: had they been misread, John Doe's contact would exist before any real forward.
    for (const file of [...notForwards, ...forwards]) {
      await sendMail(smtpPort, {
        from: user,
        to: bcc,
        subject: subjectFor(file),
        text: readFileSync(path.join(FIXTURES, file), 'utf8'),
        messageId: `<${file}@fixtures.test>`,
      });
    }
  });

  afterAll(() => stack?.stop());

  it(`files each of the ${bodies.length - notForwards.length} forwards on ${ORIGINAL_SENDER}'s contact, and none of the variant_4 bodies`, async () => {
    const john = await eventually(() => contactByEmail(stack.gatewayUrl, auth, ORIGINAL_SENDER));
    const emails = await eventually(async () => {
      const found = await emailsOf(stack.gatewayUrl, auth, 'contact', john.id);
      return found.length >= forwards.length ? found : undefined;
    }, 30_000);
    const byFixture = new Map(emails.map((email) => [email.message_id.replace(/@fixtures\.test$/, ''), email]));
    expect([...byFixture.keys()].sort()).toEqual([...forwards].sort());
    for (const file of forwards) {
      expect({ file, subject: byFixture.get(file)!.subject, from: byFixture.get(file)!.from?.email, direction: byFixture.get(file)!.direction }).toEqual({
        file,
        subject: expect.stringContaining(ORIGINAL_SUBJECT),
        from: ORIGINAL_SENDER,
        direction: 'received',
      });
    }
  });

  it('files the variant_4 bodies (a reply, a plain message) nowhere: their log says there was nobody to attach them to', async () => {
    const log = await eventually(async () => {
      const res = await request(stack.gatewayUrl).get('/v2/ingested_messages?status=filed&per_page=100').set(auth).expect(200);
      const items = (res.body.items as { data: { message_id: string; log: { action: string; reason: string }[] } }[]).map((item) => item.data);
      const mine = items.filter((item) => item.message_id.includes('_variant_4'));
      return mine.length === notForwards.length ? mine : undefined;
    });
    for (const message of log) {
      expect(message.log.map((entry) => entry.action)).not.toContain('unwrapped');
      expect(message.log).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'skipped', reason: expect.stringContaining('nobody') })]));
    }
  });
});
