import { connect, Socket } from 'node:net';

export class SmtpReplyError extends Error {
  constructor(
    readonly code: number,
    readonly reply: string,
  ) {
    super(reply);
  }
}

/**
 * A minimal SMTP sender for load: one connection, EHLO once, then per message MAIL, RCPT and
 * DATA pipelined (RFC 2920, as Postfix sends them) and the message in a single write. The
 * message must already be in wire form (CRLF lines, no line starting with a dot), which is what
 * the benchmark's messages are; this keeps the client's CPU for the load rather than for
 * re-encoding 100 KB attachments (nodemailer spent most of its time there, making the bare
 * sink's figure a measure of the client).
 */
export class SmtpClient {
  private buffer = '';
  private waiting: { resolve: (reply: string) => void; reject: (error: Error) => void }[] = [];
  private failure?: Error;

  private constructor(private readonly socket: Socket) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk.toString('latin1')));
    const fail = (error: Error) => {
      this.failure ??= error;
      for (const waiter of this.waiting.splice(0)) waiter.reject(this.failure);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('connection closed')));
  }

  static async open(port: number, host = '127.0.0.1'): Promise<SmtpClient> {
    const socket = connect(port, host);
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    const client = new SmtpClient(socket);
    await client.expect(220);
    client.socket.write('EHLO bench.client\r\n');
    await client.expect(250);
    return client;
  }

  /** Deliver one message; resolves with the final reply (250 …) or rejects with the server's refusal. */
  async send(from: string, to: string[], message: Buffer): Promise<string> {
    this.socket.write(`MAIL FROM:<${from}>\r\n${to.map((address) => `RCPT TO:<${address}>\r\n`).join('')}DATA\r\n`);
    const replies = [this.reply(), ...to.map(() => this.reply()), this.reply()];
    const settled = await Promise.allSettled(replies);
    const codes = settled.map((s) => (s.status === 'fulfilled' ? Number(s.value.slice(0, 3)) : NaN));
    if (settled.some((s) => s.status === 'rejected')) throw (settled.find((s) => s.status === 'rejected') as PromiseRejectedResult).reason;
    if (codes[codes.length - 1] !== 354) {
      // DATA was refused (a recipient or the sender was); the transaction is over, start the next one clean.
      const refusal = settled.map((s) => (s as PromiseFulfilledResult<string>).value).find((reply) => !/^[23]/.test(reply)) ?? 'DATA refused';
      this.socket.write('RSET\r\n');
      await this.reply();
      throw new SmtpReplyError(Number(refusal.slice(0, 3)), refusal);
    }
    this.socket.write(message.subarray(message.length - 2).toString() === '\r\n' ? Buffer.concat([message, END]) : Buffer.concat([message, CRLF_END]));
    const reply = await this.reply();
    if (!reply.startsWith('250')) throw new SmtpReplyError(Number(reply.slice(0, 3)), reply);
    return reply;
  }

  async close(): Promise<void> {
    if (this.failure) return;
    this.socket.write('QUIT\r\n');
    await this.reply().catch(() => undefined);
    this.socket.end();
  }

  private async expect(code: number): Promise<void> {
    const reply = await this.reply();
    if (!reply.startsWith(String(code))) throw new SmtpReplyError(Number(reply.slice(0, 3)), reply);
  }

  private reply(): Promise<string> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.deliver();
    });
  }

  private onData(text: string): void {
    this.buffer += text;
    this.deliver();
  }

  /** Hand complete replies (the last line of a multi-line one has a space after the code) to waiters in order. */
  private deliver(): void {
    while (this.waiting.length > 0) {
      let end = -1;
      let start = 0;
      for (;;) {
        const lineEnd = this.buffer.indexOf('\r\n', start);
        if (lineEnd === -1) break;
        if (this.buffer[start + 3] !== '-') {
          end = lineEnd + 2;
          break;
        }
        start = lineEnd + 2;
      }
      if (end === -1) return;
      const reply = this.buffer.slice(0, end).trimEnd();
      this.buffer = this.buffer.slice(end);
      this.waiting.shift()!.resolve(reply.slice(reply.lastIndexOf('\r\n') + 1).trimStart());
    }
  }
}

const END = Buffer.from('.\r\n');
const CRLF_END = Buffer.from('\r\n.\r\n');
