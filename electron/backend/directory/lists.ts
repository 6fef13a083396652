import { sql, type Expression, type SqlBool } from 'kysely';

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
 * `<table>.rowid` has any of `values` in the label `field` (the trigger-maintained index of the
 * record's list columns). An empty `values` list matches everything, as an unset filter should.
 */
export function hasAnyLabel(entity: LabelEntity, rowid: Expression<unknown>, field: string, values: readonly string[]): Expression<SqlBool> {
  if (values.length === 0) return sql<SqlBool>`1`;
  const labels = sql.table(`${entity}_labels`);
  return sql<SqlBool>`${rowid} in (select record_rowid from ${labels} where field = ${field} and value in (${sql.join(values)}))`;
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
    .slice(0, 10);
  if (words.length === 0) return null;
  return words.map((word) => `"${word.replaceAll('"', '""')}"*`).join(' ');
}

/** `<table>.rowid` matches the full-text query in the entity's search index. */
export function matchesText(entity: LabelEntity, rowid: Expression<unknown>, query: string): Expression<SqlBool> {
  const search = sql.table(`${entity}_search`);
  return sql<SqlBool>`${rowid} in (select rowid from ${search} where ${search} match ${query})`;
}
