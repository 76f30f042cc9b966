import { fork } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * The ingest benchmark's baseline: a bare smtp-server that accepts every recipient and discards
 * the data, in its own process as mail-ingest is (so it does not share the sending client's
 * event loop). Run as a script, it listens on a free port and sends that port to its parent.
 */
function serve(): void {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, done) {
      stream.on('end', () => done());
      stream.resume();
    },
  });
  server.listen(0, '127.0.0.1', () => process.send!({ port: (server.server.address() as AddressInfo).port }));
  process.on('disconnect', () => server.close(() => process.exit(0)));
}

export interface SmtpSink {
  port: number;
  pid: number;
  stop(): Promise<void>;
}

export function startSmtpSink(): Promise<SmtpSink> {
  const child = fork(__filename, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the SMTP sink exited with ${code}`)));
    child.once('message', (message: { port: number }) =>
      resolve({
        port: message.port,
        pid: child.pid!,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.disconnect();
            setTimeout(() => child.kill('SIGKILL'), 5000).unref();
          }),
      }),
    );
  });
}

if (require.main === module) serve();
