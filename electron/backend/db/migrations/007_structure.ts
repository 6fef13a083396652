import { sql, type Kysely } from 'kysely';

// Coalition structure (issue 4): the steering committee (seats and the terms of their holders),
// working groups with their members and charter goals, coalition roles, membership applications,
// charter endorsements and the decision rules meetings apply. Every table has a text `id` key so
// the Writer can log and undo each change.
//
// Foreign keys have no ON DELETE action: a cascade would delete rows behind the change log's back
// (and undo could not bring them back). Deleting a person or an organization first unlinks or
// removes these rows through the Writer (structure/links.ts); a reference left behind by mistake
// makes the delete fail rather than dangle.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('decision_rules')
    .addColumn('id', 'text', (c) => c.primaryKey().check(sql`id = 'rules'`))
    // Share of the steering seats that must be present (0–1].
    .addColumn('quorum_share', 'real', (c) => c.notNull().defaultTo(0.5).check(sql`quorum_share > 0 and quorum_share <= 1`))
    // A motion passes with at least this share of the votes cast and more for than against (meetings/votes.ts).
    .addColumn('ordinary_majority', 'real', (c) => c.notNull().defaultTo(0.5).check(sql`ordinary_majority > 0 and ordinary_majority <= 1`))
    .addColumn('charter_majority', 'real', (c) => c.notNull().defaultTo(2 / 3).check(sql`charter_majority > 0 and charter_majority <= 1`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into decision_rules (id, quorum_share, ordinary_majority, charter_majority, updated_at)
            values ('rules', 0.5, 0.5, ${2 / 3}, ${new Date().toISOString()})`.execute(db);

  await db.schema
    .createTable('steering_seats')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('requirement_kind', 'text', (c) => c.check(sql`requirement_kind in ('sector', 'population')`))
    // A sector key or a population label; set exactly when requirement_kind is.
    .addColumn('requirement_value', 'text')
    .addColumn('term_months', 'integer', (c) => c.check(sql`term_months > 0`))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('steering_seats_requirement', sql`(requirement_kind is null) = (requirement_value is null)`)
    .execute();
  await sql`create unique index steering_seats_name on steering_seats(name collate nocase)`.execute(db);

  await db.schema
    .createTable('steering_terms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seat_id', 'text', (c) => c.notNull().references('steering_seats.id'))
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    .addColumn('organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('chair', 'vice-chair', 'treasurer', 'secretary', 'member')`))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('steering_terms_dates', sql`end_date is null or end_date >= start_date`)
    // A holder is a person, an organization or both (one side may be deleted from the directory later).
    .addCheckConstraint('steering_terms_holder', sql`person_id is not null or organization_id is not null`)
    .execute();
  await db.schema.createIndex('steering_terms_seat').on('steering_terms').columns(['seat_id', 'start_date']).execute();
  await sql`create index steering_terms_person on steering_terms(person_id) where person_id is not null`.execute(db);
  await sql`create index steering_terms_organization on steering_terms(organization_id) where organization_id is not null`.execute(db);

  await db.schema
    .createTable('working_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('focus_issue_area', 'text')
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // Free-text objectives besides the linked charter goals.
    .addColumn('objectives', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('forming', 'active', 'paused', 'closed')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`create unique index working_groups_name on working_groups(name collate nocase)`.execute(db);

  await db.schema
    .createTable('working_group_goals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('working_group_id', 'text', (c) => c.notNull().references('working_groups.id'))
    .addColumn('goal_id', 'text', (c) => c.notNull().references('charter_goal.id'))
    .addUniqueConstraint('working_group_goals_one', ['working_group_id', 'goal_id'])
    .execute();
  await db.schema.createIndex('working_group_goals_goal').on('working_group_goals').column('goal_id').execute();

  await db.schema
    .createTable('working_group_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('working_group_id', 'text', (c) => c.notNull().references('working_groups.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('lead', 'member')`))
    .addColumn('joined_on', 'text', (c) => c.notNull())
    .addColumn('left_on', 'text')
    .addCheckConstraint('working_group_members_dates', sql`left_on is null or left_on >= joined_on`)
    .execute();
  // A person is a current member of a group once (former memberships stay as history).
  await sql`create unique index working_group_members_current on working_group_members(working_group_id, person_id) where left_on is null`.execute(db);
  await db.schema.createIndex('working_group_members_group').on('working_group_members').columns(['working_group_id', 'role']).execute();
  await db.schema.createIndex('working_group_members_person').on('working_group_members').column('person_id').execute();

  await db.schema
    .createTable('coalition_roles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('coordinator', 'secretary', 'spokesperson', 'treasurer', 'other')`))
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('coalition_roles_dates', sql`end_date is null or end_date >= start_date`)
    .execute();
  await db.schema.createIndex('coalition_roles_person').on('coalition_roles').column('person_id').execute();
  await db.schema.createIndex('coalition_roles_role').on('coalition_roles').columns(['role', 'start_date']).execute();

  await db.schema
    .createTable('membership_applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('contact_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('motivation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('issue_areas_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('populations_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('contributions_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('charter_version_id', 'text', (c) => c.references('charter_version.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('received', 'under_review', 'approved', 'declined')`))
    .addColumn('reviewer', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('decided_on', 'text')
    .addColumn('decision_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('membership_applications_dates', sql`decided_on is null or decided_on >= received_on`)
    .execute();
  await db.schema.createIndex('membership_applications_status').on('membership_applications').columns(['status', 'received_on']).execute();
  await db.schema.createIndex('membership_applications_organization').on('membership_applications').column('organization_id').execute();
  await sql`create index membership_applications_contact on membership_applications(contact_person_id) where contact_person_id is not null`.execute(db);

  await db.schema
    .createTable('charter_endorsements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('charter_version_id', 'text', (c) => c.notNull().references('charter_version.id'))
    .addColumn('endorsed_on', 'text', (c) => c.notNull())
    .addColumn('signed_by', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    .addUniqueConstraint('charter_endorsements_one', ['organization_id', 'charter_version_id'])
    .execute();
  await db.schema.createIndex('charter_endorsements_version').on('charter_endorsements').columns(['charter_version_id', 'endorsed_on']).execute();
  await sql`create index charter_endorsements_person on charter_endorsements(person_id) where person_id is not null`.execute(db);
}
