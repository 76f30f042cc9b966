import EmailForwardParser from 'email-forward-parser';
import { simpleParser } from 'mailparser';
import { availableParallelism } from 'node:os';
import { CpuMeter, pidsMatching, postgresWriterPids } from '../cpu';
import { acceptRate, BenchMessage, MailKind, SendResult } from './ingest-mail';

/** CPU of storing before the 250: the storing sink's process and the Postgres work it causes. */
export interface StoreCost {
  /** Messages per second the storing sink accepted. */
  rate: number;
  /** ms of CPU per message: the sink's process, its database's backends, WAL writer and checkpointer. */
  msPerMessage: number;
  /** Cores the whole machine had busy meanwhile (the sending client included). */
  machineCores: number;
}

/** ms of CPU per message of parsing, by kind and over the mix. */
export interface ParseCost {
  byKind: Record<MailKind, number>;
  mix: number;
}

/**
 * Runs `send` (the storing sink's measured run) with the storing side's CPU metered: the sink's
 * process and the Postgres processes of `databaseName` (its backends) plus the server's writers.
 */
export async function meterStore(
  sinkPid: number,
  databaseName: string,
  send: () => Promise<SendResult>,
): Promise<{ result: SendResult; cost: StoreCost }> {
  const meter = new CpuMeter({
    sink: () => [sinkPid],
    postgres: () => [...pidsMatching(`${databaseName} `), ...postgresWriterPids()],
  });
  meter.start();
  const result = await send();
  const { seconds, cores } = meter.stop();
  const storing = cores.sink + cores.postgres;
  const machineCores = Object.entries(cores)
    .filter(([name]) => name !== 'stolen by the hypervisor')
    .reduce((sum, [, value]) => sum + value, 0);
  const cost = { rate: acceptRate(result).mean, msPerMessage: (storing * seconds * 1000) / Math.max(1, result.accepted), machineCores };
  return { result, cost };
}

/**
 * What mail-ingest must do with every message after the 250 before anything is filed, on its
 * own in this process: parse it with mailparser (the options mail-ingest uses) and look for a
 * forwarded block with email-forward-parser. Messages are parsed one at a time, after a warm-up.
 */
export async function measureParse(messages: BenchMessage[]): Promise<ParseCost> {
  const forwards = new EmailForwardParser();
  const parse = async (message: BenchMessage) => {
    const mail = await simpleParser(message.raw, {
      keepCidLinks: true,
      skipImageLinks: true,
      skipTextToHtml: true,
      skipTextLinks: true,
      checksumAlgo: 'sha256',
    });
    if (mail.text) forwards.read(mail.text, mail.subject);
  };
  for (const message of messages.slice(0, 60)) await parse(message);
  const spent: Record<MailKind, { ms: number; n: number }> = {
    plain: { ms: 0, n: 0 },
    forwarded: { ms: 0, n: 0 },
    attachment: { ms: 0, n: 0 },
  };
  for (const message of messages) {
    const before = process.cpuUsage();
    await parse(message);
    const used = process.cpuUsage(before);
    spent[message.kind].ms += (used.user + used.system) / 1000;
    spent[message.kind].n++;
  }
  const byKind = Object.fromEntries(Object.entries(spent).map(([kind, { ms, n }]) => [kind, ms / Math.max(1, n)])) as Record<MailKind, number>;
  const total = Object.values(spent).reduce((sum, { ms }) => sum + ms, 0);
  return { byKind, mix: total / messages.length };
}

/**
 * The floor those two put under the targets: storing and parsing alone, with no filing, no
 * services, no events and no API, need `store + parse` ms of CPU per message; the machine's cores
 * bound the rate they allow, whatever the rest of the system costs.
 */
export function describeFloor(store: StoreCost, parse: ParseCost, targetRate: number): string[] {
  const cores = availableParallelism();
  const perMessage = store.msPerMessage + parse.mix;
  const bound = (cores * 1000) / perMessage;
  return [
    `floor of what the issue asks of every message, on this machine (${cores} cores):`,
    `  storing it before the 250 (the storing sink + Postgres, measured in its run above: ${store.rate.toFixed(0)} msg/s ` +
      `with ${store.machineCores.toFixed(2)} cores of the machine busy): ${store.msPerMessage.toFixed(2)} ms of CPU`,
    `  parsing it after (mailparser + email-forward-parser, one process): ${parse.mix.toFixed(2)} ms of CPU ` +
      `(plain ${parse.byKind.plain.toFixed(2)}, forwarded ${parse.byKind.forwarded.toFixed(2)}, attachment ${parse.byKind.attachment.toFixed(2)})`,
    `  together ${perMessage.toFixed(2)} ms: at most ${bound.toFixed(0)} msg/s stored and parsed with every core busy and nothing ` +
      `else running (no filing, services, events, API or sending client); ${targetRate} msg/s needs ` +
      `${((targetRate * perMessage) / 1000).toFixed(2)} of ${cores} cores for these two steps alone`,
  ];
}
