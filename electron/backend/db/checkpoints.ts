import { join } from 'node:path';
import { findWorker, launchWorker, type WorkerLauncher } from '../workers';

// In WAL mode a commit appends the transaction's pages to the write-ahead log, and the committing
// connection then copies the log into the file (SQLite's automatic checkpoint, past 1,000 pages).
// After a call that wrote a great deal (a 100,000-row import leaves ~400 MB of log) that copy
// takes as long again as the commit itself (1.5 s of the import's 3 s commit, measured), and the
// coordinator would wait for it although the import is already safe in the log. Such a call
// commits with the automatic checkpoint off; the checkpoint then runs in a worker thread on a
// connection of its own, while the backend goes on answering calls.

/** Changes logged by one call from which its commit leaves the checkpoint to the background (tens of MB of log). */
export const BACKGROUND_CHECKPOINT_CHANGES = 10_000;

interface CheckpointResult {
  ok: boolean;
  message?: string;
}

export interface BackgroundCheckpoints {
  /** Whether a checkpoint can run in the background here (the worker's script was found). */
  readonly available: boolean;
  /** Starts a checkpoint, or another one after the one running. */
  request(): void;
  /** Resolves when no checkpoint is running or asked for. */
  idle(): Promise<void>;
}

export function backgroundCheckpoints(path: string, launcher: WorkerLauncher | null = findCheckpointWorker()): BackgroundCheckpoints {
  let running: Promise<void> | null = null;
  let again = false;
  const once = () =>
    new Promise<void>((resolve) => {
      const worker = launchWorker(launcher as WorkerLauncher, { name: 'checkpoint', workerData: { path } });
      worker.once('message', (result: CheckpointResult) => {
        // Nothing is lost when it fails: the log stays, and the backend's next commits checkpoint it.
        if (!result.ok) console.warn('[backend] background checkpoint failed:', result.message);
      });
      worker.once('error', (error) => console.warn('[backend] background checkpoint failed:', error.message));
      worker.once('exit', () => resolve());
    });
  const loop = async () => {
    do {
      again = false;
      await once();
    } while (again);
    running = null;
  };
  return {
    available: launcher !== null,
    request() {
      if (!launcher) return;
      if (running) again = true;
      else running = loop();
    },
    async idle() {
      while (running) await running;
    },
  };
}

/** The checkpoint worker: out/main/checkpointWorker.js once built, else checkpointWorker.ts through tsx, else null. */
export function findCheckpointWorker(from = import.meta.dirname): WorkerLauncher | null {
  return findWorker('checkpointWorker.js', from, (dir) => join(dir, 'checkpointWorker.ts'));
}
