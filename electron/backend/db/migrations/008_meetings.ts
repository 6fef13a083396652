import { sql, type Kysely } from 'kysely';

// Meetings (issue 4): meetings with their agenda, invitees (RSVP and attendance), decisions and
// action items. Instants are UTC ISO strings (they sort and compare as text); each meeting keeps
// the IANA zone its times were set in. Every table has a text `id` key so the Writer can log and
// undo each change.
//
// Foreign keys have no ON DELETE action, as in 007: a cascade would delete rows behind the change
// log's back. Deleting a meeting removes its rows through the Writer; deleting a person removes
// their invitations and clears them as organizer, presenter or owner (meetings/links.ts), so an
// action item stays, waiting for a new owner. A reference left behind makes the delete fail.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) =>
      c.notNull().check(sql`type in ('steering', 'working_group', 'assembly', 'town_hall', 'training', 'policymaker', 'one_to_one', 'other')`),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('video_url', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('organizer_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('working_group_id', 'text', (c) => c.references('working_groups.id'))
    .addColumn('minutes_md', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('scheduled').check(sql`status in ('scheduled', 'cancelled')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('meetings_times', sql`ends_at > starts_at`)
    .execute();
  // The calendar's range (meetings last at most a week, so a range reads starts_at from a week before).
  await db.schema.createIndex('meetings_starts_at').on('meetings').columns(['starts_at', 'ends_at']).execute();
  await sql`create index meetings_working_group on meetings(working_group_id, starts_at) where working_group_id is not null`.execute(db);
  await sql`create index meetings_organizer on meetings(organizer_person_id) where organizer_person_id is not null`.execute(db);

  await db.schema
    .createTable('agenda_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('presenter_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('minutes_allotted', 'integer', (c) => c.notNull().defaultTo(0).check(sql`minutes_allotted >= 0`))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    // Linked documents as a JSON array of file paths (references only; never opened).
    .addColumn('documents_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.createIndex('agenda_items_meeting').on('agenda_items').columns(['meeting_id', 'position']).execute();
  await sql`create index agenda_items_presenter on agenda_items(presenter_person_id) where presenter_person_id is not null`.execute(db);

  await db.schema
    .createTable('meeting_invitees')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('rsvp', 'text', (c) => c.notNull().defaultTo('none').check(sql`rsvp in ('yes', 'no', 'maybe', 'none')`))
    .addColumn('attendance', 'text', (c) => c.check(sql`attendance in ('present', 'absent', 'excused')`))
    .execute();
  // One invitation per person and meeting; also the meeting's invitees in order.
  await sql`create unique index meeting_invitees_one on meeting_invitees(meeting_id, person_id)`.execute(db);
  // A person's meetings (double-booking, references, merges).
  await db.schema.createIndex('meeting_invitees_person').on('meeting_invitees').columns(['person_id', 'meeting_id']).execute();

  await db.schema
    .createTable('decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('motion', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('ordinary', 'charter')`))
    .addColumn('votes_for', 'integer', (c) => c.notNull().check(sql`votes_for >= 0`))
    .addColumn('votes_against', 'integer', (c) => c.notNull().check(sql`votes_against >= 0`))
    .addColumn('votes_abstain', 'integer', (c) => c.notNull().check(sql`votes_abstain >= 0`))
    // Computed by the backend (meetings/votes.ts) when the decision is saved.
    .addColumn('quorum_met', 'integer', (c) => c.notNull())
    .addColumn('passed', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('decisions_meeting').on('decisions').column('meeting_id').execute();

  await db.schema
    .createTable('action_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.references('meetings.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    // Required by every form; null only after the owner's record was deleted.
    .addColumn('owner_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('due_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'in_progress', 'done', 'cancelled')`))
    .addColumn('done_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Overdue: the open items by due date, read in order (queries repeat this exact condition, so the planner can use it).
  await sql`create index action_items_open_due on action_items(due_on, id) where status in ('open', 'in_progress')`.execute(db);
  // One owner's items, by due date.
  await db.schema.createIndex('action_items_owner').on('action_items').columns(['owner_person_id', 'status', 'due_on']).execute();
  await sql`create index action_items_meeting on action_items(meeting_id) where meeting_id is not null`.execute(db);
}
