import autocannon from 'autocannon';

export interface Figures {
  name: string;
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
}

/** Run `work` from `concurrency` loops for `durationMs`, timing every call (the SQL baselines). */
export async function measureLoop(name: string, concurrency: number, durationMs: number, work: (i: number) => Promise<unknown>): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  let counter = 0;
  const end = Date.now() + durationMs;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) {
        const t0 = process.hrtime.bigint();
        try {
          await work(counter++);
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        } catch {
          errors++;
        }
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { name, requests: latencies.length, errors, rps: latencies.length / seconds, p50: at(0.5), p99: at(0.99) };
}

/** HTTP load from this process with autocannon; non-2xx answers count as errors. */
export async function measureHttp(
  name: string,
  options: { url: string; connections: number; durationMs: number; method?: 'GET' | 'POST'; headers: Record<string, string>; body?: (i: number) => string },
): Promise<Figures> {
  let i = 0;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationMs / 1000,
    method: options.method ?? 'GET',
    headers: options.headers,
    requests: options.body ? [{ setupRequest: (req) => ({ ...req, body: options.body!(i++) }) }] : undefined,
  });
  return {
    name,
    requests: result.requests.total,
    errors: result.non2xx + result.errors + result.timeouts,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

export function printTable(rows: (Figures & { baseline?: Figures })[]): void {
  const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
  const lines = [
    ['scenario', 'requests', 'errors', 'req/s', 'p50 ms', 'p99 ms', 'ratio to baseline (req/s)'],
    ...rows.map((r) => [
      r.name,
      String(r.requests),
      String(r.errors),
      fmt(r.rps, 0),
      fmt(r.p50, 2),
      fmt(r.p99, 2),
      r.baseline ? `${fmt((r.rps / r.baseline.rps) * 100, 0)}% of ${r.baseline.name}` : '(baseline)',
    ]),
  ];
  const widths = lines[0].map((_, c) => Math.max(...lines.map((l) => l[c].length)));
  for (const line of lines) process.stdout.write(line.map((cell, c) => cell.padEnd(widths[c])).join('  ') + '\n');
}
