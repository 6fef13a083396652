import { sql, type Kysely } from 'kysely';

// Custom fields (issue 3): coordinator-defined text / number / date / choice fields on
// organizations or people. Definitions in custom_fields; one row per record and field in
// custom_values (an entity-attribute-value table), so defining a field never alters the records'
// tables. Text, choice and date values are in value_text (dates as YYYY-MM-DD, which sorts and
// compares as text), numbers in value_number. Both tables have a text `id` key so the Writer
// can log and undo every change.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('custom_fields')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity', 'text', (c) => c.notNull().check(sql`entity in ('organization', 'person')`))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('text', 'number', 'date', 'choice')`))
    .addColumn('choices_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`create unique index custom_fields_label on custom_fields(entity, label collate nocase)`.execute(db);

  await db.schema
    .createTable('custom_values')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('field_id', 'text', (c) => c.notNull().references('custom_fields.id').onDelete('cascade'))
    // An organization's or a person's id (the field says which); services remove a record's values with it.
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('value_text', 'text')
    .addColumn('value_number', 'real')
    .execute();
  // One value per record and field.
  await sql`create unique index custom_values_one on custom_values(field_id, record_id)`.execute(db);
  // One record's value, without reading the row, when a filter tests records one by one (named,
  // so queries can ask for it: without statistics the planner may prefer a value range instead).
  await sql`create index custom_values_lookup on custom_values(field_id, record_id, value_text collate nocase, value_number)`.execute(db);
  // Filters read `record_id`s of one field by value straight from these covering indexes: text and
  // choice values ignoring case, number and date ranges in order.
  await sql`create index custom_values_text on custom_values(field_id, value_text collate nocase, record_id)`.execute(db);
  await sql`create index custom_values_number on custom_values(field_id, value_number, record_id)`.execute(db);
  // A record's values (the page's rows, a partner page, deleting or merging a record).
  await sql`create index custom_values_record on custom_values(record_id)`.execute(db);
}
