import { parentPort, workerData } from 'node:worker_threads';
import SqliteDatabase from 'better-sqlite3';

// One checkpoint of a workspace (its write-ahead log copied into the file) on a connection of its
// own, off the backend's thread: see checkpoints.ts. PASSIVE: it waits for no reader or writer,
// and copies what it can. Closing this connection leaves the log to the backend's, which is open.

const { path } = workerData as { path: string };
try {
  const db = new SqliteDatabase(path, { fileMustExist: true });
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    parentPort?.postMessage({ ok: true, ...result });
  } finally {
    db.close();
  }
} catch (error) {
  parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
}
