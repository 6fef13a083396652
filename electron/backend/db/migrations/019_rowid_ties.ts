import { sql, type Kysely } from 'kysely';

// The directory's sort indexes were `(column, id)`: the text id, a 36-character UUID, in every
// entry, to break ties between records with the same value. Every index entry already ends with
// the record's rowid, which breaks ties as well, so for the columns the lists only sort by (and the
// organizations' district, which only the district match walks) the ties now go by rowid
// (directory/lists.ts tieBreaker) and the index holds the column alone: half
// the size, and built in half the time when a large import creates it again. The name and the
// columns a filter reads keep the id: custom-field filters and sorts look values up by record id
// and read it from the index they walk or count. Same names, so `indexed by` hints still hold.

const SORT_ONLY_COLUMNS = {
  organizations: ['city', 'district', 'alignment_score', 'updated_at'],
  people: ['city', 'updated_at'],
};

const NOCASE = ['city'];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, columns] of Object.entries(SORT_ONLY_COLUMNS)) {
    for (const column of columns) {
      const collate = NOCASE.includes(column) ? ' collate nocase' : '';
      await sql.raw(`drop index ${table}_${column}`).execute(db);
      await sql.raw(`create index ${table}_${column} on ${table}(${column}${collate})`).execute(db);
    }
  }
}
