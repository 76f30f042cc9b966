/**
 * Runs `step` over and over in the background until stopped: straight again while it reports
 * more work, otherwise after `pollMs` or as soon as `nudge()` says there is work (a nudge that
 * arrives while a step runs is kept, so no wake-up is lost). `stop()` waits for the step in
 * flight, so its transaction commits or rolls back before the database closes.
 */
export class BackgroundLoop {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private pending = false;

  constructor(
    private readonly step: () => Promise<boolean>,
    private readonly pollMs: number,
    /** Pause after a wake-up before the next step (lets concurrent work join one batch). */
    private readonly settleMs = 0,
  ) {}

  get isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  nudge = (): void => {
    if (this.wake) this.wake();
    else this.pending = true;
  };

  private async run(): Promise<void> {
    while (this.running) {
      if (await this.step()) continue;
      await this.idle();
      if (this.settleMs > 0 && this.running) await new Promise((resolve) => setTimeout(resolve, this.settleMs));
    }
  }

  private idle(): Promise<void> {
    if (this.pending || !this.running) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.wake?.(), this.pollMs);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
    });
  }
}
