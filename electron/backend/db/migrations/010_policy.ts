import { sql, type Kysely } from 'kysely';

// Policymakers and policy (issue 5): bodies and agencies, officials with their committees,
// contacts, staffers and relationship holders; stances (one row per statement: the history);
// bills with sponsors, a dated status history, hearings, linked campaigns and funding
// allocations; officials' recorded actions on bills (the scorecard); engagements with officials;
// campaign targets. Every table has a text `id` key so the Writer can log and undo each change.
//
// Foreign keys have no ON DELETE action (see 008): deleting an official, a bill or a body removes
// or clears its rows through the Writer (policy/service.ts), and deleting a person or an
// organization clears them as relationship holder, attendee or follow-up owner
// (policy/links.ts). A reference left behind makes the delete fail instead of dangle.
//
// Denormalized for lists: `bills.status` / `status_on` are the latest row of
// bill_status_changes (written with it), `officials.name_key` and `district_key` are the
// normalized forms duplicates and district matching compare (policy/normalize.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('policy_bodies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('city_council', 'county_board', 'legislature_chamber', 'parliament', 'agency', 'regulatory', 'administrative', 'council', 'other')`),
    )
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('local', 'state', 'national')`))
    .addColumn('jurisdiction', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('responsibilities', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('website', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`create index policy_bodies_name on policy_bodies(name collate nocase, id)`.execute(db);

  await db.schema
    .createTable('officials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('local', 'state', 'national')`))
    .addColumn('body_id', 'text', (c) => c.references('policy_bodies.id'))
    .addColumn('district', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('jurisdiction', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('party', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('office_address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('website', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('term_start', 'text')
    .addColumn('term_end', 'text')
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('name_key', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('district_key', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`create index officials_name on officials(name collate nocase, id)`.execute(db);
  await sql`create index officials_body on officials(body_id) where body_id is not null`.execute(db);
  await db.schema.createIndex('officials_level').on('officials').columns(['level', 'name']).execute();
  await db.schema.createIndex('officials_party').on('officials').columns(['party', 'name']).execute();
  await db.schema.createIndex('officials_keys').on('officials').columns(['name_key', 'district_key']).execute();

  await db.schema
    .createTable('committees')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('body_id', 'text', (c) => c.references('policy_bodies.id'))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`create index committees_body on committees(body_id) where body_id is not null`.execute(db);

  await db.schema
    .createTable('committee_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('committee_id', 'text', (c) => c.notNull().references('committees.id'))
    .addColumn('official_id', 'text', (c) => c.notNull().references('officials.id'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('chair', 'vice_chair', 'ranking_member', 'member')`))
    .execute();
  await sql`create unique index committee_members_one on committee_members(committee_id, official_id)`.execute(db);
  await db.schema.createIndex('committee_members_official').on('committee_members').column('official_id').execute();

  await db.schema
    .createTable('official_staffers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('official_id', 'text', (c) => c.notNull().references('officials.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('official_staffers_official').on('official_staffers').column('official_id').execute();

  // Who in the coalition knows the official best: a person or a member organization.
  await db.schema
    .createTable('relationship_holders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('official_id', 'text', (c) => c.notNull().references('officials.id'))
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    .addColumn('organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('is_primary', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addCheckConstraint('relationship_holders_one', sql`(person_id is null) <> (organization_id is null)`)
    .execute();
  await db.schema.createIndex('relationship_holders_official').on('relationship_holders').column('official_id').execute();
  await sql`create index relationship_holders_person on relationship_holders(person_id) where person_id is not null`.execute(db);
  await sql`create index relationship_holders_org on relationship_holders(organization_id) where organization_id is not null`.execute(db);

  await db.schema
    .createTable('bills')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('bill', 'policy', 'budget', 'regulation')`))
    .addColumn('jurisdiction', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('local', 'state', 'national')`))
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('committee_id', 'text', (c) => c.references('committees.id'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('drafted', 'introduced', 'in_committee', 'passed_committee', 'passed_chamber', 'passed_both', 'enacted', 'vetoed', 'dead')`),
    )
    .addColumn('status_on', 'text', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull().check(sql`position in ('support', 'oppose', 'support_if_amended', 'monitor', 'none')`))
    .addColumn('position_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('url', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`create index bills_identifier on bills(identifier collate nocase, id)`.execute(db);
  await db.schema.createIndex('bills_status').on('bills').columns(['status', 'status_on']).execute();
  await sql`create index bills_committee on bills(committee_id) where committee_id is not null`.execute(db);

  await db.schema
    .createTable('bill_status_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('bill_id', 'text', (c) => c.notNull().references('bills.id'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('drafted', 'introduced', 'in_committee', 'passed_committee', 'passed_chamber', 'passed_both', 'enacted', 'vetoed', 'dead')`),
    )
    .addColumn('changed_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('recorded_by', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bill_status_changes_bill').on('bill_status_changes').columns(['bill_id', 'changed_on', 'created_at']).execute();
  await db.schema.createIndex('bill_status_changes_on').on('bill_status_changes').column('changed_on').execute();

  await db.schema
    .createTable('bill_sponsors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('bill_id', 'text', (c) => c.notNull().references('bills.id'))
    .addColumn('official_id', 'text', (c) => c.notNull().references('officials.id'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('primary', 'co')`))
    .execute();
  await sql`create unique index bill_sponsors_one on bill_sponsors(bill_id, official_id)`.execute(db);
  await db.schema.createIndex('bill_sponsors_official').on('bill_sponsors').column('official_id').execute();

  await db.schema
    .createTable('bill_hearings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('bill_id', 'text', (c) => c.notNull().references('bills.id'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('committee_id', 'text', (c) => c.references('committees.id'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('bill_hearings_bill').on('bill_hearings').columns(['bill_id', 'held_on']).execute();
  await sql`create index bill_hearings_committee on bill_hearings(committee_id) where committee_id is not null`.execute(db);

  await db.schema
    .createTable('funding_allocations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('bill_id', 'text', (c) => c.notNull().references('bills.id'))
    .addColumn('amount', 'real', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('program', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('fiscal_year', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('funding_allocations_bill').on('funding_allocations').column('bill_id').execute();

  // A stance is about a campaign or a bill; every statement is a row (current = latest by date).
  await db.schema
    .createTable('stances')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('official_id', 'text', (c) => c.notNull().references('officials.id'))
    .addColumn('campaign_id', 'text', (c) => c.references('campaigns.id'))
    .addColumn('bill_id', 'text', (c) => c.references('bills.id'))
    .addColumn('stance', 'text', (c) =>
      c.notNull().check(sql`stance in ('champion', 'supporter', 'leaning_yes', 'undecided', 'leaning_no', 'opposed', 'unknown')`),
    )
    .addColumn('stated_on', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('recorded_by', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('stances_subject', sql`(campaign_id is null) <> (bill_id is null)`)
    .execute();
  await db.schema.createIndex('stances_official').on('stances').columns(['official_id', 'stated_on', 'created_at']).execute();
  await sql`create index stances_campaign on stances(campaign_id, stated_on) where campaign_id is not null`.execute(db);
  await sql`create index stances_bill on stances(bill_id, stated_on) where bill_id is not null`.execute(db);

  // What an official did on a bill (the scorecard): sponsored, co-sponsored, voted yes/no, absent.
  await db.schema
    .createTable('official_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('official_id', 'text', (c) => c.notNull().references('officials.id'))
    .addColumn('bill_id', 'text', (c) => c.notNull().references('bills.id'))
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('sponsored', 'co_sponsored', 'voted_yes', 'voted_no', 'absent')`))
    .addColumn('acted_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('official_actions_official').on('official_actions').columns(['official_id', 'acted_on']).execute();
  await db.schema.createIndex('official_actions_bill').on('official_actions').columns(['bill_id', 'acted_on']).execute();

  await db.schema
    .createTable('engagements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('meeting', 'testimony', 'briefing', 'letter', 'site_visit', 'call', 'other')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text')
    .addColumn('ends_at', 'text')
    .addColumn('time_zone', 'text')
    .addColumn('location', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('campaign_id', 'text', (c) => c.references('campaigns.id'))
    .addColumn('bill_id', 'text', (c) => c.references('bills.id'))
    .addColumn('presented_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('presented_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('outcome', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('follow_up', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('follow_up_owner_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('follow_up_due_on', 'text')
    .addColumn('follow_up_done', 'integer', (c) => c.notNull().defaultTo(0))
    // The planner's policymaker meeting made for this engagement (kept in step with it).
    .addColumn('meeting_id', 'text', (c) => c.references('meetings.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('engagements_on').on('engagements').column('occurred_on').execute();
  await sql`create index engagements_campaign on engagements(campaign_id, occurred_on) where campaign_id is not null`.execute(db);
  await sql`create index engagements_bill on engagements(bill_id, occurred_on) where bill_id is not null`.execute(db);
  await sql`create index engagements_meeting on engagements(meeting_id) where meeting_id is not null`.execute(db);
  await sql`create index engagements_owner on engagements(follow_up_owner_person_id) where follow_up_owner_person_id is not null`.execute(db);
  await sql`create index engagements_open_follow_up on engagements(follow_up_due_on) where follow_up_done = 0 and follow_up <> ''`.execute(db);

  // The officials met (staffer_id set when the coalition met a member of their staff).
  await db.schema
    .createTable('engagement_officials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id'))
    .addColumn('official_id', 'text', (c) => c.notNull().references('officials.id'))
    .addColumn('staffer_id', 'text', (c) => c.references('official_staffers.id'))
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .execute();
  await sql`create unique index engagement_officials_one on engagement_officials(engagement_id, official_id)`.execute(db);
  await db.schema.createIndex('engagement_officials_official').on('engagement_officials').columns(['official_id', 'occurred_on']).execute();
  await sql`create index engagement_officials_staffer on engagement_officials(staffer_id) where staffer_id is not null`.execute(db);

  await db.schema
    .createTable('engagement_attendees')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .execute();
  await sql`create unique index engagement_attendees_one on engagement_attendees(engagement_id, person_id)`.execute(db);
  await db.schema.createIndex('engagement_attendees_person').on('engagement_attendees').column('person_id').execute();

  // A campaign's targets: the bills it pushes (a bill's linked campaigns) and the officials it works on.
  await db.schema
    .createTable('campaign_target_bills')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('bill_id', 'text', (c) => c.notNull().references('bills.id'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await sql`create unique index campaign_target_bills_one on campaign_target_bills(campaign_id, bill_id)`.execute(db);
  await db.schema.createIndex('campaign_target_bills_bill').on('campaign_target_bills').column('bill_id').execute();

  await db.schema
    .createTable('campaign_target_officials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('official_id', 'text', (c) => c.notNull().references('officials.id'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await sql`create unique index campaign_target_officials_one on campaign_target_officials(campaign_id, official_id)`.execute(db);
  await db.schema.createIndex('campaign_target_officials_official').on('campaign_target_officials').column('official_id').execute();
}
