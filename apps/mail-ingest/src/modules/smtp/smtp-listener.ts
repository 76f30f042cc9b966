import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { SMTPServer, SMTPServerAddress, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';
import { MAIL_INGEST_SETTINGS, MailIngestEnv } from '../../config';
import { AddressesService } from '../addresses/addresses.service';
import { AcceptedRecipient, MessageStore } from './message-store';

type Done = (error?: Error | null, message?: string) => void;

function reply(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * The SMTP endpoint senders deliver BCC copies to. Only our addresses are accepted (550 at RCPT
 * otherwise); SIZE is advertised and enforced (552); the raw message is stored durably before
 * the 250, and a storage failure answers 451 so the sender retries. Parsing happens later.
 */
@Injectable()
export class SmtpListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SmtpListener');
  private readonly accepted = new Map<string, AcceptedRecipient[]>();
  private server?: SMTPServer;
  port?: number;

  constructor(
    @Inject(MAIL_INGEST_SETTINGS) private readonly settings: MailIngestEnv,
    private readonly addresses: AddressesService,
    private readonly store: MessageStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const tls = this.settings.SMTP_TLS_KEY_FILE && this.settings.SMTP_TLS_CERT_FILE;
    this.server = new SMTPServer({
      name: this.settings.BCC_DOMAIN,
      banner: 'CRM mail ingest',
      authOptional: true,
      disabledCommands: tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
      ...(tls ? { key: readFileSync(this.settings.SMTP_TLS_KEY_FILE!), cert: readFileSync(this.settings.SMTP_TLS_CERT_FILE!) } : {}),
      size: this.settings.SMTP_MAX_MESSAGE_BYTES,
      maxClients: this.settings.SMTP_MAX_CONNECTIONS,
      logger: false,
      onMailFrom: (_address, session, done) => {
        this.accepted.set(session.id, []);
        done();
      },
      onRcptTo: (address, session, done) => this.onRcptTo(address, session, done),
      onData: (stream, session, done) => this.onData(stream, session, done),
      onClose: (session) => this.accepted.delete(session.id),
    });
    this.server.on('error', (error) => this.logger.warn({ err: error }, 'SMTP connection error'));
    const port = this.settings.SMTP_PORT;
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, process.env.HOST ?? '0.0.0.0', () => resolve());
    });
    this.port = (this.server.server.address() as AddressInfo).port;
    this.logger.log({ port: this.port, starttls: Boolean(tls) }, 'SMTP listening');
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private onRcptTo(address: SMTPServerAddress, session: SMTPServerSession, done: Done): void {
    const accepted = this.accepted.get(session.id) ?? [];
    if (accepted.length >= this.settings.SMTP_MAX_RECIPIENTS) return done(reply(452, '4.5.3 Too many recipients'));
    this.addresses
      .resolveRecipient(address.address)
      .then((target) => {
        if (!target) return done(reply(550, `5.1.1 <${address.address}>: no such BCC address`));
        accepted.push({ ...target, address: address.address.toLowerCase() });
        this.accepted.set(session.id, accepted);
        done();
      })
      .catch((error: unknown) => {
        this.logger.warn({ err: error }, 'could not look up a recipient');
        done(reply(451, '4.3.0 Temporary failure looking up the recipient, try again later'));
      });
  }

  private onData(stream: SMTPServerDataStream, session: SMTPServerSession, done: Done): void {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      if (stream.sizeExceeded) return done(reply(552, '5.3.4 Message exceeds the maximum message size'));
      const recipients = this.accepted.get(session.id) ?? [];
      const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address || null : null;
      this.store
        .store(Buffer.concat(chunks), envelopeFrom, recipients)
        .then((ids) => done(null, `2.0.0 Queued as ${ids.join(',')}`))
        .catch((error: unknown) => {
          this.logger.warn({ err: error }, 'could not store a message; answered 451');
          done(reply(451, '4.3.0 Temporary storage failure, try again later'));
        });
    });
  }
}
