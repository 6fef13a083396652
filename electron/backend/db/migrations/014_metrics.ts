import type { Kysely } from 'kysely';

// Monitoring and evaluation (issue 6): the indicator catalogue, entered values and targets per
// period, and stakeholder-feedback surveys. Foreign keys have no ON DELETE action (see 008).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('metrics')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
