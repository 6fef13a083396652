import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { isMemberSpanTrigger, refreshMemberSpans } from './memberSpans';

// A large import writes tens of thousands of records in one call. Row by row, most of its time
// goes into what the schema derives from each record: the insert triggers of migration 002 fill
// the label index and the full-text index one record at a time, and every non-unique index is
// updated per row. Measured on 100,000 organizations (two cores): 17 s with triggers and indexes
// live, 3.5 s when the indexes are dropped and created again after, and the labels and the search
// index filled from the new rows in one statement each. `withBulkIndexing` does that, inside the
// call's transaction, so a failure restores triggers and indexes with everything else.

/** A big import into a table at least as big as it rebuilds the table's indexes afterwards rather than updating them row by row. */
export const BULK_MIN_ROWS = 10_000;
/** The page cache while a big import writes (negative: KiB), 512 MB. */
const BULK_CACHE_KIB = -524_288;

/**
 * What migration 002's insert triggers derive from a new organization or person: the list
 * columns behind each label field, and the text behind each column of the full-text index.
 * tests/unit/backend/bulk-insert.test.ts checks that these fill exactly what the triggers fill.
 */
const DERIVED = {
  organizations: {
    labels: 'organization_labels',
    labelColumns: {
      other_name: 'other_names_json',
      issue_area: 'issue_areas_json',
      region: 'regions_json',
      population: 'populations_json',
      contribution: 'contributions_json',
      tag: 'tags_json',
    },
    search: 'organization_search',
    searchColumns: {
      name: 'r.name',
      other: 'r.other_names_json',
      contact: "r.email || ' ' || r.website || ' ' || r.phone",
      place: "r.city || ' ' || r.district || ' ' || r.address || ' ' || r.regions_json",
      tags: 'r.tags_json',
      notes: 'r.notes',
    },
  },
  people: {
    labels: 'person_labels',
    labelColumns: { language: 'languages_json', tag: 'tags_json' },
    search: 'person_search',
    searchColumns: {
      name: 'r.name',
      other: "r.title || ' ' || r.pronouns",
      contact: "r.email || ' ' || r.phone",
      place: "r.city || ' ' || r.district",
      tags: 'r.tags_json',
      notes: 'r.notes',
    },
  },
} as const;

type DerivedTable = keyof typeof DERIVED;

/** Tables that grow together: the first decides (by its size against `adding`), the others follow. */
export interface GrowingTables {
  tables: readonly string[];
  adding: number;
}

interface SchemaObject {
  name: string;
  sql: string;
}

/**
 * Runs `write` with the non-unique indexes of each group of tables that will at least double by
 * BULK_MIN_ROWS rows or more dropped and created again after from their stored definitions. For
 * organizations and people it also lifts the label and search insert triggers while `write`
 * runs and then fills both indexes from the new rows (rowid above the largest before), so the
 * result is what the triggers would have written. Updates and deletes keep their triggers. A
 * growing stage history likewise sets aside its member-span triggers and recomputes the spans of
 * the organizations it touched once its indexes are back.
 */
export async function withBulkIndexing(db: Kysely<Database>, groups: readonly GrowingTables[], write: () => Promise<void>): Promise<void> {
  const droppedIndexes: SchemaObject[] = [];
  const droppedTriggers: SchemaObject[] = [];
  const deferred: { table: DerivedTable; after: number }[] = [];
  let stageHistoryAfter: number | null = null;
  for (const { tables, adding } of groups) {
    const [first] = tables;
    if (first === undefined || adding < BULK_MIN_ROWS) continue;
    // max(rowid) is the row count or more, and costs nothing to read.
    const size = await largestRowid(db, first);
    if (size > adding) continue;
    for (const table of tables) {
      for (const index of await schemaObjects(db, 'index', table)) {
        if (/^\s*create\s+unique\b/i.test(index.sql)) continue;
        await sql`drop index ${sql.id(index.name)}`.execute(db);
        droppedIndexes.push(index);
      }
    }
    if (first in DERIVED) {
      const table = first as DerivedTable;
      for (const trigger of await schemaObjects(db, 'trigger', table)) {
        if (trigger.name !== `${table}_labels_insert` && trigger.name !== `${table}_search_insert`) continue;
        await sql`drop trigger ${sql.id(trigger.name)}`.execute(db);
        droppedTriggers.push(trigger);
      }
      deferred.push({ table, after: size });
    }
    if (tables.includes('organization_stage_changes')) {
      for (const trigger of await schemaObjects(db, 'trigger', 'organization_stage_changes')) {
        if (!isMemberSpanTrigger(trigger.name)) continue;
        await sql`drop trigger ${sql.id(trigger.name)}`.execute(db);
        droppedTriggers.push(trigger);
      }
      stageHistoryAfter = await largestRowid(db, 'organization_stage_changes');
    }
  }
  // The pages a big import dirties fit in memory until the commit, rather than spilling to the WAL and being written again.
  const { rows: cache } = await sql<{ cache_size: number }>`pragma cache_size`.execute(db);
  if (droppedIndexes.length > 0) await sql.raw(`pragma cache_size = ${BULK_CACHE_KIB}`).execute(db);
  await write();
  for (const { table, after } of deferred) await fillDerived(db, table, after);
  for (const trigger of droppedTriggers) await sql.raw(trigger.sql).execute(db);
  for (const index of droppedIndexes) await sql.raw(index.sql).execute(db);
  if (stageHistoryAfter !== null) for (const statement of refreshMemberSpans(stageHistoryAfter)) await sql.raw(statement).execute(db);
  await sql.raw(`pragma cache_size = ${Number(cache[0]?.cache_size ?? -65536)}`).execute(db);
}

/** Fills the label and search indexes of the records whose rowid is above `after`, as the insert triggers would. */
export async function fillDerived(db: Kysely<Database>, table: DerivedTable, after: number): Promise<void> {
  const derived = DERIVED[table];
  for (const [field, column] of Object.entries(derived.labelColumns)) {
    await sql
      .raw(`insert into ${derived.labels} select r.rowid, '${field}', j.value from ${table} r, json_each(r.${column}) j where r.rowid > ${after}`)
      .execute(db);
  }
  const names = Object.keys(derived.searchColumns).join(', ');
  const values = Object.values(derived.searchColumns).join(', ');
  // FTS5 writes its pending words out as a new segment every hashsize bytes (1 MB by default) and
  // then merges the segments: with room for the whole fill they are written once, sorted (100k
  // organizations: 0.9 s to 0.5 s). The memory is held only until the commit.
  await setSearchHashSize(db, derived.search, SEARCH_FILL_HASH_BYTES);
  await sql.raw(`insert into ${derived.search}(rowid, ${names}) select r.rowid, ${values} from ${table} r where r.rowid > ${after}`).execute(db);
  await setSearchHashSize(db, derived.search, SEARCH_HASH_BYTES);
}

/** FTS5's default for the words it keeps in memory before writing a segment, and what a bulk fill allows. */
const SEARCH_HASH_BYTES = 1024 * 1024;
const SEARCH_FILL_HASH_BYTES = 64 * 1024 * 1024;

async function setSearchHashSize(db: Kysely<Database>, search: string, bytes: number): Promise<void> {
  await sql.raw(`insert into ${search}(${search}, rank) values ('hashsize', ${bytes})`).execute(db);
}

async function largestRowid(db: Kysely<Database>, table: string): Promise<number> {
  const { rows } = await sql<{ n: number | null }>`select max(rowid) as n from ${sql.table(table)}`.execute(db);
  return rows[0]?.n ?? 0;
}

async function schemaObjects(db: Kysely<Database>, type: 'index' | 'trigger', table: string): Promise<SchemaObject[]> {
  const { rows } = await sql<SchemaObject>`select name, sql from sqlite_schema where type = ${type} and tbl_name = ${table} and sql is not null`.execute(db);
  return rows;
}
