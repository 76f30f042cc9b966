import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { RUNTIME, ServiceRuntime } from '@crm/platform';
import type { AddressInfo } from 'node:net';
import { SMTPServer, SMTPServerAddress, SMTPServerSession } from 'smtp-server';

/** 25 MiB, the size most providers accept; larger messages get 552 at MAIL FROM (SIZE) or DATA. */
export const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

/**
 * The SMTP endpoint senders deliver BCC copies to. Until BCC addresses exist (the mail-ingest
 * issue) no recipient is known, so every RCPT TO is refused with 550 and nothing is accepted.
 */
@Injectable()
export class SmtpListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SmtpListener');
  private server?: SMTPServer;
  port?: number;

  constructor(@Inject(RUNTIME) private readonly runtime: ServiceRuntime) {}

  async onApplicationBootstrap(): Promise<void> {
    this.server = new SMTPServer({
      name: this.runtime.settings.BCC_DOMAIN || 'localhost',
      banner: 'CRM mail ingest',
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      size: MAX_MESSAGE_BYTES,
      logger: false,
      onRcptTo: (address: SMTPServerAddress, _session: SMTPServerSession, callback: (error?: Error) => void) =>
        callback(Object.assign(new Error(`5.1.1 <${address.address}>: no such BCC address`), { responseCode: 550 })),
      onData: (stream, _session, callback) => {
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('no valid recipients'), { responseCode: 554 })));
      },
    });
    const port = Number(this.runtime.settings.SMTP_PORT ?? 2525);
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, process.env.HOST ?? '0.0.0.0', () => resolve());
    });
    this.port = (this.server.server.address() as AddressInfo).port;
    this.logger.log({ port: this.port }, 'SMTP listening');
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
