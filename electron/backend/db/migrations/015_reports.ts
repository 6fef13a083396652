import { sql, type Kysely } from 'kysely';

// Reporting (issue 6): saved impact reports and update digests. A row keeps what the coordinator
// chose and wrote — the period, the audience, the sections shown, and the narrative (challenges,
// next steps, how to get involved) — so the next report starts from this one ("New report from
// the last"). The numbers are never stored: every export reads them for its period again.
// No foreign keys: a report points at nothing but the workspace.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('impact', 'digest')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('period_kind', 'text', (c) => c.notNull().check(sql`period_kind in ('month', 'quarter', 'year', 'custom')`))
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull().check(sql`audience in ('members', 'funders', 'public')`))
    // The sections shown, as a JSON array of section keys (see shared/reports/contract.ts).
    .addColumn('sections_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('challenges_md', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('next_steps_md', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('get_involved_md', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('reports_period', sql`period_to >= period_from`)
    .execute();
  // The list (newest period first) and "the last report" of a kind.
  await db.schema.createIndex('reports_kind_period').on('reports').columns(['kind', 'period_to', 'created_at']).execute();
}
