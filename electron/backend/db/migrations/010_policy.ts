import type { Kysely } from 'kysely';

// Policymakers and policy (issue 5): officials, agencies, stances, bills with their status
// history and funding allocations, engagements. Foreign keys have no ON DELETE action (see 008).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('officials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
