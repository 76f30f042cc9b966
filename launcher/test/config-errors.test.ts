import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');

/** A bad variable stops a process at start, naming the variable, before it touches anything. */
describe('configuration errors', () => {
  it.each([
    ['apps/records/dist/main.js', { DATABASE_URL: 'mysql://nope', NATS_URL: 'nats://127.0.0.1:4222' }, 'DATABASE_URL="mysql://nope"'],
    ['apps/gateway/dist/main.js', { NATS_URL: 'http://wrong', PORT: 'eighty' }, 'PORT="eighty"'],
    ['launcher/dist/main.js', { PORT: '70000' }, 'PORT="70000"'],
  ])('%s exits with 78 and names the variable', (entry, env, expected) => {
    const result = spawnSync(process.execPath, [path.join(root, entry)], {
      env: { PATH: process.env.PATH, ...env },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toContain(expected);
  });
});
