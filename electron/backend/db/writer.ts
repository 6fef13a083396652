import type SqliteDatabase from 'better-sqlite3';
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, RecordedTable } from './schema';

type Row = Record<string, unknown>;
type LogRow = Omit<Insertable<Database['change_log']>, 'seq'>;
/** Rows per multi-row DELETE (well under SQLite's limit on bound variables). */
const BULK_CHUNK = 200;
/**
 * Kysely without table typing, for the generic record operations below: the public methods
 * are typed per table, and every table written here has a text `id` primary key.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type LooseDb = Kysely<any>;

/**
 * The one write path: every create, update and delete in the workspace goes through a Writer,
 * which records a change-log row (entity, id, action, before, after) in the same transaction.
 * All changes made through one Writer share its batch, so one call can be undone as one step.
 */
export class Writer {
  readonly #db: LooseDb;
  readonly #sqlite: SqliteDatabase.Database;
  readonly #inserts = new Map<string, SqliteDatabase.Statement>();
  /** Per table: the statements that log its newest rows from SQLite (null: a table without rowid, logged from JavaScript). */
  readonly #sqlLogs = new Map<string, { largest: SqliteDatabase.Statement; log: SqliteDatabase.Statement } | null>();
  #changes = 0;

  /**
   * `sqlite` is the connection the transaction `db` is open on. Bulk inserts run prepared
   * statements on it directly (still inside that transaction): for an import of 100,000 records,
   * building multi-row INSERTs through Kysely cost more than SQLite's own work.
   */
  constructor(
    db: Kysely<Database>,
    sqlite: SqliteDatabase.Database,
    readonly batch: string,
    readonly now: string,
  ) {
    this.#db = db;
    this.#sqlite = sqlite;
  }

  /** How many change-log rows this Writer has recorded (0: the call changed nothing). */
  get changes(): number {
    return this.#changes;
  }

  async insert<T extends RecordedTable>(table: T, row: Insertable<Database[T]> & { id: string }): Promise<void> {
    await this.#db.insertInto(table).values(row as Row).execute();
    await this.#record(table, row.id, 'create', null, await this.#read(table, row.id));
  }

  /**
   * Updates one record; returns false when it does not exist. Unchanged records log nothing: a
   * patch that changes no column but the `updated_at` stamp is not written at all.
   */
  async update<T extends RecordedTable>(table: T, id: string, patch: Updateable<Database[T]>): Promise<boolean> {
    const before = await this.#read(table, id);
    if (!before) return false;
    if (!changesSomething(before, patch)) return true;
    await this.#db.updateTable(table as string).set(patch as Row).where('id', '=', id).execute();
    const after = await this.#read(table, id);
    if (after && JSON.stringify(serialize(before)) !== JSON.stringify(serialize(after))) {
      await this.#record(table, id, 'update', before, after);
    }
    return true;
  }

  /**
   * Bulk edits (many records of one table in one call): the caller has just read each record's
   * whole row in this transaction and passes it as `before`. One UPDATE per changed record, and
   * the change-log rows written together; `after` is `before` with the patch applied, so the
   * patch must hold values exactly as SQLite stores them. Same no-op rule as `update`. Returns
   * how many records changed.
   */
  async updateMany<T extends RecordedTable>(
    table: T,
    changes: readonly { before: Selectable<Database[T]> & { id: string }; patch: Updateable<Database[T]> }[],
  ): Promise<number> {
    const logged: LogRow[] = [];
    for (const change of changes) {
      const before = change.before as Row & { id: string };
      const patch = change.patch as Row;
      if (!changesSomething(before, patch)) continue;
      const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
      await this.#db.updateTable(table as string).set(defined).where('id', '=', before.id).execute();
      logged.push(this.#logRow(table, before.id, 'update', before, { ...before, ...defined }));
    }
    this.#log(logged);
    return logged.length;
  }

  /**
   * Bulk inserts: rows that all give the same columns (every column, as SQLite stores them), each
   * inserted and logged. Synchronous underneath; a promise like the other writes.
   *
   * The log's after-images are built by SQLite from the rows as stored (json_object over every
   * column, in rowid order, one INSERT … SELECT), not in JavaScript: for an import of 100,000
   * records that spares building, handing over and collecting 100+ MB of JSON strings. Rows with
   * a blob (which JSON cannot hold: serialize() writes it as base64) and tables without rowid are
   * logged from JavaScript as before.
   */
  insertMany<T extends RecordedTable>(table: T, rows: readonly (Insertable<Database[T]> & { id: string })[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    const sqlLog = this.#sqlLog(table);
    const after = sqlLog ? (sqlLog.largest.pluck().get() as number | null) ?? 0 : 0;
    const blobs = this.#insertRows(table, rows);
    if (sqlLog && !blobs) {
      const logged = sqlLog.log.run(this.now, this.batch, after).changes;
      // The new rows are those above the largest rowid before them (SQLite's rowid choice when a table has not reached the maximum).
      if (logged !== rows.length) throw new Error(`Logged ${logged} of ${rows.length} new ${table} rows: the change log would not match.`);
      this.#changes += logged;
    } else {
      this.#log(rows.map((row) => this.#logRow(table, row.id, 'create', null, row as Row)));
    }
    return Promise.resolve();
  }

  /**
   * Bulk deletes: the caller has just read each record's whole row in this transaction and passes
   * it as the log's before-image; deleted and logged a chunk at a time. Returns how many.
   */
  async removeMany<T extends RecordedTable>(table: T, rows: readonly (Selectable<Database[T]> & { id: string })[]): Promise<number> {
    for (let start = 0; start < rows.length; start += BULK_CHUNK) {
      const chunk = rows.slice(start, start + BULK_CHUNK) as unknown as readonly (Row & { id: string })[];
      await this.#db.deleteFrom(table as string).where('id', 'in', chunk.map((row) => row.id)).execute();
      this.#log(chunk.map((row) => this.#logRow(table, row.id, 'delete', row, null)));
    }
    return rows.length;
  }

  /** Deletes one record; returns false when it did not exist. */
  async remove(table: RecordedTable, id: string): Promise<boolean> {
    const before = await this.#read(table, id);
    if (!before) return false;
    await this.#db.deleteFrom(table).where('id', '=', id).execute();
    await this.#record(table, id, 'delete', before, null);
    return true;
  }

  async #read(table: string, id: string): Promise<Row | undefined> {
    return (await this.#db.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst());
  }

  async #record(entity: string, id: string, action: 'create' | 'update' | 'delete', before: Row | null | undefined, after: Row | null | undefined): Promise<void> {
    await this.#db.insertInto('change_log').values(this.#logRow(entity, id, action, before, after)).execute();
    this.#changes += 1;
  }

  #logRow(entity: string, id: string, action: 'create' | 'update' | 'delete', before: Row | null | undefined, after: Row | null | undefined): LogRow {
    return {
      at: this.now,
      entity,
      entity_id: id,
      action,
      before_json: before ? JSON.stringify(serialize(before)) : null,
      after_json: after ? JSON.stringify(serialize(after)) : null,
      batch: this.batch,
    };
  }

  #log(rows: readonly LogRow[]): void {
    if (rows.length === 0) return;
    this.#insertRows('change_log', rows);
    this.#changes += rows.length;
  }

  #sqlLog(table: string): { largest: SqliteDatabase.Statement; log: SqliteDatabase.Statement } | null {
    let statements = this.#sqlLogs.get(table);
    if (statements === undefined) {
      const listed = this.#sqlite.prepare('select wr from pragma_table_list where name = ? and schema = ?').get(table, 'main') as { wr: number } | undefined;
      const columns = (this.#sqlite.prepare('select name from pragma_table_info(?)').all(table) as { name: string }[]).map((c) => c.name);
      statements =
        !listed || listed.wr !== 0 || !columns.includes('id')
          ? null
          : {
              largest: this.#sqlite.prepare(`select max(rowid) from "${table}"`),
              log: this.#sqlite.prepare(
                `insert into change_log (at, entity, entity_id, action, before_json, after_json, batch)
                 select ?, '${table}', id, 'create', null, json_object(${columns.map((c) => `'${c}', "${c}"`).join(', ')}), ? from "${table}" where rowid > ? order by rowid`,
              ),
            };
      this.#sqlLogs.set(table, statements);
    }
    return statements;
  }

  /** Inserts rows with the first row's columns through one prepared statement per table and column list; says whether a value was a blob. */
  #insertRows(table: string, rows: readonly Row[]): boolean {
    const columns = Object.keys(rows[0] ?? {});
    const key = `${table}(${columns.join(',')})`;
    let insert = this.#inserts.get(key);
    if (!insert) {
      const quoted = columns.map((column) => `"${column}"`).join(', ');
      insert = this.#sqlite.prepare(`insert into "${table}" (${quoted}) values (${columns.map(() => '?').join(', ')})`);
      this.#inserts.set(key, insert);
    }
    let blobs = false;
    const values: unknown[] = new Array(columns.length);
    for (const row of rows) {
      for (let i = 0; i < columns.length; i++) {
        const value = row[columns[i] as string] ?? null;
        if (value instanceof Uint8Array) blobs = true;
        values[i] = value;
      }
      insert.run(values);
    }
    return blobs;
  }
}

/** Columns that only stamp when a record was last written: on their own they are not a change. */
const STAMP_COLUMNS = new Set(['updated_at']);

function changesSomething(before: Row, patch: Row): boolean {
  return Object.entries(patch).some(
    ([column, value]) => value !== undefined && !STAMP_COLUMNS.has(column) && !sameValue(before[column], value),
  );
}

function sameValue(stored: unknown, value: unknown): boolean {
  if (Buffer.isBuffer(stored) && Buffer.isBuffer(value)) return stored.equals(value);
  return stored === value;
}

/** Blobs are kept in the log as base64 so a change can be restored byte for byte. */
export function serialize(row: Row): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    out[key] = Buffer.isBuffer(value) ? { base64: value.toString('base64') } : value;
  }
  return out;
}

/** A row `serialize` wrote, as SQLite stores it again (blobs back from base64). */
export function deserialize(image: Row): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(image)) {
    const base64 = typeof value === 'object' && value !== null && Object.keys(value).length === 1 ? (value as { base64?: unknown }).base64 : undefined;
    out[key] = typeof base64 === 'string' ? Buffer.from(base64, 'base64') : value;
  }
  return out;
}
