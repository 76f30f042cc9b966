import autocannon from 'autocannon';

export interface Figures {
  name: string;
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
}

/** The q-quantile of values sorted ascending (NaN for none). */
export function quantile(sorted: number[], q: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Exact percentiles of a set of latencies (ms). */
function percentiles(latencies: number[]): Pick<Figures, 'p50' | 'p95' | 'p99'> {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), p99: quantile(sorted, 0.99) };
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
  return { name, requests: latencies.length, errors, rps: latencies.length / seconds, ...percentiles(latencies) };
}

/** HTTP load from this process with autocannon; non-2xx answers count as errors. */
export async function measureHttp(
  name: string,
  options: {
    url: string;
    connections: number;
    /** Run for this long, or until `amount` requests have been answered. */
    durationMs?: number;
    amount?: number;
    method?: 'GET' | 'POST';
    headers: Record<string, string>;
    body?: (i: number) => string;
  },
): Promise<Figures> {
  let i = 0;
  // autocannon reports no p95: time each successful response ourselves.
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        ...(options.amount ? { amount: options.amount } : { duration: (options.durationMs ?? 10_000) / 1000 }),
        method: options.method ?? 'GET',
        headers: options.headers,
        requests: options.body ? [{ setupRequest: (req) => ({ ...req, body: options.body!(i++) }) }] : undefined,
      },
      (error: Error | null, finished: autocannon.Result) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client, statusCode: number, _bytes, responseTime: number) => {
      if (statusCode < 300) latencies.push(responseTime);
    });
  });
  return {
    name,
    requests: result.requests.total,
    errors: result.non2xx + result.errors + result.timeouts,
    rps: result.requests.average,
    ...percentiles(latencies),
  };
}

export function printTable(rows: (Figures & { baseline?: Figures })[]): void {
  const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
  const lines = [
    ['scenario', 'requests', 'errors', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'ratio to baseline (req/s)'],
    ...rows.map((r) => [
      r.name,
      String(r.requests),
      String(r.errors),
      fmt(r.rps, 0),
      fmt(r.p50, 2),
      fmt(r.p95, 2),
      fmt(r.p99, 2),
      r.baseline ? `${fmt((r.rps / r.baseline.rps) * 100, 0)}% of ${r.baseline.name}` : '(baseline)',
    ]),
  ];
  const widths = lines[0].map((_, c) => Math.max(...lines.map((l) => l[c].length)));
  for (const line of lines) process.stdout.write(line.map((cell, c) => cell.padEnd(widths[c])).join('  ') + '\n');
}
