import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type Migration } from 'kysely';
import { AppError } from '@shared/errors';
import type { Database } from './schema';
import { migrations, SCHEMA_VERSION } from './migrations';

/** Marks a SQLite file as a Coalition Desk workspace (PRAGMA application_id, "CDSK"). */
export const APPLICATION_ID = 0x4344534b;

/**
 * Files up to `quickCheckMaxBytes` get SQLite's quick_check (every page's structure, and the
 * full-text indexes) at every open; larger ones only after an unclean shutdown (a WAL left
 * behind). quick_check reads the whole file: 3.5–10 s (idle to busy 2-core machine) for a 1.4 GB
 * coalition-scale workspace (100k organizations, 250k people, 1M interactions), ~0.3 s at this limit. Damage a later read finds
 * is a clear workspace error too (rpc/errors.ts). Tests lower the limits to reach the big-file path.
 *
 * Files up to `integrityCheckMaxBytes` (most workspaces) get integrity_check instead, which also
 * holds every index against its table: damage inside an index page that leaves the page well
 * formed (a record listed, then not found by its id) passes quick_check. It costs ~9 ms per MB
 * (~0.3 s at this limit, 3.9 s for a 420 MB file against quick_check's 0.7 s).
 */
export const OPEN_CHECKS = { quickCheckMaxBytes: 128 * 1024 * 1024, integrityCheckMaxBytes: 32 * 1024 * 1024 };

export interface Workspace {
  sqlite: SqliteDatabase.Database;
  db: Kysely<Database>;
  path: string;
  schemaVersion: number;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Create the file when it does not exist. */
  create: boolean;
  /**
   * The migrations to run instead of the app's static list. A test seam (a failing or an extra
   * migration); the app never passes it.
   */
  migrations?: Record<string, Migration>;
  /**
   * Runs before pending migrations touch an existing workspace (not a new file), with the open
   * connection and the versions: the host takes the pre-migration backup here. If it throws,
   * nothing is migrated and the open fails with its error.
   */
  beforeMigrate?: (sqlite: SqliteDatabase.Database, versions: { from: number; to: number }) => Promise<void>;
}

/**
 * Opens (or creates) a workspace file and brings its schema up to date in one transaction.
 * A file that is not a workspace, or was written by a newer version, is refused before
 * anything is written to it.
 */
export async function openWorkspace(path: string, options: OpenOptions): Promise<Workspace> {
  const list = options.migrations ?? migrations;
  const schemaVersion = options.migrations ? Object.keys(list).length : SCHEMA_VERSION;
  const exists = existsSync(path);
  if (!options.create && !exists) {
    throw new AppError('workspace', `The workspace file was not found: ${path}`);
  }
  if (exists) {
    const empty = statSync(path).size === 0;
    if (empty && !options.create) {
      throw new AppError('workspace', 'This file is empty: it is not a Coalition Desk workspace.', { path });
    }
    // First from the raw header, which opens no connection and so leaves no side files. An empty
    // file with `create` is still a new workspace: SQLite creates the file before it writes a
    // byte, and a crash in between must not lock the app out of its default workspace.
    if (!empty) checkHeader(readHeader(path), path, schemaVersion);
  }
  // After an unclean shutdown, check read-only first: closing a read-write connection copies the
  // WAL into the file (a checkpoint), which must not happen to a file that turns out damaged.
  const hotWal = exists && existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0;
  if (hotWal) checkReadOnly(path, schemaVersion);
  const checkAtOpen = exists && !hotWal && statSync(path).size <= OPEN_CHECKS.quickCheckMaxBytes;
  const sqlite = withConnection(path, { fileMustExist: !options.create }, (connection) => {
    // Again through SQLite (the header can be stale while a -wal is pending), before any write.
    checkIdentity(connection, path, schemaVersion);
    if (checkAtOpen) checkPages(connection, path);
    connection.pragma('journal_mode = WAL');
    connection.pragma('foreign_keys = ON');
    connection.pragma('synchronous = FULL');
    connection.pragma('busy_timeout = 5000');
    // A 64 MB page cache (SQLite's default is 2 MB): a coalition-scale directory's hot pages stay in memory.
    connection.pragma('cache_size = -65536');
    return connection;
  }, { keepOpen: true });

  const db = new Kysely<Database>({ dialect: new WorkspaceDialect(sqlite) });
  try {
    await migrate(sqlite, db, list, schemaVersion, options.beforeMigrate);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { sqlite, db, path, schemaVersion, close: () => db.destroy() };
}

/**
 * Kysely's SQLite dialect, except that a failed call's ROLLBACK is skipped when SQLite has
 * already rolled the transaction back by itself (a full disk, an I/O error: SQLITE_FULL,
 * SQLITE_IOERR). Otherwise that ROLLBACK throws "no transaction is active" and hides the real
 * cause, and a full disk reaches the window as an internal error instead of a clear one.
 */
class WorkspaceDialect extends SqliteDialect {
  readonly #sqlite: SqliteDatabase.Database;

  constructor(sqlite: SqliteDatabase.Database) {
    super({ database: sqlite });
    this.#sqlite = sqlite;
  }

  override createDriver(): Driver {
    const sqlite = this.#sqlite;
    return new (class extends SqliteDriver {
      override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
        if (sqlite.inTransaction) await super.rollbackTransaction(connection);
      }
    })({ database: sqlite });
  }
}

/**
 * Opens a connection and runs `use` on it; any failure becomes a clear workspace error and
 * closes the connection. Without `keepOpen` the connection is closed afterwards too.
 */
function withConnection<T>(
  path: string,
  options: SqliteDatabase.Options,
  use: (sqlite: SqliteDatabase.Database) => T,
  { keepOpen = false } = {},
): T {
  let sqlite: SqliteDatabase.Database;
  try {
    sqlite = new SqliteDatabase(path, options);
  } catch (error) {
    throw new AppError('workspace', `The workspace could not be opened: ${describe(error)}`, { path });
  }
  try {
    const result = use(sqlite);
    if (!keepOpen) sqlite.close();
    return result;
  } catch (error) {
    sqlite.close();
    if (error instanceof AppError) throw error;
    if (isDamage(error)) throw damaged(path, describe(error));
    throw new AppError('workspace', `This file is not a readable Coalition Desk workspace: ${describe(error)}`, { path });
  }
}

/** The identity and page checks on a read-only connection, which never writes the file. */
function checkReadOnly(path: string, schemaVersion: number): void {
  const shmExisted = existsSync(`${path}-shm`);
  try {
    withConnection(path, { readonly: true, fileMustExist: true }, (connection) => {
      checkIdentity(connection, path, schemaVersion);
      checkPages(connection, path);
    });
  } catch (error) {
    // A read-only connection leaves the -shm index it built; the -wal stays, as it came.
    if (!shmExisted) rmSync(`${path}-shm`, { force: true });
    throw error;
  }
}

/**
 * SQLite's integrity_check on a file up to OPEN_CHECKS.integrityCheckMaxBytes, else its
 * quick_check (every page's structure, not the indexes' content), stopping at the first problem.
 */
function checkPages(sqlite: SqliteDatabase.Database, path: string): void {
  // With SQLite's default 2 MB page cache the check is many times slower on a large file.
  sqlite.pragma('cache_size = -65536');
  const check = statSync(path).size <= OPEN_CHECKS.integrityCheckMaxBytes ? 'integrity_check' : 'quick_check';
  const [first] = sqlite.pragma(`${check}(1)`) as Record<string, string>[];
  if (first?.[check] !== 'ok') throw damaged(path, first?.[check] ?? 'no answer from the check');
}

function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_CORRUPT');
}

function damaged(path: string, problem: string): AppError {
  return new AppError(
    'workspace',
    'This file is not a readable Coalition Desk workspace: it is damaged (part of it cannot be read). Restore the newest backup of this workspace. The damaged file was not changed.',
    { path, damaged: true, problem: problem.slice(0, 200) },
  );
}

interface Identity {
  applicationId: number;
  userVersion: number;
  /** The database has (or had) a schema: a new, empty SQLite file has none. */
  hasSchema: boolean;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** The identity fields of the 100-byte SQLite header, or null when the file is not SQLite. */
function readHeader(path: string): Identity | null {
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 100 || !header.subarray(0, 16).equals(SQLITE_MAGIC)) return null;
  // Offsets from the SQLite file format: schema cookie 40, user_version 60, application_id 68.
  return { hasSchema: header.readUInt32BE(40) !== 0, userVersion: header.readUInt32BE(60), applicationId: header.readUInt32BE(68) };
}

function checkHeader(identity: Identity | null, path: string, schemaVersion: number): void {
  // A workspace whose first bytes were overwritten looks like any other file: it gets the recovery screen too.
  if (!identity) {
    throw new AppError(
      'workspace',
      'This file is not a readable Coalition Desk workspace: it is not a SQLite database, or it is damaged. Restore the newest backup of this workspace. The file was not changed.',
      { path, damaged: true, problem: 'no SQLite header' },
    );
  }
  checkRules(identity, path, schemaVersion);
}

function checkIdentity(sqlite: SqliteDatabase.Database, path: string, schemaVersion: number): void {
  // Reading the header is the first access: a file that is not SQLite fails here.
  const applicationId = sqlite.pragma('application_id', { simple: true }) as number;
  const userVersion = sqlite.pragma('user_version', { simple: true }) as number;
  const tableCount = sqlite.prepare('select count(*) as n from sqlite_schema').get() as { n: number };
  checkRules({ applicationId, userVersion, hasSchema: tableCount.n > 0 }, path, schemaVersion);
}

function checkRules(identity: Identity, path: string, schemaVersion: number): void {
  if (identity.applicationId !== APPLICATION_ID && (identity.applicationId !== 0 || identity.hasSchema)) {
    throw new AppError('workspace', 'This file is a SQLite database, but not a Coalition Desk workspace.', { path });
  }
  if (identity.userVersion > schemaVersion) {
    throw new AppError(
      'workspace',
      `This workspace was saved by a newer version of Coalition Desk (schema ${identity.userVersion}; this version knows up to ${schemaVersion}). Update Coalition Desk to open it. The file was not changed.`,
      { path, workspaceSchema: identity.userVersion, appSchema: schemaVersion },
    );
  }
}

/**
 * Runs every pending migration inside one immediate transaction. Kysely's SQLite adapter does
 * not use transactions for migrations, so the whole run is wrapped here: a failure in any
 * migration leaves the file exactly as it was.
 */
async function migrate(
  sqlite: SqliteDatabase.Database,
  db: Kysely<Database>,
  list: Record<string, Migration>,
  schemaVersion: number,
  beforeMigrate?: OpenOptions['beforeMigrate'],
): Promise<void> {
  const current = sqlite.pragma('user_version', { simple: true }) as number;
  if (current === schemaVersion) return;
  if (beforeMigrate && current > 0) await beforeMigrate(sqlite, { from: current, to: schemaVersion });
  const provider = { getMigrations: () => Promise.resolve(list) };
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    const { error } = await new Migrator({ db, provider }).migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error('A migration failed.');
    sqlite.pragma(`application_id = ${APPLICATION_ID}`);
    sqlite.pragma(`user_version = ${schemaVersion}`);
    sqlite.exec('COMMIT');
  } catch (error) {
    // SQLite rolls back by itself after some errors (a full disk, for one); a second ROLLBACK
    // would throw and hide the real cause.
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw new AppError('workspace', `The workspace could not be upgraded; it was left unchanged. ${describe(error)}`);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
