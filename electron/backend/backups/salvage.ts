import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { AppError } from '@shared/errors';
import { neutralizeFormula } from '../directory/exports/service';
import { describe, removeDatabaseFiles } from './snapshot';
import { stamp } from './store';

// Salvage: what can still be read from a damaged workspace, as one CSV file per table in a new
// folder next to it. The damaged file is never opened itself: a copy (with its -wal) in the OS
// temp folder is read, table by table, in rowid ranges. A range that hits a damaged page is split
// in halves, down to single rowids, so only the rows that cannot be read on their own are lost
// (and counted); after FAILED_READS failed reads in one table the splitting stops there and its
// remaining damaged ranges are skipped whole, so a badly damaged big table cannot take hours.

const CHUNK = 500;
/** Failed reads allowed per table before its damaged ranges are skipped whole instead of split. */
export const FAILED_READS = 10_000;

export interface SalvagedTable {
  name: string;
  rows: number;
  /** Rowids that could not be read, each a lost row or a gap in the numbering (ranges skipped whole included). */
  unreadableRows: number;
  /** Ranges skipped whole, not split: once the splitting stopped, or a table that could not be read in rowid ranges. */
  skippedRanges: number;
  /** The table had FAILED_READS failed reads: splitting stopped, so some readable rows may be missing too. */
  stoppedSplitting: boolean;
}

function cell(value: unknown): string {
  let text: string;
  if (value === null || value === undefined) return '';
  if (Buffer.isBuffer(value)) text = value.toString('base64');
  // Text that a spreadsheet would run as a formula is neutralized, as in every export.
  else if (typeof value === 'string') text = neutralizeFormula(value);
  else if (typeof value === 'number' || typeof value === 'bigint') text = value.toString();
  else text = JSON.stringify(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function line(values: unknown[]): string {
  return `${values.map(cell).join(',')}\r\n`;
}

export function salvage(
  workspacePath: string,
  now: Date = new Date(),
  failedReads: number = FAILED_READS,
): { folder: string; tables: SalvagedTable[] } {
  const base = basename(workspacePath, extname(workspacePath));
  const folder = join(dirname(workspacePath), `${base} salvaged ${stamp(now)}`);
  const copy = join(tmpdir(), `coalition-salvage-${process.pid}-${stamp(now)}.coalition`);
  removeDatabaseFiles(copy);
  let db: SqliteDatabase.Database | null = null;
  try {
    copyFileSync(workspacePath, copy);
    if (existsSync(`${workspacePath}-wal`)) copyFileSync(`${workspacePath}-wal`, `${copy}-wal`);
    db = new SqliteDatabase(copy, { fileMustExist: true });
    let names: string[];
    try {
      names = (db.prepare("select name from sqlite_schema where type = 'table' and name not like 'sqlite_%'").all() as { name: string }[])
        .map((r) => r.name)
        // FTS5 shadow tables and virtual tables hold only the search index, rebuilt from the records.
        .filter((name) => !/_(data|idx|content|docsize|config)$/.test(name) && !name.endsWith('_fts'));
    } catch (error) {
      throw new AppError('workspace', `Nothing could be read: the list of tables is in the damaged part of the file (${describe(error)}).`);
    }
    mkdirSync(folder, { recursive: true });
    const tables: SalvagedTable[] = [];
    for (const name of names) tables.push(salvageTable(db, name, join(folder, `${name}.csv`), failedReads));
    return { folder, tables };
  } catch (error) {
    throw error instanceof AppError ? error : new AppError('workspace', `What can still be read could not be exported: ${describe(error)}`);
  } finally {
    db?.close();
    removeDatabaseFiles(copy);
  }
}

function salvageTable(db: SqliteDatabase.Database, name: string, file: string, failedReads: number): SalvagedTable {
  const quoted = `"${name.replace(/"/g, '""')}"`;
  const result: SalvagedTable = { name, rows: 0, unreadableRows: 0, skippedRanges: 0, stoppedSplitting: false };
  let columns: string[];
  try {
    columns = (db.prepare(`select name from pragma_table_info(?)`).all(name) as { name: string }[]).map((c) => c.name);
  } catch {
    result.skippedRanges++;
    return result;
  }
  const parts: string[] = [line(columns)];
  let max: number;
  try {
    max = (db.prepare(`select coalesce(max(rowid), 0) as m from ${quoted}`).get() as { m: number }).m;
  } catch {
    // A table without rowids, or its last page damaged: read it whole, or not at all.
    max = -1;
  }
  if (max < 0) {
    try {
      const rows = db.prepare(`select * from ${quoted}`).raw().all() as unknown[][];
      for (const row of rows) parts.push(line(row));
      result.rows += rows.length;
    } catch {
      result.skippedRanges++;
    }
  } else {
    let failures = 0;
    // Rows in [from, to): all of them when they read; else each half, down to single rowids.
    // Depth first, so the file stays in rowid order. A single rowid is looked up with `=`: a
    // range read of the last row before a damaged page steps onto that page, and would fail.
    const read = (from: number, to: number) => {
      try {
        const rows = (
          to - from === 1
            ? db.prepare(`select * from ${quoted} where rowid = ?`).raw().all(from)
            : db.prepare(`select * from ${quoted} where rowid >= ? and rowid < ?`).raw().all(from, to)
        ) as unknown[][];
        for (const row of rows) parts.push(line(row));
        result.rows += rows.length;
        return;
      } catch {
        failures++;
      }
      if (to - from === 1) {
        result.unreadableRows++;
      } else if (failures >= failedReads) {
        result.stoppedSplitting = true;
        result.skippedRanges++;
        result.unreadableRows += to - from;
      } else {
        const middle = from + Math.floor((to - from) / 2);
        read(from, middle);
        read(middle, to);
      }
    };
    for (let from = 0; from <= max; from += CHUNK) read(from, Math.min(from + CHUNK, max + 1));
  }
  try {
    writeFileSync(file, parts.join(''));
  } catch (error) {
    rmSync(file, { force: true });
    throw new AppError('workspace', `The export could not be written: ${describe(error)}`);
  }
  return result;
}
