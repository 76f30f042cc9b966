import { ChildProcess, fork } from 'node:child_process';
import * as path from 'node:path';
import { TEST_NATS_URL } from '@crm/testing';
import { Figures, measureHttp } from '../measure';

/**
 * What one HTTP request through this architecture can cost at best on this machine, measured in
 * the same run as a scenario so its targets can be read against it:
 * - the gateway answering a request itself (`GET /health/live`: NestJS, express, logging and
 *   metrics middleware, no NATS, no database);
 * - the transport's floor: a bare `node:http` server forwarding each request over NATS
 *   request/reply to a bare responder in another process (no framework, no database);
 * - the cheapest API request: `GET /v2/accounts/self` (the gateway, NATS, records, one indexed read).
 * Every API request pays at least the transport's floor, and every request through the gateway
 * at least what the gateway costs answering itself.
 */
export async function measureCeilings(gatewayUrl: string, connections: number, durationMs: number, auth: Record<string, string>): Promise<Figures[]> {
  const gateway = await measureHttp('ceiling: the gateway answering itself (GET /health/live)', {
    url: `${gatewayUrl}/health/live`,
    connections,
    durationMs,
    headers: {},
  });
  const subject = `bench.floor.${process.pid}`;
  const responder = await start('responder', subject);
  const server = await start('server', subject);
  try {
    const floor = await measureHttp('ceiling: node:http -> NATS request -> responder (no framework)', {
      url: `http://127.0.0.1:${server.port}/`,
      connections,
      durationMs,
      headers: {},
    });
    const cheapest = await measureHttp('ceiling: the cheapest API request (GET /v2/accounts/self)', {
      url: `${gatewayUrl}/v2/accounts/self`,
      connections,
      durationMs,
      headers: auth,
    });
    return [gateway, floor, cheapest];
  } finally {
    responder.child.kill();
    server.child.kill();
  }
}

/** A one-line reading of the ceilings, for a scenario's summary. */
export function describeCeilings([gateway, floor, cheapest]: Figures[]): string {
  return (
    `ceilings on this machine: the gateway answers ${gateway.rps.toFixed(0)} req/s with no I/O at all; ` +
    `a bare node:http server that forwards each request over NATS to a bare responder, ${floor.rps.toFixed(0)} req/s; ` +
    `the cheapest API request, ${cheapest.rps.toFixed(0)} req/s`
  );
}

function start(role: 'responder' | 'server', subject: string): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(path.join(__dirname, 'transport-floor-process.js'), [role, TEST_NATS_URL, subject], { stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the transport floor's ${role} exited with ${code}`)));
    child.once('message', (message: { port?: number }) => resolve({ child, port: message.port ?? 0 }));
  });
}
