import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import SqliteDatabase from 'better-sqlite3';
import type { RecordCounts } from '@shared/backups/contract';
import { AppError } from '@shared/errors';

// Copies of a workspace file: taken with SQLite's online backup API from a connection of their
// own (so the copy is one consistent state, and the app's connection keeps working), then
// checked with PRAGMA integrity_check before they count.

/** Marks a SQLite file as a Coalition Desk workspace (PRAGMA application_id, "CDSK"). */
const APPLICATION_ID = 0x4344534b;

/** What a checked copy holds. */
export interface SnapshotFacts {
  schemaVersion: number;
  counts: RecordCounts;
  /** The change log's last sequence number (0 when empty): tells whether the workspace changed since. */
  changeSeq: number;
  sizeBytes: number;
}

/** Writes a copy of a database to `dest` (which must not exist yet). */
export type CopyTo = (dest: string) => Promise<void>;

/**
 * Copies the workspace file at `source` through a read-only connection of its own. In WAL mode
 * readers do not block the app's writer, and the copy is one committed state.
 */
export function copyFromFile(source: string): CopyTo {
  return async (dest) => {
    const reader = new SqliteDatabase(source, { readonly: true, fileMustExist: true });
    try {
      reader.pragma('busy_timeout = 5000');
      // The copy runs in steps with the event loop free in between. Without a read transaction
      // held across the steps, every write by the app's connection restarts the copy, and steady
      // writes starve it; with one, the copy is the snapshot of when it began (WAL lets the
      // writer go on meanwhile).
      reader.exec('BEGIN');
      reader.prepare('select count(*) from sqlite_schema').get();
      // 1024 pages (4 MB) a step: few steps for a large workspace, short pauses for the app.
      await reader.backup(dest, { progress: () => 1024 });
    } finally {
      if (reader.inTransaction) reader.exec('COMMIT');
      reader.close();
    }
  };
}

/** Copies from an open connection (the one about to migrate a workspace, before it does). */
export function copyFromConnection(sqlite: SqliteDatabase.Database): CopyTo {
  return async (dest) => {
    await sqlite.backup(dest);
  };
}

function count(db: SqliteDatabase.Database, table: string): number {
  const exists = db.prepare("select 1 from sqlite_schema where type = 'table' and name = ?").get(table);
  if (!exists) return 0;
  return (db.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n;
}

/**
 * Checks a copy: a SQLite file that passes integrity_check and is a Coalition Desk workspace.
 * Returns what it holds; throws a `workspace` AppError saying what is wrong otherwise.
 */
export function verifyCopy(path: string): SnapshotFacts {
  let db: SqliteDatabase.Database;
  try {
    db = new SqliteDatabase(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new AppError('workspace', `The backup could not be read: ${describe(error)}`);
  }
  try {
    const problems = db.pragma('integrity_check') as { integrity_check: string }[];
    const first = problems[0]?.integrity_check;
    if (problems.length !== 1 || first !== 'ok') {
      throw new AppError('workspace', `The backup failed its integrity check: ${problems.slice(0, 3).map((p) => p.integrity_check).join('; ')}`);
    }
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    if (applicationId !== APPLICATION_ID) throw new AppError('workspace', 'The backup is not a Coalition Desk workspace.');
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const hasLog = db.prepare("select 1 from sqlite_schema where type = 'table' and name = 'change_log'").get();
    const changeSeq = hasLog ? ((db.prepare('select coalesce(max(seq), 0) as seq from change_log').get() as { seq: number }).seq) : 0;
    return {
      schemaVersion,
      changeSeq,
      counts: {
        organizations: count(db, 'organizations'),
        people: count(db, 'people'),
        interactions: count(db, 'interactions'),
        charterVersions: count(db, 'charter_version'),
      },
      sizeBytes: statSync(path).size,
    };
  } catch (error) {
    throw error instanceof AppError ? error : new AppError('workspace', `The backup failed its integrity check: ${describe(error)}`);
  } finally {
    db.close();
  }
}

/** Checks a copy (see verifyCopy); may run elsewhere than the calling thread. */
export type Verify = (path: string) => Promise<SnapshotFacts>;

export const verifyHere: Verify = (path) => Promise.resolve(verifyCopy(path));

/**
 * Checks copies in a worker thread running the built `checkWorker` script, so the host's thread
 * keeps answering calls during a long integrity_check.
 */
export function verifyInWorker(script: string): Verify {
  return (path) =>
    new Promise((resolve, reject) => {
      const worker = new Worker(script, { workerData: { path } });
      let settled = false;
      worker.once('message', (message: { ok: true; facts: SnapshotFacts } | { ok: false; message: string }) => {
        settled = true;
        if (message.ok) resolve(message.facts);
        else reject(new AppError('workspace', message.message));
      });
      worker.once('error', (error) => {
        settled = true;
        reject(new AppError('workspace', `The backup could not be checked: ${describe(error)}`));
      });
      worker.once('exit', (code) => {
        if (!settled) reject(new AppError('workspace', `The backup check stopped unexpectedly (exit code ${code}).`));
      });
    });
}

/**
 * Copies with `copy` to a temporary name next to `dest`, checks the copy, and only then gives it
 * its real name. A copy that fails is deleted and the failure thrown: it never counts.
 */
export async function snapshot(copy: CopyTo, dest: string, verify: Verify = verifyHere): Promise<SnapshotFacts> {
  const partial = `${dest}.partial`;
  removeDatabaseFiles(partial);
  try {
    await copy(partial);
    standalone(partial);
    const facts = await verify(partial);
    renameSync(partial, dest);
    return facts;
  } catch (error) {
    removeDatabaseFiles(partial);
    throw error instanceof AppError ? error : new AppError('workspace', `The backup could not be written: ${describe(error)}`);
  }
}

/**
 * A copy of a WAL workspace says "WAL" in its header; a backup is one portable file, so it is
 * switched to a rollback journal (the app switches it back to WAL when it opens it).
 */
function standalone(path: string): void {
  const db = new SqliteDatabase(path, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

/** Removes a database file and its -wal / -shm companions. */
export function removeDatabaseFiles(path: string): void {
  for (const file of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) {
    if (existsSync(file)) rmSync(file, { force: true });
  }
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
