import { sql, type Kysely } from 'kysely';
import { DEFAULT_ISSUE_AREAS, DEFAULT_POPULATIONS } from '@shared/directory/enums';

// The partner directory: organizations, people, affiliations, relationships, interactions,
// editable vocabularies and saved views. List-valued fields are stored as JSON arrays on the
// record (so the change log keeps whole records); triggers keep two derived structures in
// step with them: a label index for filtering and full-text tables for search.

const ORG_LABEL_FIELDS = { other_name: 'other_names_json', issue_area: 'issue_areas_json', region: 'regions_json', population: 'populations_json', contribution: 'contributions_json', tag: 'tags_json' };
const PERSON_LABEL_FIELDS = { language: 'languages_json', tag: 'tags_json' };

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organizations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('other_names_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('issue_areas_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('regions_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('populations_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('alignment_score', 'integer')
    .addColumn('alignment_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('stage_changed_on', 'text', (c) => c.notNull())
    .addColumn('tier', 'text')
    .addColumn('contributions_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('website', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('city', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('district', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('registration_number', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('staff_size', 'integer')
    .addColumn('budget_band', 'text')
    .addColumn('tags_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('last_contacted_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  for (const column of ['name', 'stage', 'sector', 'type', 'tier', 'city', 'district', 'alignment_score', 'last_contacted_on', 'updated_at']) {
    const collate = column === 'name' || column === 'city' ? ' collate nocase' : '';
    await sql.raw(`create index organizations_${column} on organizations(${column}${collate}, id)`).execute(db);
  }

  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('pronouns', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('languages_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('city', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('district', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('community_leader', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('tags_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('consent_may_contact', 'integer')
    .addColumn('consent_channels_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('consent_recorded_on', 'text')
    .addColumn('consent_recorded_by', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('last_contacted_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  for (const column of ['name', 'city', 'district', 'last_contacted_on', 'updated_at']) {
    const collate = column === 'name' || column === 'city' || column === 'district' ? ' collate nocase' : '';
    await sql.raw(`create index people_${column} on people(${column}${collate}, id)`).execute(db);
  }
  // The yes/no filters of the people list: counting a page's total reads these, not every row.
  await sql`create index people_community_leader on people(community_leader)`.execute(db);
  await sql`create index people_consent_may_contact on people(consent_may_contact)`.execute(db);

  await db.schema
    .createTable('organization_stage_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('changed_on', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('organization_stage_changes_org').on('organization_stage_changes').columns(['organization_id', 'changed_on']).execute();

  await db.schema
    .createTable('affiliations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('role', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_primary', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('start_on', 'text')
    .addColumn('end_on', 'text')
    .execute();
  await db.schema.createIndex('affiliations_person').on('affiliations').columns(['person_id', 'is_primary']).execute();
  await db.schema.createIndex('affiliations_organization').on('affiliations').column('organization_id').execute();

  for (const [table, target] of [['organization_relationships', 'organizations'], ['person_relationships', 'people']] as const) {
    await db.schema
      .createTable(table)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('from_id', 'text', (c) => c.notNull().references(`${target}.id`))
      .addColumn('to_id', 'text', (c) => c.notNull().references(`${target}.id`))
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addCheckConstraint(`${table}_not_self`, sql`from_id <> to_id`)
      .execute();
    await db.schema.createIndex(`${table}_from`).on(table).column('from_id').execute();
    await db.schema.createIndex(`${table}_to`).on(table).column('to_id').execute();
  }

  await db.schema
    .createTable('interactions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('follow_up_owner', 'text')
    .addColumn('follow_up_due_on', 'text')
    .addColumn('follow_up_done', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('interaction_participants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('interaction_id', 'text', (c) => c.notNull().references('interactions.id'))
    .addColumn('organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    .addColumn('occurred_on', 'text', (c) => c.notNull()) // copied from the interaction: timelines page by date without a join
    .addCheckConstraint('interaction_participants_one', sql`(organization_id is null) <> (person_id is null)`)
    .execute();
  await sql`create index interaction_participants_org on interaction_participants(organization_id, occurred_on desc) where organization_id is not null`.execute(db);
  await sql`create index interaction_participants_person on interaction_participants(person_id, occurred_on desc) where person_id is not null`.execute(db);
  await db.schema.createIndex('interaction_participants_interaction').on('interaction_participants').column('interaction_id').execute();

  await db.schema
    .createTable('vocabulary')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('vocabulary_kind_value', ['kind', 'value'])
    .execute();
  const seed = [
    ...DEFAULT_ISSUE_AREAS.map((value, position) => ({ id: `issue_area:${position}`, kind: 'issue_area', value, position })),
    ...DEFAULT_POPULATIONS.map((value, position) => ({ id: `population:${position}`, kind: 'population', value, position })),
  ];
  await (db as Kysely<{ vocabulary: { id: string; kind: string; value: string; position: number } }>).insertInto('vocabulary').values(seed).execute();

  await db.schema
    .createTable('saved_views')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('definition_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await createLabelIndex(db, 'organization', 'organizations', ORG_LABEL_FIELDS);
  await createLabelIndex(db, 'person', 'people', PERSON_LABEL_FIELDS);
  await createSearchIndex(db, 'organization', 'organizations', {
    name: 'new.name',
    other: 'new.other_names_json',
    contact: "new.email || ' ' || new.website || ' ' || new.phone",
    place: "new.city || ' ' || new.district || ' ' || new.address || ' ' || new.regions_json",
    tags: 'new.tags_json',
    notes: 'new.notes',
  });
  await createSearchIndex(db, 'person', 'people', {
    name: 'new.name',
    other: "new.title || ' ' || new.pronouns",
    contact: "new.email || ' ' || new.phone",
    place: "new.city || ' ' || new.district",
    tags: 'new.tags_json',
    notes: 'new.notes',
  });
}

/** `<entity>_labels(record_rowid, field, value)`: one row per list item, for filters. */
async function createLabelIndex(db: Kysely<unknown>, entity: string, table: string, fields: Record<string, string>): Promise<void> {
  const labels = `${entity}_labels`;
  await sql.raw(`create table ${labels} (record_rowid integer not null, field text not null, value text not null)`).execute(db);
  await sql.raw(`create index ${labels}_lookup on ${labels}(field, value, record_rowid)`).execute(db);
  await sql.raw(`create index ${labels}_record on ${labels}(record_rowid)`).execute(db);
  const insert = Object.entries(fields)
    .map(([field, column]) => `insert into ${labels} select new.rowid, '${field}', value from json_each(new.${column});`)
    .join('\n      ');
  await sql.raw(`create trigger ${table}_labels_insert after insert on ${table} begin\n      ${insert}\n    end`).execute(db);
  // Only when a list column changes: a stage or last-contact update leaves the labels alone.
  const listColumns = Object.values(fields).join(', ');
  await sql
    .raw(`create trigger ${table}_labels_update after update of ${listColumns} on ${table} begin\n      delete from ${labels} where record_rowid = old.rowid;\n      ${insert}\n    end`)
    .execute(db);
  await sql.raw(`create trigger ${table}_labels_delete after delete on ${table} begin delete from ${labels} where record_rowid = old.rowid; end`).execute(db);
}

/**
 * `<entity>_search`: FTS5 over the record's words, rowid = the record's rowid. unicode61 with
 * remove_diacritics 2 makes "Sao Paulo" find "São Paulo"; the prefix indexes keep
 * search-as-you-type fast for one to three letters.
 */
async function createSearchIndex(db: Kysely<unknown>, entity: string, table: string, columns: Record<string, string>): Promise<void> {
  const search = `${entity}_search`;
  const names = Object.keys(columns).join(', ');
  const values = Object.values(columns).join(', ');
  await sql.raw(`create virtual table ${search} using fts5(${names}, tokenize = "unicode61 remove_diacritics 2", prefix = '1 2 3')`).execute(db);
  const insert = `insert into ${search}(rowid, ${names}) values (new.rowid, ${values});`;
  await sql.raw(`create trigger ${table}_search_insert after insert on ${table} begin ${insert} end`).execute(db);
  // Only when a searched column changes: re-indexing a record's words is the costly part of an
  // update (logging an interaction updates last_contacted_on; a bulk stage change touches thousands).
  const searched = [...new Set(values.match(/\bnew\.\w+/g) ?? [])].map((ref) => ref.slice('new.'.length)).join(', ');
  await sql
    .raw(`create trigger ${table}_search_update after update of ${searched} on ${table} begin delete from ${search} where rowid = old.rowid; ${insert} end`)
    .execute(db);
  await sql.raw(`create trigger ${table}_search_delete after delete on ${table} begin delete from ${search} where rowid = old.rowid; end`).execute(db);
}
