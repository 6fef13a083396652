import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { expect, onTestFinished } from 'vitest';
import type { Input, Method, Output } from '@shared/contract';
import type { FieldIssue, RpcErrorPayload } from '@shared/errors';
import type { RpcResult } from '@shared/rpc';
import type { Backend } from '../../electron/backend/backend';
import { openTestBackend, tempDir } from './workspace';
import type { Selectable } from 'kysely';
import type { ChangeLogTable } from '../../electron/backend/db/schema';

// Helpers for backend tests: typed calls, per-test workspaces that clean up after themselves,
// and byte- and row-level snapshots of workspace files.

/** Anything that answers RPC calls: the backend, or a host wrapped as a caller. */
export interface Caller {
  call(method: string, input: unknown): Promise<RpcResult>;
}

/** Calls a method that must succeed and returns its typed value. */
export async function ok<M extends Method>(caller: Caller, method: M, input: Input<M>): Promise<Output<M>> {
  const result = await caller.call(method, input);
  if (!result.ok) throw new Error(`${method} failed with ${result.error.code}: ${result.error.message}`);
  return result.value as Output<M>;
}

/** Calls a method that must fail and returns its error payload. */
export async function fails(caller: Caller, method: string, input: unknown): Promise<RpcErrorPayload> {
  const result = await caller.call(method, input);
  if (result.ok) throw new Error(`${method} was expected to fail but returned ${JSON.stringify(result.value).slice(0, 200)}`);
  return result.error;
}

/** The field issues of a validation error (empty when there are none). */
export function issuesOf(error: RpcErrorPayload): FieldIssue[] {
  const details = error.details as { issues?: unknown } | undefined;
  if (!details || !Array.isArray(details.issues)) return [];
  return details.issues.filter(
    (issue): issue is FieldIssue =>
      typeof issue === 'object' && issue !== null && typeof (issue as FieldIssue).path === 'string' && typeof (issue as FieldIssue).message === 'string',
  );
}

/** Asserts that a message is a human sentence and not a leaked stack trace or source location. */
export function expectNoStack(error: RpcErrorPayload): void {
  expect(error.message).not.toMatch(/\n\s+at\s/);
  expect(error.message).not.toMatch(/\.(ts|js|mjs|cjs):\d+/);
  expect(error).not.toHaveProperty('stack');
}

/** A real backend on a fresh temp workspace (outputs checked against the contract), closed after the test. */
export async function useBackend(): Promise<{ backend: Backend; path: string; dir: string }> {
  const opened = await openTestBackend();
  onTestFinished(() => opened.cleanup());
  return opened;
}

/** A temp folder removed after the test. */
export function useTempDir(prefix?: string): string {
  const tmp = tempDir(prefix);
  onTestFinished(() => tmp.cleanup());
  return tmp.dir;
}

/** A temp file path (not created) in a folder removed after the test. */
export function useTempFile(name = 'workspace.coalition'): string {
  return join(useTempDir(), name);
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** The main file's hash and whether SQLite's side files are present. */
export function fileState(path: string): { hash: string | null; wal: boolean; shm: boolean; journal: boolean } {
  return {
    hash: existsSync(path) ? sha256(path) : null,
    wal: existsSync(`${path}-wal`),
    shm: existsSync(`${path}-shm`),
    journal: existsSync(`${path}-journal`),
  };
}

/** Runs `fn` on a plain SQLite connection to the file (no Coalition Desk code involved). */
export function withSqlite<T>(path: string, fn: (db: SqliteDatabase.Database) => T, options: { create?: boolean } = {}): T {
  const db = new SqliteDatabase(path, { fileMustExist: !options.create });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

export interface TableSnapshot {
  rows: number;
  digest: string;
}

/** Every table's row count and a digest of its content, read with plain SQLite. */
export function snapshot(path: string): Record<string, TableSnapshot> {
  return withSqlite(path, (db) => {
    const tables = db.prepare("select name from sqlite_schema where type = 'table' order by name").all() as { name: string }[];
    const out: Record<string, TableSnapshot> = {};
    for (const { name } of tables) {
      const quoted = `"${name.replaceAll('"', '""')}"`;
      // WITHOUT ROWID tables (FTS5's shadow tables) have no rowid: order them by every column instead.
      const { sql: ddl } = db.prepare('select sql from sqlite_schema where name = ?').get(name) as { sql: string | null };
      const columns = (db.prepare('select count(*) as n from pragma_table_info(?)').get(name) as { n: number }).n;
      const orderBy = /without\s+rowid/i.test(ddl ?? '') ? Array.from({ length: columns }, (_, i) => i + 1).join(', ') : 'rowid';
      const rows = db.prepare(`select * from ${quoted} order by ${orderBy}`).all();
      // Buffers serialise as { type: 'Buffer', data: [...] }, so blobs count in the digest too.
      const json = JSON.stringify(rows);
      out[name] = { rows: rows.length, digest: createHash('sha256').update(json).digest('hex') };
    }
    return out;
  });
}

export type LogRow = Omit<Selectable<ChangeLogTable>, 'at'>;

/** The change log, oldest first, read with plain SQLite. */
export function changeLog(path: string): LogRow[] {
  return withSqlite(path, (db) => db.prepare('select seq, entity, entity_id, action, before_json, after_json, batch from change_log order by seq').all() as LogRow[]);
}
