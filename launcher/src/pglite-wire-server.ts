import type { PGlite } from '@electric-sql/pglite';
import { createServer, Server, Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
/** Sync and simple Query end a unit of work: the client then waits for ReadyForQuery. */
const SYNC = 0x53;
const QUERY = 0x51;
const TERMINATE = 0x58;

interface Unit {
  client: WireClient;
  bytes: Buffer;
}

/**
 * Serves one PGlite database to many `pg` connections over the Postgres wire protocol.
 *
 * PGlite is a single session, so connections take turns. A turn is a whole unit of work — an
 * extended-protocol batch up to its Sync (Parse, Bind, Execute, Sync) or a simple Query — and,
 * while a transaction is open, every unit of the connection that opened it. (pglite-socket
 * interleaves single messages instead, so one connection's Bind can meet another's Parse:
 * "unnamed prepared statement does not exist", or worse, the wrong statement.)
 */
export class PGliteWireServer {
  private readonly server: Server;
  private readonly queue: Unit[] = [];
  private readonly clients = new Set<WireClient>();
  private owner: WireClient | null = null;
  private draining = false;

  constructor(private readonly db: PGlite) {
    this.server = createServer((socket) => this.clients.add(new WireClient(socket, this)));
  }

  async listen(host = '127.0.0.1'): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, host, resolve);
    });
    return (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    for (const client of this.clients) client.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** @internal a client's complete unit of work */
  submit(client: WireClient, bytes: Buffer): void {
    this.queue.push({ client, bytes });
    void this.drain();
  }

  /** @internal a client went away: drop its queued work and roll back its open transaction */
  async release(client: WireClient): Promise<void> {
    this.clients.delete(client);
    for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i].client === client) this.queue.splice(i, 1);
    if (this.owner === client) {
      this.owner = null;
      if (this.db.isInTransaction()) await this.db.exec('ROLLBACK').catch(() => undefined);
    }
    void this.drain();
  }

  private next(): Unit | undefined {
    const exclusive = this.owner !== null && this.db.isInTransaction();
    const index = exclusive ? this.queue.findIndex((unit) => unit.client === this.owner) : this.queue.length > 0 ? 0 : -1;
    return index === -1 ? undefined : this.queue.splice(index, 1)[0];
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      for (let unit = this.next(); unit; unit = this.next()) {
        const { client, bytes } = unit;
        try {
          await this.db.runExclusive(() => this.db.execProtocolRawStream(bytes, { onRawData: (data) => client.write(data) }));
          this.owner = client;
        } catch {
          client.destroy();
        }
      }
    } finally {
      this.draining = false;
    }
  }
}

/** One `pg` connection: cuts its byte stream into units of work. */
class WireClient {
  private buffer: Buffer = Buffer.alloc(0);
  private pending: Buffer[] = [];
  private started = false;
  private closed = false;

  constructor(
    private readonly socket: Socket,
    private readonly server: PGliteWireServer,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk) => this.receive(chunk));
    socket.on('error', () => this.destroy());
    socket.on('close', () => this.destroy());
  }

  write(data: Uint8Array): void {
    if (!this.closed && data.length > 0) this.socket.write(data);
  }

  destroy(): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.destroy();
    void this.server.release(this);
  }

  private receive(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      if (!this.started) {
        if (!this.takeStartupPacket()) return;
        continue;
      }
      const message = this.takeMessage();
      if (!message) return;
      if (message[0] === TERMINATE) return this.destroy();
      this.pending.push(message);
      if (message[0] === SYNC || message[0] === QUERY) {
        this.server.submit(this, Buffer.concat(this.pending));
        this.pending = [];
      }
    }
  }

  /** Before the session starts, packets have no type byte: SSL request (refused), cancel (ignored), startup. */
  private takeStartupPacket(): Buffer | null {
    if (this.buffer.length < 8) return null;
    const length = this.buffer.readInt32BE(0);
    const code = this.buffer.readInt32BE(4);
    if (this.buffer.length < length) return null;
    const packet = this.buffer.subarray(0, length);
    this.buffer = this.buffer.subarray(length);
    if (code === SSL_REQUEST) this.socket.write('N');
    else if (code !== CANCEL_REQUEST) {
      this.started = true;
      this.server.submit(this, Buffer.from(packet));
    }
    return packet;
  }

  private takeMessage(): Buffer | null {
    if (this.buffer.length < 5) return null;
    const length = 1 + this.buffer.readInt32BE(1);
    if (this.buffer.length < length) return null;
    const message = Buffer.from(this.buffer.subarray(0, length));
    this.buffer = this.buffer.subarray(length);
    return message;
  }
}
