import type { Kysely } from 'kysely';

// Resources and capacity building (issue 6): fundraising campaigns, pledges and contributions,
// grants, in-kind support; trainings and technical assistance. Foreign keys have no ON DELETE
// action (see 008).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('fundraising_campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
