import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';

// Helpers shared by the directory's services: JSON list columns, label filters and full-text
// queries. Organizations and people use the same three.

/** A JSON list column as stored (always an array of strings). */
export function parseList(json: string): string[] {
  const value = JSON.parse(json) as unknown;
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export function listJson(items: readonly string[]): string {
  return JSON.stringify(items);
}

export type LabelEntity = 'organization' | 'person';

/**
 * The sort fields whose index holds the column alone (migration 019): columns the lists only sort
 * by. The indexes of the name and of the columns a filter reads are `(column, id)`: custom-field
 * filters and sorts look values up by record id, and read it from the index they walk or count.
 */
const ROWID_TIES: Record<LabelEntity, ReadonlySet<string>> = {
  organization: new Set(['city', 'alignmentScore', 'updatedAt']),
  person: new Set(['city', 'updatedAt']),
};

/**
 * The column that breaks a list's ties, in its sort index's order so a page walks the index
 * without sorting: the id, or the rowid (with which every index entry ends) where the index
 * holds the column alone.
 */
export function tieBreaker(entity: LabelEntity, alias: string, sortField: string): RawBuilder<unknown> {
  return sql.ref(`${alias}.${ROWID_TIES[entity].has(sortField) ? 'rowid' : 'id'}`);
}

/**
 * `<table>.rowid` has any of `values` in the label `field` (the trigger-maintained index of the
 * record's list columns). An empty `values` list matches everything, as an unset filter should.
 */
export function hasAnyLabel(entity: LabelEntity, rowid: Expression<unknown>, field: string, values: readonly string[]): Expression<SqlBool> {
  if (values.length === 0) return sql<SqlBool>`1`;
  return sql<SqlBool>`${rowid} in (${labelRowids(entity, field, values)})`;
}

/** The rowids of the records with any of `values` (non-empty) in the label `field`, possibly repeated. */
export function labelRowids(entity: LabelEntity, field: string, values: readonly string[]): RawBuilder<unknown> {
  const labels = sql.table(`${entity}_labels`);
  return sql`select record_rowid from ${labels} where field = ${field} and value in (${sql.join(values)})`;
}

/**
 * Turns what a coordinator typed into an FTS5 query: every word must match as a prefix
 * ("sao pau" → "sao"* "pau"*). Quotes keep FTS5 syntax (AND, NEAR, *, ^, :) from being
 * interpreted. Returns null when there is nothing to search for.
 */
export function ftsQuery(text: string): string | null {
  const words = text
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 10)
    // A word that is a prefix of another word adds nothing ("sa sao" = "sao", "c c" = "c") but makes
    // FTS5 intersect two huge lists: keep the longer one.
    .filter((word, i, all) => {
      const folded = fold(word);
      return !all.some((other, j) => j !== i && fold(other).startsWith(folded) && (fold(other).length > folded.length || j < i));
    });
  if (words.length === 0) return null;
  return words.map((word) => `"${word.replaceAll('"', '""')}"*`).join(' ');
}

/** Lower case without accents, as the search index compares words (remove_diacritics 2). */
function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** `<table>.rowid` matches the full-text query in the entity's search index. */
export function matchesText(entity: LabelEntity, rowid: Expression<unknown>, query: string): Expression<SqlBool> {
  return sql<SqlBool>`${rowid} in (${textRowids(entity, query)})`;
}

/** The rowids of the records a filter answered by an index of its own matches (`distinct`: each at most once). */
export interface RowidSet {
  rowids: RawBuilder<unknown>;
  distinct: boolean;
}

/**
 * The rowids in every set, each once (INTERSECT keeps one of each), to count: counting them alone
 * reads only the sets' indexes, where counting the records that match reads each match's record.
 */
export function countable(sets: readonly RowidSet[]): RawBuilder<unknown> {
  const [only] = sets;
  if (sets.length === 1 && only) return only.distinct ? only.rowids : sql`select distinct * from (${only.rowids})`;
  return sql.join(
    sets.map((set) => set.rowids),
    sql` intersect `,
  );
}

/** The rowids of the records matching the full-text query. */
export function textRowids(entity: LabelEntity, query: string): RawBuilder<unknown> {
  const search = sql.table(`${entity}_search`);
  return sql`select rowid from ${search} where ${search} match ${query}`;
}
