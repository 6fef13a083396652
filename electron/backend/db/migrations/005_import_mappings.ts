import { type Kysely } from 'kysely';

// Import mappings (issue 3): the column → field mapping last used to import a file with a given
// header row, so the next export of the same spreadsheet is mapped the same way without asking.
// A preference, not coalition data: written directly, not through the change log (undoing an
// import keeps the mapping).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_mappings')
    // The entity and the file's headers, trimmed and lower-cased, as JSON.
    .addColumn('header_key', 'text', (c) => c.primaryKey())
    .addColumn('entity', 'text', (c) => c.notNull())
    // One field key (or null) per column, as the plan's `mapping`.
    .addColumn('mapping_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
