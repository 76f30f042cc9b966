import { readdirSync, readFileSync } from 'node:fs';

/** Linux clock ticks per second for /proc/<pid>/stat (USER_HZ; 100 on every mainstream kernel). */
const TICKS = 100;

/** CPU seconds (user + system) a process has used so far; NaN if it is gone or this is not Linux. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) are space-separated; utime and stime are 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return NaN;
  }
}

/** Processes whose command line contains `needle` (e.g. the Postgres backends of one database). */
export function pidsMatching(needle: string): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  return entries
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').includes(needle);
      } catch {
        return false;
      }
    });
}

/**
 * Postgres's server-wide writers: the WAL writer, checkpointer and background writer. Shared by
 * every database on the server, but busy mostly with a benchmark's WAL while it runs.
 */
export function postgresWriterPids(): number[] {
  return [...pidsMatching('walwriter'), ...pidsMatching('checkpointer'), ...pidsMatching('background writer')];
}

/**
 * CPU used by groups of processes between `start` and `stop`, as a share of one core. Groups
 * are resolved again at the end, so processes that started meanwhile (new Postgres backends)
 * count from zero; processes that ended meanwhile are lost.
 */
export class CpuMeter {
  private before = new Map<number, number>();
  private machineBefore = machineTicks();
  private startedAt = 0;

  constructor(private readonly groups: Record<string, () => number[]>) {}

  start(): void {
    this.startedAt = Date.now();
    this.before = new Map();
    this.machineBefore = machineTicks();
    for (const pids of Object.values(this.groups)) for (const pid of pids()) this.before.set(pid, cpuSeconds(pid));
  }

  /**
   * The window's length and, per group, cores used on average over the window (1.0 = one core
   * busy all the time); `everything else` is what the whole machine used beyond the groups
   * (another job on the machine makes every figure of the run unreliable; the kernel's network
   * and disk work is in it too), and `stolen by the hypervisor` the VM's steal time.
   */
  stop(): { seconds: number; cores: Record<string, number> } {
    const seconds = (Date.now() - this.startedAt) / 1000;
    const machine = machineTicks();
    const used: Record<string, number> = {};
    for (const [name, pids] of Object.entries(this.groups)) {
      let total = 0;
      for (const pid of pids()) {
        const now = cpuSeconds(pid);
        if (Number.isFinite(now)) total += now - (this.before.get(pid) ?? 0);
      }
      used[name] = total / seconds;
    }
    const ours = Object.values(used).reduce((sum, cores) => sum + cores, 0);
    used['everything else (other processes, kernel)'] = (machine.busy - this.machineBefore.busy) / TICKS / seconds - ours;
    used['stolen by the hypervisor'] = (machine.steal - this.machineBefore.steal) / TICKS / seconds;
    return { seconds, cores: used };
  }
}

/** Busy clock ticks of the whole machine so far (all CPUs; everything but idle and iowait), from /proc/stat. */
function machineTicks(): { busy: number; steal: number } {
  try {
    // user nice system idle iowait irq softirq steal guest guest_nice (guest time is already in user and nice)
    const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = ticks;
    return { busy: user + nice + system + irq + softirq, steal: steal ?? 0 };
  } catch {
    return { busy: NaN, steal: NaN };
  }
}
