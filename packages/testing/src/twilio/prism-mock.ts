import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { freePort } from '../process-stack';

/**
 * Twilio's published OpenAPI description of the 2010-04-01 REST API (twilio/twilio-oai), in the
 * `shared/` folder beside the repository; looked up from here so it is found from src and dist.
 */
export const TWILIO_SPEC = findUpwards(path.join('shared', 'reference', 'twilio', 'twilio_api_v2010.json'));

function findUpwards(relative: string): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, relative);
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`${relative} not found above ${__dirname}`);
  }
}

/** A Stoplight Prism mock of Twilio's REST API: it validates every request against the spec. */
export interface PrismMock {
  url: string;
  stop(): Promise<void>;
}

export async function startPrism(timeoutMs = 90_000): Promise<PrismMock> {
  const port = await freePort();
  const packageDir = path.dirname(require.resolve('@stoplight/prism-cli/package.json'));
  const { bin } = require('@stoplight/prism-cli/package.json') as { bin: Record<string, string> };
  const child = spawn(process.execPath, [path.join(packageDir, bin.prism), 'mock', '-h', '127.0.0.1', '-p', String(port), TWILIO_SPEC], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await listening(child, timeoutMs);
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

function listening(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Prism did not start in ${timeoutMs} ms:\n${output.slice(-2000)}`));
    }, timeoutMs);
    const watch = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Prism is listening')) {
        clearTimeout(timer);
        // Keep draining its log so the pipe never fills.
        child.stdout?.removeAllListeners('data').resume();
        child.stderr?.removeAllListeners('data').resume();
        resolve();
      }
    };
    child.stdout?.on('data', watch);
    child.stderr?.on('data', watch);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Prism exited with ${code}:\n${output.slice(-2000)}`));
    });
  });
}
