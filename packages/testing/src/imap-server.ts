import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import * as path from 'node:path';
import { ImapFlow } from 'imapflow';
import { freePort } from './process-stack';

/** Where Debian's dovecot-imapd puts it (sbin is not always on a test runner's PATH). */
function dovecotBinary(): string {
  for (const candidate of ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot']) if (existsSync(candidate)) return candidate;
  const found = spawnSync('sh', ['-c', 'command -v dovecot'], { encoding: 'utf8' }).stdout.trim();
  if (found) return found;
  throw new Error('dovecot is not installed: the mailbox sync tests need a real IMAP server (apt-get install dovecot-imapd; .ci/run installs it)');
}

/**
 * A private dovecot IMAP server for one test file: its own config, users, maildirs, sockets and
 * log in a temp dir, plaintext login on 127.0.0.1 at a free port. Mail belongs to an unprivileged
 * uid (dovecot refuses uid 0 for mail access), so as root it is `nobody`.
 */
export class TestImapServer {
  private child?: ChildProcess;
  private readonly users = new Map<string, string>();

  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  static async start(): Promise<TestImapServer> {
    const binary = dovecotBinary();
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-imap-'));
    chmodSync(dir, 0o755); // dovecot's auth process runs as its own user and reads the users file
    const server = new TestImapServer(await freePort(), dir);
    server.writeConfig();
    await server.launch(binary);
    return server;
  }

  /** Add or change a login (dovecot re-reads the passwd-file when it changes). */
  setUser(name: string, password: string): void {
    this.users.set(name, password);
    const file = path.join(this.dir, 'users');
    writeFileSync(file, [...this.users].map(([user, pass]) => `${user}:{PLAIN}${pass}\n`).join(''));
    chmodSync(file, 0o644);
  }

  /** Log in as `user` and run `work` (append, create folders…). */
  async as<T>(user: string, work: (client: ImapFlow) => Promise<T>): Promise<T> {
    const client = new ImapFlow({ host: '127.0.0.1', port: this.port, secure: false, doSTARTTLS: false, auth: { user, pass: this.users.get(user)! }, logger: false });
    client.on('error', () => undefined);
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.logout().catch(() => client.close());
    }
  }

  /** Append raw messages to a folder, over a few connections at once for large batches. */
  async append(user: string, folder: string, messages: string[], connections = 1): Promise<void> {
    const share = Math.ceil(messages.length / connections);
    const parts = Array.from({ length: connections }, (_, i) => messages.slice(i * share, (i + 1) * share)).filter((part) => part.length > 0);
    // Several connections interleave their UIDs: use one when the order matters.
    await Promise.all(parts.map((part) => this.as(user, async (client) => {
      for (const message of part) await client.append(folder, message);
    })));
  }

  /** Stop the server (the mailbox data stays); resolves once it has exited. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }

  /** Start it again on the same port with the same mail. */
  async restart(): Promise<void> {
    await this.stop();
    await this.launch(dovecotBinary());
  }

  /** Stop and delete everything. */
  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private writeConfig(): void {
    const root = process.getuid?.() === 0;
    const mailUid = root ? 65534 : process.getuid!();
    const mailGid = root ? 65534 : process.getgid!();
    for (const sub of ['run', 'state', 'home']) mkdirSync(path.join(this.dir, sub));
    if (root) chownSync(path.join(this.dir, 'home'), mailUid, mailGid);
    // Not root: every dovecot process runs as this user.
    const self = root ? [] : [`default_internal_user = ${userInfo().username}`, `default_login_user = ${userInfo().username}`, `default_internal_group = ${userInfo().username}`];
    const config = [
      `base_dir = ${this.dir}/run`,
      `state_dir = ${this.dir}/state`,
      `log_path = ${this.dir}/dovecot.log`,
      `info_log_path = ${this.dir}/dovecot.log`,
      ...self,
      'protocols = imap',
      'listen = 127.0.0.1',
      'ssl = no',
      'disable_plaintext_auth = no',
      'auth_mechanisms = plain login',
      'auth_failure_delay = 0',
      'mail_location = maildir:~/Maildir',
      'mail_fsync = never',
      'service imap-login {',
      `  inet_listener imap {\n    address = 127.0.0.1\n    port = ${this.port}\n  }`,
      '  inet_listener imaps {\n    port = 0\n  }',
      '}',
      `passdb {\n  driver = passwd-file\n  args = ${this.dir}/users\n}`,
      `userdb {\n  driver = static\n  args = uid=${mailUid} gid=${mailGid} home=${this.dir}/home/%u\n}`,
      'namespace inbox {',
      '  inbox = yes',
      '  mailbox Sent {\n    special_use = \\Sent\n    auto = subscribe\n  }',
      '}',
      '',
    ].join('\n');
    writeFileSync(path.join(this.dir, 'dovecot.conf'), config);
    writeFileSync(path.join(this.dir, 'users'), '', { mode: 0o644 });
  }

  private async launch(binary: string): Promise<void> {
    const child = spawn(binary, ['-F', '-c', path.join(this.dir, 'dovecot.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    this.child = child;
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) break;
      if (await accepts(this.port)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    child.kill('SIGKILL');
    throw new Error(`dovecot did not start on port ${this.port}:\n${output}\n${this.log()}`);
  }

  private log(): string {
    try {
      return readFileSync(path.join(this.dir, 'dovecot.log'), 'utf8').slice(-4000);
    } catch {
      return '(no log)';
    }
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

let sequence = 0;

/** A raw RFC 5322 message; a unique Message-ID unless given. */
export function rawMessage(fields: { from: string; to: string; cc?: string; subject: string; text?: string; messageId?: string; date?: Date }): string {
  const messageId = fields.messageId ?? `<sync-${Date.now()}-${++sequence}@test.example>`;
  return [
    `From: ${fields.from}`,
    `To: ${fields.to}`,
    ...(fields.cc ? [`Cc: ${fields.cc}`] : []),
    `Subject: ${fields.subject}`,
    `Message-ID: ${messageId}`,
    `Date: ${(fields.date ?? new Date()).toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    fields.text ?? `Body of ${fields.subject}`,
    '',
  ].join('\r\n');
}
