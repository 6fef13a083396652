import { sql, type Kysely } from 'kysely';

// The foundation: coalition profile, charter draft, goals, adopted versions, the change log
// and workspace metadata.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('workspace_meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('coalition_profile')
    .addColumn('id', 'text', (c) => c.primaryKey().check(sql`id = 'coalition'`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('region', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('founded_on', 'text')
    .addColumn('logo_mime', 'text')
    .addColumn('logo_data', 'blob')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('charter_draft')
    .addColumn('id', 'text', (c) => c.primaryKey().check(sql`id = 'draft'`))
    .addColumn('mission', 'text', (c) => c.notNull())
    .addColumn('vision', 'text', (c) => c.notNull())
    .addColumn('values_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('charter_goal')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) =>
      c.notNull().check(sql`category in ('policy_change', 'public_awareness', 'capacity_building')`),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('target_metric', 'text')
    .addColumn('target_value', 'real')
    .addColumn('target_unit', 'text')
    .addColumn('target_due_on', 'text')
    .execute();

  await db.schema
    .createTable('charter_version')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'integer', (c) => c.notNull().unique())
    .addColumn('adopted_on', 'text', (c) => c.notNull())
    .addColumn('adopted_at', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('content_json', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('change_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('create', 'update', 'delete')`))
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('batch', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('change_log_record').on('change_log').columns(['entity', 'entity_id', 'seq']).execute();
  await db.schema.createIndex('change_log_batch').on('change_log').column('batch').execute();
}
