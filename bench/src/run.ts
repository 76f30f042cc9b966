import { apiBenchmark } from './scenarios/api';
import { distributionBenchmark } from './scenarios/distribution';
import { ingestBenchmark } from './scenarios/ingest';
import { smartListBenchmark } from './scenarios/smartlist';

/** `npm run bench -- <scenario...> [--option=value...]`; no name runs them all. */
const SCENARIOS: Record<string, () => Promise<void>> = {
  api: apiBenchmark,
  smartlist: smartListBenchmark,
  distribution: distributionBenchmark,
  comms: () => import('./scenarios/comms').then((scenario) => scenario.commsBenchmark()),
  ingest: ingestBenchmark,
  telephony: () => import('./scenarios/telephony').then((scenario) => scenario.telephonyBenchmark()),
  web: () => import('./scenarios/web').then((scenario) => scenario.webBenchmark()),
};

async function main(): Promise<void> {
  // `--name=value` arguments are scenario options (see options.ts), not scenario names.
  const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const unknown = requested.filter((name) => !SCENARIOS[name]);
  if (unknown.length > 0) {
    process.stderr.write(`unknown scenario ${unknown.join(', ')}; available: ${Object.keys(SCENARIOS).join(', ')}\n`);
    process.exit(2);
  }
  for (const name of requested.length > 0 ? requested : Object.keys(SCENARIOS)) {
    process.stdout.write(`\n== ${name} ==\n`);
    await SCENARIOS[name]();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
