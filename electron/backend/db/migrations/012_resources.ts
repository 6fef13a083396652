import { sql, type Kysely } from 'kysely';

// Resources and capacity building (issue 6): fundraising campaigns, contributions (pledges) and
// their payments, grants and their reporting dues, in-kind support; trainings (each with its
// meeting in the planner's calendar), attendance and feedback; technical-assistance requests and
// their status history. Foreign keys have no ON DELETE action (see 008): deleting a person or an
// organization clears or removes these rows through the Writer (resources/links.ts,
// capacity/links.ts).
//
// Money is an integer in the currency's minor units (cents: 1234 = 12.34 USD) next to its ISO 4217
// code; amounts in different currencies are never added together. Dates are YYYY-MM-DD.
// Contributors, funders, leads, trainers and providers are a directory organization, a directory
// person or (where a name column exists) a plain name: at most one of each pair is set.
//
// For metrics (014):
// - money raised = sum(contribution_payments.amount_minor) grouped by currency (received_on dates
//   when it arrived); pledged = sum(contributions.pledged_minor) by currency.
// - trainings delivered = trainings with starts_at before now (its meeting not cancelled:
//   trainings.status = 'scheduled'); attendees = training_attendees rows.
// - assistance resolved = ta_requests with status 'resolved' (resolved_on is the day).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('fundraising_campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) =>
      c.notNull().check(sql`purpose in ('advocacy_campaign', 'media_outreach', 'lobbying', 'events', 'operations')`),
    )
    // The advocacy campaign it raises money for (optional).
    .addColumn('campaign_id', 'text', (c) => c.references('campaigns.id'))
    // The goal in minor units of `currency` (ISO 4217, upper case). Only contributions in this
    // currency count toward the goal.
    .addColumn('goal_minor', 'integer', (c) => c.notNull().check(sql`goal_minor >= 0`))
    .addColumn('currency', 'text', (c) => c.notNull().check(sql`length(currency) = 3`))
    .addColumn('starts_on', 'text')
    .addColumn('ends_on', 'text')
    .addColumn('lead_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('lead_organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // A pledge (or a gift given at once: a contribution with its payment) to a fundraising campaign.
  await db.schema
    .createTable('contributions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('fundraising_campaign_id', 'text', (c) => c.notNull().references('fundraising_campaigns.id'))
    .addColumn('contributor_type', 'text', (c) =>
      c.notNull().check(sql`contributor_type in ('member', 'foundation', 'corporation', 'individual', 'other')`),
    )
    .addColumn('contributor_organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('contributor_person_id', 'text', (c) => c.references('people.id'))
    // The contributor's name when not in the directory (empty otherwise).
    .addColumn('contributor_name', 'text', (c) => c.notNull().defaultTo(''))
    // Amount promised, minor units of `currency` (may differ from the campaign's: then it is
    // shown apart and never counted toward the goal).
    .addColumn('pledged_minor', 'integer', (c) => c.notNull().check(sql`pledged_minor >= 0`))
    .addColumn('currency', 'text', (c) => c.notNull().check(sql`length(currency) = 3`))
    .addColumn('pledged_on', 'text', (c) => c.notNull())
    .addColumn('restricted', 'integer', (c) => c.notNull().defaultTo(0).check(sql`restricted in (0, 1)`))
    .addColumn('restriction_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('contributions_one_contributor', sql`contributor_organization_id is null or contributor_person_id is null`)
    .execute();
  await sql`create index fundraising_campaigns_campaign on fundraising_campaigns(campaign_id) where campaign_id is not null`.execute(db);
  await db.schema.createIndex('contributions_campaign').on('contributions').columns(['fundraising_campaign_id', 'pledged_on']).execute();
  await sql`create index contributions_organization on contributions(contributor_organization_id) where contributor_organization_id is not null`.execute(db);
  await sql`create index contributions_person on contributions(contributor_person_id) where contributor_person_id is not null`.execute(db);

  // Money received against a contribution: one row per payment (partial payments). `currency` is
  // always the contribution's (kept here so "money raised" is one grouped read of this table).
  await db.schema
    .createTable('contribution_payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contribution_id', 'text', (c) => c.notNull().references('contributions.id'))
    .addColumn('amount_minor', 'integer', (c) => c.notNull().check(sql`amount_minor > 0`))
    .addColumn('currency', 'text', (c) => c.notNull().check(sql`length(currency) = 3`))
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contribution_payments_contribution').on('contribution_payments').columns(['contribution_id', 'received_on']).execute();
  await db.schema.createIndex('contribution_payments_received').on('contribution_payments').columns(['received_on']).execute();

  await db.schema
    .createTable('grants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('funder_organization_id', 'text', (c) => c.references('organizations.id'))
    // The funder's name when not in the directory (empty otherwise).
    .addColumn('funder_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull().check(sql`length(currency) = 3`))
    .addColumn('requested_minor', 'integer', (c) => c.notNull().check(sql`requested_minor >= 0`))
    // What the funder awarded (null until it is known).
    .addColumn('awarded_minor', 'integer', (c) => c.check(sql`awarded_minor >= 0`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('prospect', 'drafting', 'submitted', 'awarded', 'declined')`),
    )
    // The application deadline (shown on Home until the grant is submitted, awarded or declined).
    .addColumn('deadline', 'text')
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`create index grants_funder on grants(funder_organization_id) where funder_organization_id is not null`.execute(db);
  await sql`create index grants_deadline on grants(deadline) where deadline is not null and status in ('prospect', 'drafting')`.execute(db);

  // A report owed to a grant's funder; done once `done_on` is set.
  await db.schema
    .createTable('grant_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('grant_id', 'text', (c) => c.notNull().references('grants.id'))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text')
    .execute();
  await db.schema.createIndex('grant_reports_grant').on('grant_reports').columns(['grant_id', 'due_on']).execute();
  await sql`create index grant_reports_pending on grant_reports(due_on) where done_on is null`.execute(db);

  await db.schema
    .createTable('in_kind_contributions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contributor_organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('contributor_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('meeting_space', 'volunteer_time', 'technical_expertise', 'media_connections', 'materials', 'other')`),
    )
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('hours', 'real', (c) => c.check(sql`hours >= 0`))
    .addColumn('quantity', 'real', (c) => c.check(sql`quantity >= 0`))
    // Estimated value in minor units of `currency` (both null when not estimated).
    .addColumn('value_minor', 'integer', (c) => c.check(sql`value_minor >= 0`))
    .addColumn('currency', 'text', (c) => c.check(sql`length(currency) = 3`))
    .addColumn('given_on', 'text', (c) => c.notNull())
    // What it supported (each optional).
    .addColumn('supported_meeting_id', 'text', (c) => c.references('meetings.id'))
    .addColumn('supported_campaign_id', 'text', (c) => c.references('campaigns.id'))
    .addColumn('supported_event_id', 'text', (c) => c.references('public_events.id'))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('in_kind_one_contributor', sql`contributor_organization_id is null or contributor_person_id is null`)
    .addCheckConstraint('in_kind_value_currency', sql`(value_minor is null) = (currency is null)`)
    .execute();
  await db.schema.createIndex('in_kind_given').on('in_kind_contributions').columns(['given_on']).execute();
  await sql`create index in_kind_organization on in_kind_contributions(contributor_organization_id) where contributor_organization_id is not null`.execute(db);
  await sql`create index in_kind_person on in_kind_contributions(contributor_person_id) where contributor_person_id is not null`.execute(db);
  await sql`create index in_kind_meeting on in_kind_contributions(supported_meeting_id) where supported_meeting_id is not null`.execute(db);
  await sql`create index in_kind_campaign on in_kind_contributions(supported_campaign_id) where supported_campaign_id is not null`.execute(db);
  await sql`create index in_kind_event on in_kind_contributions(supported_event_id) where supported_event_id is not null`.execute(db);

  // Capacity building. A training's date, time and place live on its meeting (type 'training',
  // created, updated and deleted with it); starts_at / status are copied here so trainings can be
  // listed and counted without a join.
  await db.schema
    .createTable('trainings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().unique().references('meetings.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) =>
      c.notNull().check(sql`topic in ('advocacy_tactics', 'public_speaking', 'media_relations', 'engaging_policymakers', 'digital_organizing', 'other')`),
    )
    .addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('in_person', 'online', 'hybrid')`))
    .addColumn('trainer_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('trainer_organization_id', 'text', (c) => c.references('organizations.id'))
    // UTC instant (as the meeting's), and 'scheduled' or 'cancelled' (as the meeting's).
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('scheduled').check(sql`status in ('scheduled', 'cancelled')`))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // Materials: a JSON array of {title, reference} (links or file paths, never opened).
    .addColumn('materials_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('trainings_one_trainer', sql`trainer_organization_id is null or trainer_person_id is null`)
    .execute();
  await db.schema.createIndex('trainings_starts_at').on('trainings').columns(['starts_at']).execute();
  await sql`create index trainings_trainer_person on trainings(trainer_person_id) where trainer_person_id is not null`.execute(db);
  await sql`create index trainings_trainer_organization on trainings(trainer_organization_id) where trainer_organization_id is not null`.execute(db);

  // Who attended, with the organization they were with at the time, and their feedback.
  await db.schema
    .createTable('training_attendees')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('training_id', 'text', (c) => c.notNull().references('trainings.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('rating', 'integer', (c) => c.check(sql`rating between 1 and 5`))
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await sql`create unique index training_attendees_one on training_attendees(training_id, person_id)`.execute(db);
  await db.schema.createIndex('training_attendees_person').on('training_attendees').columns(['person_id']).execute();
  await sql`create index training_attendees_organization on training_attendees(organization_id) where organization_id is not null`.execute(db);

  // Technical assistance: a partner organization's request, its provider and its progress.
  await db.schema
    .createTable('ta_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('contact_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('category', 'text', (c) =>
      c.notNull().check(sql`category in ('fundraising', 'communications', 'policy_analysis', 'legal', 'data_technology', 'organizational_development', 'other')`),
    )
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull().check(sql`urgency in ('low', 'medium', 'high')`))
    .addColumn('provider_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('provider_organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('open', 'assigned', 'in_progress', 'resolved', 'closed')`),
    )
    .addColumn('opened_on', 'text', (c) => c.notNull())
    // The day it became resolved or closed (null while open).
    .addColumn('resolved_on', 'text')
    .addColumn('hours_spent', 'real', (c) => c.notNull().defaultTo(0).check(sql`hours_spent >= 0`))
    .addColumn('outcome', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('ta_requests_one_provider', sql`provider_organization_id is null or provider_person_id is null`)
    .execute();
  await db.schema.createIndex('ta_requests_status').on('ta_requests').columns(['status', 'opened_on']).execute();
  await db.schema.createIndex('ta_requests_organization').on('ta_requests').columns(['organization_id']).execute();
  await sql`create index ta_requests_provider_person on ta_requests(provider_person_id) where provider_person_id is not null`.execute(db);
  await sql`create index ta_requests_provider_organization on ta_requests(provider_organization_id) where provider_organization_id is not null`.execute(db);
  await sql`create index ta_requests_contact on ta_requests(contact_person_id) where contact_person_id is not null`.execute(db);

  // Each status a request went through, with its day.
  await db.schema
    .createTable('ta_status_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('ta_requests.id'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('open', 'assigned', 'in_progress', 'resolved', 'closed')`),
    )
    .addColumn('changed_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ta_status_changes_request').on('ta_status_changes').columns(['request_id', 'created_at']).execute();
}
