import { createServer } from 'node:http';
import { connect } from 'nats';

/**
 * A child process of the transport floor (ceilings.ts): `responder` answers every request on a
 * subject with its own payload; `server` is a bare `node:http` server that forwards each request
 * over NATS request/reply to the responder and writes the reply. No framework, no database.
 * Arguments: the role, the NATS URL, the subject; when ready it sends `{ ready: true }` (and the
 * server its port) to its parent.
 */
async function main(): Promise<void> {
  const [role, natsUrl, subject] = process.argv.slice(2);
  const nats = await connect({ servers: natsUrl, name: `bench-floor-${role}` });
  if (role === 'responder') {
    const subscription = nats.subscribe(subject, { queue: 'floor' });
    process.send!({ ready: true });
    for await (const message of subscription) message.respond(message.data);
    return;
  }
  const body = Buffer.from(JSON.stringify({ data: { id: 1, name: 'floor' }, meta: { type: 'floor' } }));
  const server = createServer((_request, response) => {
    nats.request(subject, body, { timeout: 10_000 }).then(
      (reply) => response.writeHead(200, { 'Content-Type': 'application/json' }).end(reply.data),
      () => response.writeHead(503).end(),
    );
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.send!({ ready: true, port: typeof address === 'object' && address ? address.port : 0 });
  });
}

void main();
