import type { Kysely } from 'kysely';

// Reporting (issue 6): saved impact reports and digests (period, audience, narrative), so the
// next one starts from the last. Foreign keys have no ON DELETE action (see 008).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
