import { sql, type Kysely } from 'kysely';

// Monitoring and evaluation (issue 6): the indicator catalogue (derived and entered metrics),
// entered values per month and targets per period, and stakeholder-feedback surveys (questions,
// rounds, responses per organization). Foreign keys have no ON DELETE action (see 008): deletes
// go through the Writer (metrics/links.ts) so undo can restore them.

/** The derived metrics every workspace has, with fixed ids and keys (their values come from the other areas' records). */
export const DERIVED_METRIC_ROWS: readonly { id: string; key: string; name: string; unit: string; description: string; position: number }[] = [
  ['policy_wins', 'Policy wins', 'bills', 'Bills signed or enacted in the period where the coalition supports them (or supports them if amended).'],
  ['funding_won', 'Funding allocations won', 'amount', 'The funding allocated by the policy wins of the period.'],
  ['media_published', 'Media items published', 'items', 'Outreach items (press releases, op-eds, social posts, PSAs, interviews…) published in the period.'],
  ['media_reach', 'Media reach', 'people', 'The audience of the coverage and published items of the period.'],
  ['event_reach', 'People reached by events', 'people', 'Attendance at the public events held in the period.'],
  ['meeting_attendance', 'Attendance at meetings', 'people', 'Invitees marked present at the meetings held in the period (cancelled meetings left out).'],
  ['grassroots_actions', 'Grassroots actions', 'actions', 'Letters, calls, visits and petition signatures counted in the period.'],
  ['members', 'Members by sector', 'organizations', 'Organizations at stage member at the end of the period (from their stage history), per sector.'],
  ['campaigns', 'Campaigns under way', 'campaigns', 'Campaigns running at some time in the period, by status.'],
  ['trainings_delivered', 'Trainings delivered', 'trainings', 'Trainings held in the period.'],
  ['assistance_resolved', 'Assistance resolved', 'requests', 'Technical-assistance requests resolved in the period.'],
  ['money_raised', 'Money raised', 'money', 'Contributions received in the period, per currency (currencies are never added together).'],
].map(([key, name, unit, description], index) => ({
  id: `00000000-0000-4000-8014-${String(index + 1).padStart(12, '0')}`,
  key: key as string,
  name: name as string,
  unit: unit as string,
  description: description as string,
  position: index,
}));

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('metrics')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The derived metrics' fixed keys; null for the coordinator's entered ones.
    .addColumn('key', 'text', (c) => c.unique())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('derived', 'entered')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // How an entered metric's months make a quarter or a year: their sum, their average or the last month's value.
    .addColumn('aggregation', 'text', (c) => c.notNull().defaultTo('sum').check(sql`aggregation in ('sum', 'average', 'last')`))
    .addColumn('goal_id', 'text', (c) => c.references('charter_goal.id'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('metrics_key_kind', sql`(kind = 'derived') = (key is not null)`)
    .execute();
  await sql`create index metrics_goal on metrics(goal_id) where goal_id is not null`.execute(db);
  const stamp = '2026-01-01T00:00:00.000Z';
  await (db as Kysely<{ metrics: Record<string, unknown> }>)
    .insertInto('metrics')
    .values(DERIVED_METRIC_ROWS.map((m) => ({ ...m, kind: 'derived', aggregation: 'sum', goal_id: null, created_at: stamp, updated_at: stamp })))
    .execute();

  // One value per entered metric and month ('YYYY-MM').
  await db.schema
    .createTable('metric_values')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('metric_id', 'text', (c) => c.notNull().references('metrics.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('value', 'real', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('metric_values_month', ['metric_id', 'month'])
    .execute();

  // A target per metric and period: a year ('2026'), a quarter ('2026-Q2') or a month ('2026-05').
  await db.schema
    .createTable('metric_targets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('metric_id', 'text', (c) => c.notNull().references('metrics.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('value', 'real', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('metric_targets_period', ['metric_id', 'period'])
    .execute();

  await db.schema
    .createTable('surveys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('survey_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('rating', 'choice', 'text')`))
    .addColumn('prompt', 'text', (c) => c.notNull())
    .addColumn('choices_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.createIndex('survey_questions_survey').on('survey_questions').columns(['survey_id', 'position']).execute();
  await db.schema
    .createTable('survey_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('run_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('survey_rounds_survey').on('survey_rounds').columns(['survey_id', 'run_on']).execute();
  // One response per organization and round; its answers as JSON ({questionId: 1-5 | choice | text}).
  await db.schema
    .createTable('survey_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('survey_rounds.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('answers_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('survey_responses_organization', ['round_id', 'organization_id'])
    .execute();
  await db.schema.createIndex('survey_responses_org').on('survey_responses').column('organization_id').execute();

  // Membership over time (metrics/derived/members.ts) reads every change to member and, for each,
  // the organization's next change: both from covering indexes, without touching the table.
  await sql`create index organization_stage_changes_stage on organization_stage_changes(stage, changed_on, organization_id)`.execute(db);
  await sql`create index organization_stage_changes_history on organization_stage_changes(organization_id, changed_on, stage)`.execute(db);
  // Attendance at meetings counts each meeting's present invitees from this small partial index alone (covering).
  await sql`create index meeting_invitees_present on meeting_invitees(meeting_id, attendance) where attendance = 'present'`.execute(db);
}
