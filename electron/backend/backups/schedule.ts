// Automatic backups of the open workspace: one when it opens, then at most one every 15 minutes,
// and only when the workspace changed since its newest backup (the change log's last sequence
// number tells). The clock is injected so tests drive it.

export const AUTO_INTERVAL_MS = 15 * 60 * 1000;

export interface Timers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

const realTimers: Timers = {
  setInterval: (callback, ms) => {
    const handle = setInterval(callback, ms);
    // A pending backup timer never keeps the process alive on its own.
    handle.unref();
    return handle;
  },
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};

export interface ScheduleDeps {
  /** The open workspace's last change-log sequence number. */
  changeSeq(): number;
  /** The sequence number the newest backup holds, or null when there is none. */
  newestBackupSeq(): number | null;
  /** Takes an automatic backup (its failures are reported by the store, not thrown here). */
  take(): Promise<void>;
  timers?: Timers;
  intervalMs?: number;
}

export class AutoBackup {
  #handle: unknown = null;
  #running: Promise<void> | null = null;
  /** A state known to be safe elsewhere (just restored from a backup or a backup file). */
  #safeSeq: number | null = null;

  constructor(private readonly deps: ScheduleDeps) {}

  /** True when the workspace holds changes its newest backup does not (an empty new workspace has none). */
  changed(): boolean {
    const current = this.deps.changeSeq();
    if (this.#safeSeq !== null && current === this.#safeSeq) return false;
    const newest = this.deps.newestBackupSeq();
    return newest === null ? current > 0 : newest !== current;
  }

  /**
   * At open: a backup unless the newest one already holds exactly this state; then the timer.
   * `atOpen: false` (after a restore) treats the state as already backed up: it came from one.
   */
  async start({ atOpen = true }: { atOpen?: boolean } = {}): Promise<void> {
    // The timer first: the caller may not wait for the backup at open, and a stop() meanwhile
    // must find the timer to clear.
    const timers = this.deps.timers ?? realTimers;
    this.#handle = timers.setInterval(() => void this.tick(), this.deps.intervalMs ?? AUTO_INTERVAL_MS);
    if (atOpen) await this.tick();
    else this.#safeSeq = this.deps.changeSeq();
  }

  /** One check: back up if there are changes. Never two at once. */
  async tick(): Promise<void> {
    if (this.#running) return this.#running;
    if (!this.changed()) return;
    this.#running = this.deps.take().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  /** Stops the timer and waits for a backup in progress. */
  async stop(): Promise<void> {
    if (this.#handle !== null) (this.deps.timers ?? realTimers).clearInterval(this.#handle);
    this.#handle = null;
    await this.#running;
  }
}
