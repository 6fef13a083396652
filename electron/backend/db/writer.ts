import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database, RecordedTable } from './schema';

type Row = Record<string, unknown>;
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

  constructor(
    db: Kysely<Database>,
    readonly batch: string,
    readonly now: string,
  ) {
    this.#db = db;
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
    await this.#db
      .insertInto('change_log')
      .values({
        at: this.now,
        entity,
        entity_id: id,
        action,
        before_json: before ? JSON.stringify(serialize(before)) : null,
        after_json: after ? JSON.stringify(serialize(after)) : null,
        batch: this.batch,
      })
      .execute();
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
function serialize(row: Row): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    out[key] = Buffer.isBuffer(value) ? { base64: value.toString('base64') } : value;
  }
  return out;
}

