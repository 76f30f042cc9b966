import { fork } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { SMTPServer, SMTPServerDataStream } from 'smtp-server';

/** The storing sink's table: the raw bytes as mail-ingest keeps them (LZ4, its default pool size). */
export const STORED_SINK_TABLE = 'public.bench_stored_messages';
const STORING_POOL_SIZE = 10;

/**
 * The ingest benchmark's baselines, each in its own process as mail-ingest is (so it does not
 * share the sending client's event loop): a bare smtp-server that accepts every recipient and
 * discards the data; given a database URL, one that also stores each message with one INSERT
 * before its 250, as the issue asks of mail-ingest, and nothing else. Run as a script, it
 * listens on a free port and sends that port to its parent.
 */
function serve(databaseUrl: string | undefined): void {
  const pool = databaseUrl ? new Pool({ connectionString: databaseUrl, max: STORING_POOL_SIZE }) : undefined;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, done) {
      if (!pool) {
        stream.on('end', () => done());
        stream.resume();
        return;
      }
      readAll(stream)
        .then((raw) => pool.query(`INSERT INTO ${STORED_SINK_TABLE} (raw) VALUES ($1)`, [raw]))
        .then(() => done(), (error: Error) => done(Object.assign(error, { responseCode: 451 })));
    },
  });
  server.listen(0, '127.0.0.1', () => process.send!({ port: (server.server.address() as AddressInfo).port }));
  process.on('disconnect', () => server.close(() => process.exit(0)));
}

function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

export interface SmtpSink {
  port: number;
  pid: number;
  stop(): Promise<void>;
}

/** The bare sink, or with `databaseUrl` the storing one (see `withStoringSink`). */
export function startSmtpSink(databaseUrl?: string): Promise<SmtpSink> {
  const child = fork(__filename, databaseUrl ? [databaseUrl] : [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
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

/**
 * Runs `measure` against the storing sink: its table made in the database, the sink started, and
 * stopped again whatever happens, so that it takes no CPU from what is measured after it.
 */
export async function withStoringSink<T>(pool: Pool, databaseUrl: string, measure: (sink: SmtpSink) => Promise<T>): Promise<T> {
  await pool.query(`CREATE TABLE ${STORED_SINK_TABLE} (id bigserial PRIMARY KEY, raw bytea NOT NULL, received_at timestamptz NOT NULL DEFAULT now())`);
  // LZ4 where the server has it, as mail-ingest's raw_messages.
  await pool.query(`ALTER TABLE ${STORED_SINK_TABLE} ALTER COLUMN raw SET COMPRESSION lz4`).catch(() => undefined);
  const sink = await startSmtpSink(databaseUrl);
  try {
    return await measure(sink);
  } finally {
    await sink.stop();
  }
}

if (require.main === module) serve(process.argv[2]);
