import { existsSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type Migration } from 'kysely';
import { AppError } from '@shared/errors';
import type { Database } from './schema';
import { migrations, SCHEMA_VERSION } from './migrations';

/** Marks a SQLite file as a Coalition Desk workspace (PRAGMA application_id, "CDSK"). */
export const APPLICATION_ID = 0x4344534b;

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
}

/**
 * Opens (or creates) a workspace file and brings its schema up to date in one transaction.
 * A file that is not a workspace, or was written by a newer version, is refused before
 * anything is written to it.
 */
export async function openWorkspace(path: string, options: OpenOptions): Promise<Workspace> {
  const list = options.migrations ?? migrations;
  const schemaVersion = options.migrations ? Object.keys(list).length : SCHEMA_VERSION;
  if (!options.create && !existsSync(path)) {
    throw new AppError('workspace', `The workspace file was not found: ${path}`);
  }
  let sqlite: SqliteDatabase.Database;
  try {
    sqlite = new SqliteDatabase(path, { fileMustExist: !options.create });
  } catch (error) {
    throw new AppError('workspace', `The workspace could not be opened: ${describe(error)}`, { path });
  }
  try {
    checkIdentity(sqlite, path, schemaVersion);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('busy_timeout = 5000');
  } catch (error) {
    sqlite.close();
    throw error instanceof AppError
      ? error
      : new AppError('workspace', `This file is not a readable Coalition Desk workspace: ${describe(error)}`, { path });
  }

  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    await migrate(sqlite, db, list, schemaVersion);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { sqlite, db, path, schemaVersion, close: () => db.destroy() };
}

function checkIdentity(sqlite: SqliteDatabase.Database, path: string, schemaVersion: number): void {
  // Reading the header is the first access: a file that is not SQLite fails here.
  const applicationId = sqlite.pragma('application_id', { simple: true }) as number;
  const userVersion = sqlite.pragma('user_version', { simple: true }) as number;
  const tableCount = sqlite.prepare('select count(*) as n from sqlite_schema').get() as { n: number };
  if (applicationId !== APPLICATION_ID && (applicationId !== 0 || tableCount.n > 0)) {
    throw new AppError('workspace', 'This file is a SQLite database, but not a Coalition Desk workspace.', { path });
  }
  if (userVersion > schemaVersion) {
    throw new AppError(
      'workspace',
      `This workspace was saved by a newer version of Coalition Desk (schema ${userVersion}; this version knows up to ${schemaVersion}). Update Coalition Desk to open it. The file was not changed.`,
      { path, workspaceSchema: userVersion, appSchema: schemaVersion },
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
): Promise<void> {
  const current = sqlite.pragma('user_version', { simple: true }) as number;
  if (current === schemaVersion) return;
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
