import { existsSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type MigrationProvider } from 'kysely';
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

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

/**
 * Opens (or creates) a workspace file and brings its schema up to date in one transaction.
 * A file that is not a workspace, or was written by a newer version, is refused before
 * anything is written to it.
 */
export async function openWorkspace(path: string, options: { create: boolean }): Promise<Workspace> {
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
    checkIdentity(sqlite, path);
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
    await migrate(sqlite, db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { sqlite, db, path, schemaVersion: SCHEMA_VERSION, close: () => db.destroy() };
}

function checkIdentity(sqlite: SqliteDatabase.Database, path: string): void {
  // Reading the header is the first access: a file that is not SQLite fails here.
  const applicationId = sqlite.pragma('application_id', { simple: true }) as number;
  const userVersion = sqlite.pragma('user_version', { simple: true }) as number;
  const tableCount = sqlite.prepare('select count(*) as n from sqlite_schema').get() as { n: number };
  if (applicationId !== APPLICATION_ID && (applicationId !== 0 || tableCount.n > 0)) {
    throw new AppError('workspace', 'This file is a SQLite database, but not a Coalition Desk workspace.', { path });
  }
  if (userVersion > SCHEMA_VERSION) {
    throw new AppError(
      'workspace',
      `This workspace was saved by a newer version of Coalition Desk (schema ${userVersion}; this version knows up to ${SCHEMA_VERSION}). Update Coalition Desk to open it. The file was not changed.`,
      { path, workspaceSchema: userVersion, appSchema: SCHEMA_VERSION },
    );
  }
}

/**
 * Runs every pending migration inside one immediate transaction. Kysely's SQLite adapter does
 * not use transactions for migrations, so the whole run is wrapped here: a failure in any
 * migration leaves the file exactly as it was.
 */
async function migrate(sqlite: SqliteDatabase.Database, db: Kysely<Database>): Promise<void> {
  const current = sqlite.pragma('user_version', { simple: true }) as number;
  if (current === SCHEMA_VERSION) return;
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    const { error } = await new Migrator({ db, provider }).migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error('A migration failed.');
    sqlite.pragma(`application_id = ${APPLICATION_ID}`);
    sqlite.pragma(`user_version = ${SCHEMA_VERSION}`);
    sqlite.exec('COMMIT');
  } catch (error) {
    sqlite.exec('ROLLBACK');
    throw new AppError('workspace', `The workspace could not be upgraded; it was left unchanged. ${describe(error)}`);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
