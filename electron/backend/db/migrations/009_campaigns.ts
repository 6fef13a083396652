import { sql, type Kysely } from 'kysely';

// Advocacy campaigns (issue 5): campaigns with their status history, partner organizations and
// key messages, and public events (each linked to a meeting on the planner's calendar).
//
// Foreign keys have no ON DELETE action (see 008): deletes go through the Writer so undo can
// restore them. Deleting an organization removes its participations and co-hosting rows
// (campaigns/links.ts); deleting a campaign that other records refer to is refused.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // The policy ask: what the campaign wants decision makers to do.
    .addColumn('ask', 'text', (c) => c.notNull().defaultTo(''))
    // One of the charter's shared goals (its category is the campaign's goal category).
    .addColumn('goal_id', 'text', (c) => c.references('charter_goal.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('planning', 'active', 'won', 'lost', 'paused')`))
    .addColumn('starts_on', 'text')
    .addColumn('ends_on', 'text')
    .addColumn('lead_working_group_id', 'text', (c) => c.references('working_groups.id'))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaigns_status').on('campaigns').columns(['status', 'name']).execute();

  // Every status a campaign has had, with the day it changed (the timeline's "status changes").
  await db.schema
    .createTable('campaign_status_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('changed_on', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaign_status_changes_campaign').on('campaign_status_changes').columns(['campaign_id', 'changed_on']).execute();

  await db.schema
    .createTable('campaign_participants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('lead', 'co_sponsor', 'supporter')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await sql`create unique index campaign_participants_one on campaign_participants(campaign_id, organization_id)`.execute(db);
  await db.schema.createIndex('campaign_participants_organization').on('campaign_participants').column('organization_id').execute();

  // Key messages per audience. Talking points (an ordered list of text) and supporting facts
  // ({text, source, on}) are JSON arrays on the record, so the change log holds whole messages.
  await db.schema
    .createTable('key_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('audience', 'text', (c) => c.notNull().check(sql`audience in ('policymakers', 'media', 'public', 'members')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('talking_points_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('facts_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft', 'approved')`))
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('key_messages_campaign').on('key_messages').columns(['campaign_id', 'audience', 'status']).execute();

  // Public events. Times as in meetings (UTC instants + the IANA zone they were set in);
  // meeting_id is the calendar entry the event keeps in step.
  await db.schema
    .createTable('public_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.references('campaigns.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('rally', 'town_hall', 'community_forum', 'press_conference', 'lobby_day')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('rsvps', 'integer', (c) => c.notNull().defaultTo(0).check(sql`rsvps >= 0`))
    .addColumn('attendance', 'integer', (c) => c.check(sql`attendance >= 0`))
    .addColumn('people_reached', 'integer', (c) => c.check(sql`people_reached >= 0`))
    .addColumn('meeting_id', 'text', (c) => c.references('meetings.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('public_events_times', sql`ends_at > starts_at`)
    .execute();
  await db.schema.createIndex('public_events_starts_at').on('public_events').column('starts_at').execute();
  await db.schema.createIndex('public_events_campaign').on('public_events').columns(['campaign_id', 'starts_at']).execute();
  await sql`create index public_events_meeting on public_events(meeting_id) where meeting_id is not null`.execute(db);

  await db.schema
    .createTable('public_event_cohosts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('public_events.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .execute();
  await sql`create unique index public_event_cohosts_one on public_event_cohosts(event_id, organization_id)`.execute(db);
  await db.schema.createIndex('public_event_cohosts_organization').on('public_event_cohosts').column('organization_id').execute();
}
