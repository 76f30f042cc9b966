/** What this replica keeps of the messages it just stored (the oldest are filed first). */
const BUDGET_BYTES = 64 * 1024 * 1024;

/**
 * The bytes of messages this replica has just stored, so its filing worker need not read them
 * back from Postgres (hex-encoded, twice their size) moments later. Only a shortcut: a message not
 * here (another replica stored it, the budget was full, the process restarted, a retry) is read
 * from the database. When the budget is full new messages are not kept, since the worker takes
 * the oldest first.
 */
export class RecentRawMessages {
  private readonly byId = new Map<string, Buffer>();
  private bytes = 0;

  constructor(private readonly budgetBytes = BUDGET_BYTES) {}

  remember(ids: string[], raw: Buffer): void {
    // One row per account shares the same bytes: counted once per id all the same.
    if (this.bytes + raw.length * ids.length > this.budgetBytes) return;
    for (const id of ids) {
      this.byId.set(id, raw);
      this.bytes += raw.length;
    }
  }

  /** The bytes of those ids that are here, forgotten as they are handed out. */
  take(ids: string[]): Map<string, Buffer> {
    const found = new Map<string, Buffer>();
    for (const id of ids) {
      const raw = this.byId.get(id);
      if (!raw) continue;
      found.set(id, raw);
      this.byId.delete(id);
      this.bytes -= raw.length;
    }
    return found;
  }
}
