import { sql, type Kysely } from 'kysely';

// Advocacy campaigns (issue 5): campaigns with their partners and key messages, grassroots
// actions, petitions and public events. Foreign keys have no ON DELETE action (see 008): deletes
// go through the Writer so undo can restore them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('ask', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('goal_id', 'text', (c) => c.references('charter_goal.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('planning', 'active', 'won', 'lost', 'paused')`))
    .addColumn('starts_on', 'text')
    .addColumn('ends_on', 'text')
    .addColumn('lead_working_group_id', 'text', (c) => c.references('working_groups.id'))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
