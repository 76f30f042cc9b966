import { createTransport, NodemailerError, SendMailOptions, SMTPSentMessageInfo, Transporter } from 'nodemailer';

/**
 * `rejected`: recipients the relay refused while it took the message for the others.
 * `permanent`: the relay refused the message for good (5xx); retrying would get the same answer.
 */
export type RelayOutcome = { delivered: true; rejected: string[] } | { delivered: false; permanent: boolean; error: string };

/** Never wait on a relay longer than a worker's lease, so no other replica takes the email meanwhile. */
const TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

/**
 * The SMTP relay, through nodemailer: one connection per message (mail composed by people is
 * rare; a pool would hold connections a restarting relay has to wait for).
 */
export class SmtpRelay {
  private readonly transport: Transporter<SMTPSentMessageInfo>;

  constructor(url: string) {
    this.transport = createTransport({ url, ...TIMEOUTS });
  }

  async send(message: SendMailOptions): Promise<RelayOutcome> {
    try {
      const info = await this.transport.sendMail(message);
      return { delivered: true, rejected: info.rejected };
    } catch (error) {
      const failure = error as NodemailerError;
      // A refused login is the relay's configuration, not this message: keep it queued until that is fixed.
      const permanent = failure.permanent === true && failure.code !== 'EAUTH';
      return { delivered: false, permanent, error: failure.message ?? String(error) };
    }
  }

  close(): void {
    this.transport.close();
  }
}
