import type { Kysely } from 'kysely';
import { CAMPAIGN_DESCRIBERS } from '../campaigns/describe';
import type { Database } from '../db/schema';

// A sentence for each batch ("Imported 1,204 organizations", "Merged A into B", "Edited C"),
// built from the call's method and input and from the change-log rows it wrote: a few
// per-method describers, and a generic one for the rest.

type Db = Kysely<Database>;
type Row = Record<string, unknown>;

interface Facts {
  db: Db;
  batch: string;
  method: string;
  input: unknown;
  /** Rows per `${entity}:${action}`. */
  counts: ReadonlyMap<string, number>;
}

/** Singular and plural nouns of the recorded tables, for generic sentences. */
const NOUNS: Readonly<Record<string, readonly [string, string]>> = {
  organizations: ['organization', 'organizations'],
  people: ['person', 'people'],
  affiliations: ['affiliation', 'affiliations'],
  organization_relationships: ['relationship', 'relationships'],
  person_relationships: ['relationship', 'relationships'],
  interactions: ['interaction', 'interactions'],
  interaction_participants: ['interaction participant', 'interaction participants'],
  organization_stage_changes: ['stage change', 'stage changes'],
  vocabulary: ['list value', 'list values'],
  saved_views: ['saved view', 'saved views'],
  representation_targets: ['representation target', 'representation targets'],
  custom_fields: ['custom field', 'custom fields'],
  custom_values: ['custom field value', 'custom field values'],
  charter_draft: ['charter draft', 'charter drafts'],
  charter_goal: ['charter goal', 'charter goals'],
  charter_version: ['charter version', 'charter versions'],
  coalition_profile: ['coalition profile', 'coalition profiles'],
  workspace_meta: ['setting', 'settings'],
  decision_rules: ['decision rules', 'decision rules'],
  steering_seats: ['steering seat', 'steering seats'],
  steering_terms: ['steering term', 'steering terms'],
  working_groups: ['working group', 'working groups'],
  working_group_goals: ['working group goal', 'working group goals'],
  working_group_members: ['working group member', 'working group members'],
  coalition_roles: ['coalition role', 'coalition roles'],
  membership_applications: ['membership application', 'membership applications'],
  charter_endorsements: ['charter endorsement', 'charter endorsements'],
  meetings: ['meeting', 'meetings'],
  agenda_items: ['agenda item', 'agenda items'],
  meeting_invitees: ['invitation', 'invitations'],
  decisions: ['decision', 'decisions'],
  action_items: ['action item', 'action items'],
  campaigns: ['campaign', 'campaigns'],
  campaign_status_changes: ['campaign status change', 'campaign status changes'],
  campaign_participants: ['campaign partner', 'campaign partners'],
  key_messages: ['key message', 'key messages'],
  public_events: ['public event', 'public events'],
  public_event_cohosts: ['event co-host', 'event co-hosts'],
  policy_bodies: ['body or agency', 'bodies and agencies'],
  officials: ['official', 'officials'],
  committees: ['committee', 'committees'],
  committee_members: ['committee membership', 'committee memberships'],
  official_staffers: ['staffer', 'staffers'],
  relationship_holders: ['relationship holder', 'relationship holders'],
  bills: ['bill', 'bills'],
  bill_status_changes: ['bill status change', 'bill status changes'],
  bill_sponsors: ['sponsor', 'sponsors'],
  bill_hearings: ['hearing', 'hearings'],
  funding_allocations: ['funding allocation', 'funding allocations'],
  stances: ['stance', 'stances'],
  official_actions: ['recorded action', 'recorded actions'],
  engagements: ['engagement', 'engagements'],
  engagement_officials: ['official met', 'officials met'],
  engagement_attendees: ['engagement attendee', 'engagement attendees'],
  campaign_target_bills: ['target bill', 'target bills'],
  campaign_target_officials: ['target official', 'target officials'],
  stories: ['story', 'stories'],
  story_consent_changes: ['consent change', 'consent changes'],
  media_outlets: ['media outlet', 'media outlets'],
  journalists: ['journalist', 'journalists'],
  outreach_items: ['outreach item', 'outreach items'],
  outreach_status_changes: ['outreach status change', 'outreach status changes'],
  coverage_entries: ['coverage entry', 'coverage entries'],
  fundraising_campaigns: ['fundraising campaign', 'fundraising campaigns'],
  contributions: ['contribution', 'contributions'],
  contribution_payments: ['payment', 'payments'],
  grants: ['grant', 'grants'],
  grant_reports: ['grant report', 'grant reports'],
  in_kind_contributions: ['in-kind contribution', 'in-kind contributions'],
  trainings: ['training', 'trainings'],
  training_attendees: ['training attendee', 'training attendees'],
  ta_requests: ['assistance request', 'assistance requests'],
  ta_status_changes: ['assistance status change', 'assistance status changes'],
  grassroots_actions: ['grassroots action', 'grassroots actions'],
  petitions: ['petition', 'petitions'],
  petition_counts: ['signature count', 'signature counts'],
  metrics: ['metric', 'metrics'],
  metric_values: ['metric value', 'metric values'],
  metric_targets: ['metric target', 'metric targets'],
  surveys: ['survey', 'surveys'],
  survey_questions: ['survey question', 'survey questions'],
  survey_rounds: ['survey round', 'survey rounds'],
  survey_responses: ['survey response', 'survey responses'],
  reports: ['report', 'reports'],
};

const VERBS = { create: 'Added', update: 'Edited', delete: 'Deleted' } as const;
type Action = keyof typeof VERBS;

export function noun(entity: string, count: number): string {
  const [one, many] = NOUNS[entity] ?? [entity.replace(/_/g, ' '), entity.replace(/_/g, ' ')];
  return count === 1 ? one : many;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** The record's name as a person would say it (name, label, title…), or null. */
export function nameOfRow(row: Row | null | undefined): string | null {
  if (!row) return null;
  for (const key of ['name', 'label', 'title', 'summary', 'value']) {
    const value = row[key];
    if (typeof value === 'string' && value.trim() !== '') {
      const text = value.trim().replace(/\s+/g, ' ');
      return text.length > 60 ? `${text.slice(0, 59)}…` : text;
    }
  }
  return null;
}

async function logRow(facts: Facts, entity: string, action: Action, last = false): Promise<{ before: Row | null; after: Row | null; entityId: string } | undefined> {
  const row = await facts.db
    .selectFrom('change_log')
    .select(['entity_id', 'before_json', 'after_json'])
    .where('batch', '=', facts.batch)
    .where('entity', '=', entity)
    .where('action', '=', action)
    .orderBy('seq', last ? 'desc' : 'asc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    entityId: row.entity_id,
    before: row.before_json ? (JSON.parse(row.before_json) as Row) : null,
    after: row.after_json ? (JSON.parse(row.after_json) as Row) : null,
  };
}

function count(facts: Facts, entity: string, action: Action): number {
  return facts.counts.get(`${entity}:${action}`) ?? 0;
}

function directoryTable(entity: unknown): 'organizations' | 'people' {
  return entity === 'person' || entity === 'people' ? 'people' : 'organizations';
}

function field(input: unknown, key: string): unknown {
  return typeof input === 'object' && input !== null ? (input as Row)[key] : undefined;
}

type Describer = (facts: Facts) => Promise<string | null> | string | null;

/** "Ana Soto" and "Alder Trust" for an affiliation row (as they are named now), or null. */
async function affiliationNames(facts: Facts, row: Row | null | undefined): Promise<{ person: string; organization: string } | null> {
  const personId = row?.['person_id'];
  const organizationId = row?.['organization_id'];
  if (typeof personId !== 'string' || typeof organizationId !== 'string') return null;
  const person = await facts.db.selectFrom('people').select('name').where('id', '=', personId).executeTakeFirst();
  const organization = await facts.db.selectFrom('organizations').select('name').where('id', '=', organizationId).executeTakeFirst();
  return person && organization ? { person: person.name, organization: organization.name } : null;
}

async function editedRecord(facts: Facts, table: 'organizations' | 'people'): Promise<string | null> {
  const id = field(facts.input, 'id');
  if (typeof id !== 'string') return null;
  const row = await facts.db.selectFrom(table).select('name').where('id', '=', id).executeTakeFirst();
  return row ? `Edited ${row.name}` : null;
}

function affiliationDescriber(action: Action): Describer {
  return async (facts) => {
    const row = await logRow(facts, 'affiliations', action);
    const names = await affiliationNames(facts, row?.after ?? row?.before);
    if (!names) return null;
    if (action === 'create') return `Added ${names.person} to ${names.organization}`;
    if (action === 'delete') return `Removed ${names.person} from ${names.organization}`;
    return `Edited ${names.person}’s role at ${names.organization}`;
  };
}

/** The title of the meeting a meetings call names (its `meetingId`, or `id`), as it is now. */
async function meetingTitle(facts: Facts): Promise<string | null> {
  const id = field(facts.input, 'meetingId') ?? field(facts.input, 'id');
  if (typeof id !== 'string') return null;
  return (await facts.db.selectFrom('meetings').select('title').where('id', '=', id).executeTakeFirst())?.title ?? null;
}

/** "<verb> <meeting title>" for calls on one meeting's parts. */
function atMeeting(verb: string): Describer {
  return async (facts) => {
    const title = await meetingTitle(facts);
    return title ? `${verb} ${title}` : null;
  };
}

function actionItemDescriber(facts: Facts): Promise<string | null> {
  return logRow(facts, 'action_items', count(facts, 'action_items', 'create') > 0 ? 'create' : 'update').then((row) => {
    const after = row?.after;
    const description = typeof after?.['description'] === 'string' ? nameOfRow({ name: after['description'] }) : null;
    if (!description) return null;
    if (row?.before === null) return `Added the action item “${description}”`;
    return after?.['status'] !== row?.before?.['status'] ? `Marked “${description}” ${String(after?.['status']).replace('_', ' ')}` : `Edited the action item “${description}”`;
  });
}

/** "Approved Alder Trust’s membership application" (the organization as it is named now). */
async function applicationReview(facts: Facts): Promise<string | null> {
  const id = field(facts.input, 'id');
  if (typeof id !== 'string') return null;
  const row = await facts.db
    .selectFrom('membership_applications as a')
    .innerJoin('organizations as o', 'o.id', 'a.organization_id')
    .select(['o.name', 'a.status'])
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const application = `${row.name}’s membership application`;
  if (row.status === 'approved') return `Approved ${application}`;
  return row.status === 'declined' ? `Declined ${application}` : `Put ${application} under review`;
}

const DESCRIBERS: Readonly<Record<string, Describer>> = {
  ...CAMPAIGN_DESCRIBERS,
  'structure.applications.review': applicationReview,
  'structure.workingGroups.addMembers': async (facts) => {
    const id = field(facts.input, 'workingGroupId');
    const group = typeof id === 'string' ? await facts.db.selectFrom('working_groups').select('name').where('id', '=', id).executeTakeFirst() : undefined;
    const n = count(facts, 'working_group_members', 'create');
    return group ? `Added ${formatCount(n)} ${n === 1 ? 'person' : 'people'} to ${group.name}` : null;
  },
  'meetings.invite': async (facts) => {
    const n = count(facts, 'meeting_invitees', 'create');
    const title = await meetingTitle(facts);
    return title ? `Invited ${formatCount(n)} ${n === 1 ? 'person' : 'people'} to ${title}` : null;
  },
  'meetings.respond': atMeeting('Recorded RSVPs or attendance at'),
  'meetings.saveAgenda': atMeeting('Edited the agenda of'),
  'meetings.saveMinutes': atMeeting('Edited the minutes of'),
  'decisions.save': atMeeting('Recorded a decision at'),
  'actionItems.save': actionItemDescriber,
  'actionItems.setStatus': actionItemDescriber,
  'imports.run': (facts) => {
    const table = directoryTable(field(facts.input, 'entity'));
    const created = count(facts, table, 'create');
    const updated = count(facts, table, 'update');
    if (created > 0 && updated > 0) return `Imported ${formatCount(created)} ${noun(table, created)} and updated ${formatCount(updated)}`;
    if (created > 0) return `Imported ${formatCount(created)} ${noun(table, created)}`;
    if (updated > 0) return `Updated ${formatCount(updated)} ${noun(table, updated)} from an import`;
    return null;
  },
  'duplicates.merge': async (facts) => {
    const table = directoryTable(field(facts.input, 'entity'));
    const merged = await logRow(facts, table, 'delete');
    const survivorId = field(facts.input, 'survivorId');
    const survivor = await facts.db
      .selectFrom('change_log')
      .select(['after_json'])
      .where('batch', '=', facts.batch)
      .where('entity', '=', table)
      .where('entity_id', '=', typeof survivorId === 'string' ? survivorId : '')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    let survivorName = survivor?.after_json ? nameOfRow(JSON.parse(survivor.after_json) as Row) : null;
    if (!survivorName && typeof survivorId === 'string') {
      const current = await facts.db.selectFrom(table).select('name').where('id', '=', survivorId).executeTakeFirst();
      survivorName = current?.name ?? null;
    }
    const mergedName = nameOfRow(merged?.before);
    return mergedName && survivorName ? `Merged ${mergedName} into ${survivorName}` : null;
  },
  'organizations.bulkUpdate': (facts) => {
    const n = count(facts, 'organizations', 'update');
    const what = field(facts.input, 'stage') !== undefined ? 'the stage of' : 'the tags of';
    return n > 0 ? `Changed ${what} ${formatCount(n)} ${noun('organizations', n)}` : null;
  },
  'affiliations.create': affiliationDescriber('create'),
  'affiliations.update': affiliationDescriber('update'),
  'affiliations.delete': affiliationDescriber('delete'),
  // An edit may change only the record's custom values (other rows): name the record itself.
  'organizations.update': (facts) => editedRecord(facts, 'organizations'),
  'people.update': (facts) => editedRecord(facts, 'people'),
  'charter.saveDraft': () => 'Edited the charter draft',
  'charter.adopt': async (facts) => {
    const version = await logRow(facts, 'charter_version', 'create');
    const number = version?.after?.['number'];
    return typeof number === 'number' ? `Adopted charter version ${number}` : 'Adopted the charter';
  },
  'profile.save': () => 'Edited the coalition profile',
  'profile.setLogo': () => 'Changed the coalition logo',
};

/** The action a method's name suggests for its main record, if any. */
function methodAction(method: string): Action | null {
  if (/\.(create|add)$/.test(method)) return 'create';
  if (/\.(delete|remove)$/.test(method)) return 'delete';
  if (/\.(update|save)$/.test(method)) return 'update';
  return null;
}

/**
 * The generic sentence: the main record's action (the one the method's name suggests, else the
 * batch's first row) with its name when it is one record, else the count.
 */
async function describeGeneric(facts: Facts): Promise<string> {
  const wanted = methodAction(facts.method);
  const candidates: readonly Action[] = wanted === 'update' ? ['update', 'create'] : wanted === 'create' ? ['create', 'update'] : wanted ? [wanted] : [];
  let main: { entity: string; action: Action } | undefined;
  for (const candidate of candidates) {
    main = await facts.db
      .selectFrom('change_log')
      .select(['entity', 'action'])
      .where('batch', '=', facts.batch)
      .where('action', '=', candidate)
      // The main record of a delete goes last (its links first); of a create or edit, first.
      .orderBy('seq', candidate === 'delete' ? 'desc' : 'asc')
      .limit(1)
      .executeTakeFirst();
    if (main) break;
  }
  main ??= await facts.db.selectFrom('change_log').select(['entity', 'action']).where('batch', '=', facts.batch).orderBy('seq').limit(1).executeTakeFirst();
  if (!main) return 'No changes';
  const { entity, action } = main;
  const n = count(facts, entity, action);
  const verb = VERBS[action];
  if (n === 1) {
    const row = await logRow(facts, entity, action, action === 'delete');
    const name = nameOfRow(row?.after ?? row?.before);
    if (name) return `${verb} ${name}`;
    const one = noun(entity, 1);
    return `${verb} ${/^[aeiou]/.test(one) ? 'an' : 'a'} ${one}`;
  }
  return `${verb} ${formatCount(n)} ${noun(entity, n)}`;
}

/** Describes one batch that changed something (the call's change-log rows are written). */
export async function describeBatch(db: Db, batch: string, method: string, input: unknown): Promise<string> {
  const grouped = await db
    .selectFrom('change_log')
    .select(['entity', 'action', (eb) => eb.fn.countAll<number>().as('n')])
    .where('batch', '=', batch)
    .groupBy(['entity', 'action'])
    .execute();
  const facts: Facts = { db, batch, method, input, counts: new Map(grouped.map((g) => [`${g.entity}:${g.action}`, Number(g.n)])) };
  const specific = DESCRIBERS[method];
  return (specific ? await specific(facts) : null) ?? (await describeGeneric(facts));
}
