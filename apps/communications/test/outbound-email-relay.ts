import { AddressObject, ParsedMail, simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer, SMTPServerAddress } from 'smtp-server';

export interface RelayedMessage {
  /** RCPT TO addresses, as the relay was told. */
  recipients: string[];
  mailFrom: string;
  raw: string;
  parsed: ParsedMail;
}

/**
 * A local SMTP server standing in for the relay: it keeps every message it accepts and refuses,
 * with 550, any recipient whose address starts with "bounce". It can be stopped and started
 * again on the same port, as a relay that goes down and comes back.
 */
export class TestRelay {
  readonly received: RelayedMessage[] = [];
  private server?: SMTPServer;

  private constructor(public port: number) {}

  static async start(): Promise<TestRelay> {
    const relay = new TestRelay(0);
    await relay.listen();
    return relay;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Messages carrying this Message-ID (without angle brackets). */
  copiesOf(messageId: string): RelayedMessage[] {
    return this.received.filter((message) => message.parsed.messageId === `<${messageId}>`);
  }

  async listen(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      closeTimeout: 500,
      onRcptTo: (address: SMTPServerAddress, _session, callback) => {
        if (!address.address.toLowerCase().startsWith('bounce')) return callback();
        return callback(Object.assign(new Error('5.1.1 mailbox unavailable'), { responseCode: 550 }));
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          simpleParser(raw)
            .then((parsed) => {
              this.received.push({
                raw,
                parsed,
                mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                recipients: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              });
              callback();
            })
            .catch(callback);
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Every address of a parsed To or Cc header, lower-cased. */
export function addressesOf(field: AddressObject | AddressObject[] | undefined): { address: string; name: string }[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return objects.flatMap((object) => object.value.map((entry) => ({ address: (entry.address ?? '').toLowerCase(), name: entry.name })));
}
