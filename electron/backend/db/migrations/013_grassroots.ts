import { sql, type Kysely } from 'kysely';

// Grassroots actions and petitions (issue 5): counts by campaign, target official and district.
// After 010 because they point at officials. Foreign keys have no ON DELETE action (see 008).
//
// Grassroots actions are totals reported by partners (120 letters to one official's office in
// one district on one day), never individual constituents: there is no column for a person.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('grassroots_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('letter', 'call', 'email', 'petition_signature', 'visit')`))
    .addColumn('count', 'integer', (c) => c.notNull().check(sql`count > 0`))
    .addColumn('official_id', 'text', (c) => c.references('officials.id'))
    .addColumn('district', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('action_on', 'text', (c) => c.notNull())
    .addColumn('reported_by_organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // A campaign's counts: its totals, the list's sums and its timeline's days read this index alone.
  await db.schema.createIndex('grassroots_actions_campaign').on('grassroots_actions').columns(['campaign_id', 'action_on', 'kind', 'count']).execute();
  // Totals for a period, an official or a district (grassrootsTotals) read these indexes alone.
  await sql`create index grassroots_actions_on on grassroots_actions(action_on, kind, count, campaign_id, official_id, district)`.execute(db);
  await sql`create index grassroots_actions_official on grassroots_actions(official_id, action_on, kind, count, campaign_id, district) where official_id is not null`.execute(db);
  await sql`create index grassroots_actions_district on grassroots_actions(district, action_on, kind, count, campaign_id, official_id)`.execute(db);
  await sql`create index grassroots_actions_reporter on grassroots_actions(reported_by_organization_id) where reported_by_organization_id is not null`.execute(db);

  await db.schema
    .createTable('petitions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('target_official_id', 'text', (c) => c.references('officials.id'))
    // A target in words ("the City Council", "Governor's office"), beside or instead of an official.
    .addColumn('target_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('goal', 'integer', (c) => c.notNull().check(sql`goal > 0`))
    .addColumn('launched_on', 'text')
    .addColumn('delivered_on', 'text')
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('petitions_campaign').on('petitions').column('campaign_id').execute();
  await sql`create index petitions_official on petitions(target_official_id) where target_official_id is not null`.execute(db);

  // The signature count over time: one total per petition and day (the latest count is the progress).
  await db.schema
    .createTable('petition_counts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('petition_id', 'text', (c) => c.notNull().references('petitions.id'))
    .addColumn('counted_on', 'text', (c) => c.notNull())
    .addColumn('signatures', 'integer', (c) => c.notNull().check(sql`signatures >= 0`))
    .execute();
  await sql`create unique index petition_counts_one on petition_counts(petition_id, counted_on)`.execute(db);
}
