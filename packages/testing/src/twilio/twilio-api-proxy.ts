import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, IncomingMessage, request as httpRequest, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentRequest {
  method: string;
  path: string;
  /** The form parameters the SDK sent (repeated names keep their last value). */
  form: Record<string, string>;
}

/**
 * Sits between the `twilio` SDK and the Prism mock: it records what the SDK sent (so a test can
 * call back the URLs Twilio was given), and makes each created resource look new as Twilio answers
 * it: a fresh sid (Prism answers with the spec's one example, `SMaaaa…`, every time; Twilio never
 * repeats a sid) and status `queued` (the spec's example call has already completed). Everything
 * else is Prism's: its validation (422 for an invalid request) and its bodies. `refuseNext`
 * answers the next request itself, as Twilio answers a request it refuses.
 */
export class TwilioApiProxy {
  readonly requests: SentRequest[] = [];
  private refusal: { status: number; body: object } | null = null;

  private constructor(
    private readonly server: Server,
    private readonly target: URL,
  ) {}

  static async start(target: string): Promise<TwilioApiProxy> {
    const server = createServer();
    const proxy = new TwilioApiProxy(server, new URL(target));
    server.on('request', (req, res) => void proxy.handle(req, res));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The last request whose path ends with `suffix` (e.g. `/Messages.json`). */
  last(suffix: string): SentRequest {
    const found = [...this.requests].reverse().find((r) => r.path.split('?')[0].endsWith(suffix));
    if (!found) throw new Error(`no request to …${suffix}`);
    return found;
  }

  refuseNext(status: number, body: object): void {
    this.refusal = { status, body };
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    this.requests.push({ method: req.method ?? 'GET', path: req.url ?? '/', form: Object.fromEntries(new URLSearchParams(body.toString())) });
    if (this.refusal) {
      const { status, body: refusal } = this.refusal;
      this.refusal = null;
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(refusal));
      return;
    }
    const upstream = httpRequest({
      host: this.target.hostname,
      port: this.target.port,
      method: req.method,
      path: req.url,
      headers: { ...req.headers, host: this.target.host, connection: 'close' },
    });
    upstream.end(body);
    const [answer] = (await once(upstream, 'response')) as [IncomingMessage];
    const answered: Buffer[] = [];
    for await (const chunk of answer) answered.push(chunk as Buffer);
    let payload: Buffer = Buffer.concat(answered);
    if (req.method === 'POST' && answer.statusCode === 201) payload = asJustCreated(payload);
    res.writeHead(answer.statusCode ?? 502, { 'content-type': answer.headers['content-type'] ?? 'application/octet-stream', 'content-length': payload.length }).end(payload);
  }
}

function asJustCreated(payload: Buffer): Buffer {
  try {
    const json = JSON.parse(payload.toString()) as { sid?: unknown; status?: unknown };
    if (typeof json.sid !== 'string' || !/^[A-Z]{2}[0-9a-fA-F]{32}$/.test(json.sid)) return payload;
    json.sid = `${json.sid.slice(0, 2)}${randomBytes(16).toString('hex')}`;
    if (typeof json.status === 'string') json.status = 'queued';
    return Buffer.from(JSON.stringify(json));
  } catch {
    return payload;
  }
}
