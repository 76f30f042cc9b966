import { contactByEmail, emailsOf, eventually, sendMail } from './mail-helpers';
import { consumerBacklog, MailProcessStack, startMailProcessStack } from './process-support';

const MESSAGES = 60;
const SENDERS = 4;
const KILL_AFTER_ACCEPTED = 20;
/** Messages from this index on are sent only once communications is confirmed dead. */
const SEND_WHILE_DOWN_FROM = 40;

/**
 * Crash the consumer of `mail.message.received` (communications, SIGKILL) while mail is flowing:
 * SMTP keeps answering 250, and after a restart each accepted message is exactly one email:
 * in-flight deliveries come back after JetStream's ack wait and the inbox drops what was already done.
 */
describe('mail-ingest processes: communications killed while mail flows', () => {
  let mail: MailProcessStack;

  beforeAll(async () => {
    mail = await startMailProcessStack();
  }, 120_000);
  afterAll(() => mail?.stack.stop());

  it('loses nothing and duplicates nothing', async () => {
    const { stack, smtpPort, auth, adminEmail, bcc } = mail;
    const run = `${Date.now()}`;
    const messages = Array.from({ length: MESSAGES }, (_, i) => ({
      to: `restart-${run}-${i}@customer.example`,
      messageId: `restart-${run}-${i}@mailer.example`,
      subject: `Restart ${i}`,
    }));
    const replies: string[] = new Array(MESSAGES);
    const sentWhileDown: number[] = [];
    let accepted = 0;
    let killed: Promise<void> | undefined;
    let down = false;
    let next = 0;
    const started = Date.now();

    const sender = async () => {
      while (next < MESSAGES) {
        const i = next++;
        if (i >= SEND_WHILE_DOWN_FROM) await killed;
        const whileDown = down;
        const { to, messageId, subject } = messages[i];
        const sent = await sendMail(smtpPort, { from: adminEmail, to, bcc, subject, text: `Message ${i}`, messageId: `<${messageId}>` });
        replies[i] = sent.response;
        if (whileDown) sentWhileDown.push(i);
        if (++accepted === KILL_AFTER_ACCEPTED) killed = stack.kill('communications').then(() => void (down = true));
      }
    };
    await Promise.all(Array.from({ length: SENDERS }, sender));
    const sentAt = Date.now();

    // Every send got a 250 even while communications was dead.
    expect(replies.filter((reply) => !/^250 2\.0\.0 Queued as \d+/.test(reply))).toEqual([]);
    expect(sentWhileDown.length).toBeGreaterThanOrEqual(MESSAGES - SEND_WHILE_DOWN_FROM);

    // Deliveries the dead process took without acknowledging; JetStream hands them out again after its ack wait.
    const unacknowledged = (await consumerBacklog(stack, 'communications')).ackPending;
    await stack.restart('communications');
    const restartedAt = Date.now();

    // Each recipient is a contact with exactly its one email.
    const check = async () => {
      const found = await Promise.all(
        messages.map(async ({ to, messageId }) => {
          const contact = await contactByEmail(stack.gatewayUrl, auth, to);
          const ids = contact ? (await emailsOf(stack.gatewayUrl, auth, 'contact', contact.id)).map((email) => email.message_id) : [];
          return { to, ids, ok: ids.length === 1 && ids[0] === messageId };
        }),
      );
      return { missing: found.filter((f) => f.ids.length === 0).map((f) => f.to), wrong: found.filter((f) => f.ids.length > 0 && !f.ok) };
    };
    // Stop waiting as soon as something is wrong (a duplicate shows up), not only when all are there.
    const afterRestart = await eventually(async () => {
      const result = await check();
      return result.missing.length === 0 || result.wrong.length > 0 ? result : undefined;
    }, 90_000);
    expect(afterRestart).toEqual({ missing: [], wrong: [] });
    const allFiledAt = Date.now();

    // JetStream has nothing left to (re)deliver, so no duplicate can still arrive; look again.
    await eventually(async () => {
      const backlog = await consumerBacklog(stack, 'communications');
      return backlog.pending === 0 && backlog.ackPending === 0 ? true : undefined;
    }, 60_000);
    const settledAt = Date.now();
    expect(await check()).toEqual({ missing: [], wrong: [] });

    console.log(
      `${MESSAGES} messages: sent in ${sentAt - started} ms (${sentWhileDown.length} while communications was down); ` +
        `${unacknowledged} deliveries unacknowledged at the crash; restart ${restartedAt - sentAt} ms; all filed ${allFiledAt - restartedAt} ms after restart; ` +
        `consumer settled (nothing left to redeliver) ${settledAt - restartedAt} ms after restart`,
    );
  }, 240_000);
});

