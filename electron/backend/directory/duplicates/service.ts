import { sql } from 'kysely';
import { AppError } from '@shared/errors';
import type { DuplicatePair, MergeCounts, MergeInput, MergeResult, MergeSide } from '@shared/directory/duplicates';
import { MAX_LIST_ITEMS } from '@shared/directory/fields';
import { ORGANIZATION_TYPES, type OrganizationType } from '@shared/taxonomy';
import type { OrganizationsTable, PeopleTable } from '../../db/schema';
import type { CallContext } from '../../rpc/handlers';
import { moveCampaignRows } from '../../campaigns/links';
import { moveMeetingLinks } from '../../meetings/links';
import { moveMediaLinks } from '../../media/links';
import { moveStoryLinks } from '../../stories/links';
import { moveMetricRows } from '../../metrics/links';
import { moveStructureRows } from '../../structure/links';
import { moveResourceRows } from '../../resources/links';
import { movePolicyRows } from '../../policy/links';
import { mergeCustomValues } from '../customFields/service';
import { recomputeLastContacted } from '../interactions/service';
import { listJson, parseList } from '../lists';
import { getOrganization } from '../organizations/service';
import { requirePerson } from '../people/service';
import { emailKey, organizationNameKey, PairFinder, personNameKey, phoneKey, websiteKey } from './detect';

type Db = Pick<CallContext, 'db'>;
type Entity = 'organization' | 'person';

const TABLES = { organization: 'organizations', person: 'people' } as const;
const NOUNS = { organization: 'organization', person: 'person' } as const;

// ---------------------------------------------------------------------------------------------
// Detection

/**
 * Likely duplicate pairs, computed on demand in one streaming pass over the table's name and
 * contact columns (no index or stored state to keep in step): every record's match keys are
 * grouped, and records sharing a key are paired (see PairFinder for the group cap).
 */
export async function findDuplicates(ctx: Db, input: { entity: Entity; offset: number; limit: number }): Promise<{ total: number; pairs: DuplicatePair[] }> {
  const finder = new PairFinder();
  if (input.entity === 'organization') {
    const rows = await sql<{ id: string; name: string; email: string; website: string; phone: string }>`
      select id, name, email, website, phone from organizations order by rowid`.execute(ctx.db);
    for (const row of rows.rows) {
      finder.add({
        id: row.id,
        keys: { name: organizationNameKey(row.name), email: emailKey(row.email), website: websiteKey(row.website), phone: phoneKey(row.phone) },
      });
    }
  } else {
    const rows = await sql<{ id: string; name: string; email: string; phone: string }>`
      select id, name, email, phone from people order by rowid`.execute(ctx.db);
    for (const row of rows.rows) {
      finder.add({ id: row.id, keys: { name: personNameKey(row.name), email: emailKey(row.email), phone: phoneKey(row.phone) } });
    }
  }
  const { total, pairs: page } = finder.pairs(input.offset, input.limit);
  const ids = [...new Set(page.flatMap((p) => [p.a, p.b]))];
  const sides = input.entity === 'organization' ? await organizationSides(ctx, ids) : await personSides(ctx, ids);
  return {
    total,
    pairs: page.flatMap((p) => {
      const a = sides.get(p.a);
      const b = sides.get(p.b);
      return a && b ? [{ a, b, reasons: p.reasons, score: p.score }] : [];
    }),
  };
}

type Side = DuplicatePair['a'];

async function organizationSides({ db }: Db, ids: string[]): Promise<Map<string, Side>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('organizations').select(['id', 'name', 'type', 'city', 'website', 'email']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, detail: detailLine(typeLabel(r.type), r.city, r.website || r.email) }]));
}

async function personSides({ db }: Db, ids: string[]): Promise<Map<string, Side>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('people').select(['id', 'name', 'title', 'city', 'email', 'phone']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, detail: detailLine(r.title, r.city, r.email || r.phone) }]));
}

function typeLabel(type: string): string {
  return type in ORGANIZATION_TYPES ? ORGANIZATION_TYPES[type as OrganizationType].label : 'Other';
}

function detailLine(...parts: string[]): string {
  return parts.filter((p) => p.trim() !== '').join(' · ');
}

// ---------------------------------------------------------------------------------------------
// Merge

function notFound(entity: Entity, id: string, path: string): AppError {
  const noun = entity === 'organization' ? 'Organization' : 'Person';
  return new AppError('not_found', `${noun} ${id} does not exist (it may have been deleted or merged already).`, {
    issues: [{ path, message: `This ${NOUNS[entity]} does not exist.` }],
  });
}

/** A field's value is empty when it says nothing: blank text, null, an empty list. */
function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/** Whose value a field keeps: the caller's choice, or else the survivor's unless it is empty and the merged record's is not. */
function side(choice: MergeSide | undefined, survivorValue: unknown, mergedValue: unknown): MergeSide {
  if (choice) return choice;
  return isEmpty(survivorValue) && !isEmpty(mergedValue) ? 'merged' : 'survivor';
}

function union(label: string, max: number, ...lists: string[][]): string {
  const items = [...new Set(lists.flat())];
  if (items.length > max) {
    throw new AppError('validation', `Together the two records have ${items.length} ${label}; at most ${max} fit on one record. Remove some first, then merge.`, {
      issues: [{ path: 'mergedId', message: `Too many ${label} for one record.` }],
    });
  }
  return listJson(items);
}

/** Column groups each organization merge field copies. */
const ORGANIZATION_COLUMNS = {
  name: ['name'],
  classification: ['sector', 'type'],
  stage: ['stage', 'tier', 'stage_changed_on'],
  alignment: ['alignment_score', 'alignment_note'],
  website: ['website'],
  email: ['email'],
  phone: ['phone'],
  address: ['address'],
  city: ['city'],
  district: ['district'],
  registrationNumber: ['registration_number'],
  staffSize: ['staff_size'],
  budgetBand: ['budget_band'],
  notes: ['notes'],
} as const satisfies Record<string, readonly (keyof OrganizationsTable)[]>;

const PERSON_COLUMNS = {
  name: ['name'],
  pronouns: ['pronouns'],
  title: ['title'],
  email: ['email'],
  phone: ['phone'],
  city: ['city'],
  district: ['district'],
  communityLeader: ['community_leader'],
  consent: ['consent_may_contact', 'consent_channels_json', 'consent_recorded_on', 'consent_recorded_by'],
  notes: ['notes'],
} as const satisfies Record<string, readonly (keyof PeopleTable)[]>;

/** The value a group is judged empty by (the first column; a stage or a classification is never empty). */
function groupValue(row: Record<string, unknown>, columns: readonly string[], field: string): unknown {
  if (field === 'classification' || field === 'stage') return 'set';
  if (field === 'communityLeader') return row.community_leader === 1 ? 'yes' : null;
  if (field === 'consent') return row.consent_may_contact;
  return row[columns[0] as string];
}

function chosenColumns<R extends object>(
  columns: Record<string, readonly string[]>,
  choices: Partial<Record<string, MergeSide>>,
  survivorRow: R,
  mergedRow: R,
): Partial<R> {
  const survivor = survivorRow as Record<string, unknown>;
  const merged = mergedRow as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const [field, cols] of Object.entries(columns)) {
    const from = side(choices[field], groupValue(survivor, cols, field), groupValue(merged, cols, field)) === 'merged' ? merged : survivor;
    for (const col of cols) patch[col] = from[col];
  }
  return patch as Partial<R>;
}

/**
 * Merges `mergedId` into `survivorId` in the call's transaction (one change-log batch, one undo
 * step): the chosen fields are copied to the survivor, list fields unioned; every affiliation,
 * relationship, interaction participation and (organizations) stage-change row of the merged
 * record is re-pointed to the survivor, except those that would repeat one the survivor has (or
 * link it to itself), which are deleted; last contact is recomputed; then the merged record is
 * deleted. Every step goes through the Writer: the merged record's delete row keeps its whole
 * before-image, and its earlier history stays in the log under its own id.
 */
export async function mergeRecords(ctx: CallContext, input: MergeInput): Promise<MergeResult> {
  const entity = input.entity;
  const table = TABLES[entity];
  const survivor = await ctx.db.selectFrom(table).selectAll().where('id', '=', input.survivorId).executeTakeFirst();
  if (!survivor) throw notFound(entity, input.survivorId, 'survivorId');
  const merged = await ctx.db.selectFrom(table).selectAll().where('id', '=', input.mergedId).executeTakeFirst();
  if (!merged) throw notFound(entity, input.mergedId, 'mergedId');

  const counts: MergeCounts = {
    affiliations: { moved: 0, dropped: 0 },
    relationships: { moved: 0, dropped: 0 },
    interactions: { moved: 0, dropped: 0 },
    stageChanges: 0,
  };

  // 1. The survivor's fields.
  if (input.entity === 'organization') {
    const s = survivor as OrganizationsTable;
    const m = merged as OrganizationsTable;
    const patch: Partial<OrganizationsTable> = chosenColumns(ORGANIZATION_COLUMNS, input.fields, s, m);
    const keptName = patch.name ?? s.name;
    const otherName = keptName === s.name ? m.name : s.name;
    // The name not kept becomes another name; the kept name is not also another name.
    const otherNames = [...parseList(s.other_names_json), otherName, ...parseList(m.other_names_json)].filter((n) => n !== keptName);
    patch.other_names_json = union('other names', 20, otherNames);
    patch.issue_areas_json = union('issue areas', MAX_LIST_ITEMS, parseList(s.issue_areas_json), parseList(m.issue_areas_json));
    patch.regions_json = union('regions', MAX_LIST_ITEMS, parseList(s.regions_json), parseList(m.regions_json));
    patch.populations_json = union('populations', MAX_LIST_ITEMS, parseList(s.populations_json), parseList(m.populations_json));
    patch.contributions_json = union('contributions', 20, parseList(s.contributions_json), parseList(m.contributions_json));
    patch.tags_json = union('tags', MAX_LIST_ITEMS, parseList(s.tags_json), parseList(m.tags_json));
    // A tier belongs to members only (the contract's rule), whichever side the stage came from.
    if (patch.stage !== 'member') patch.tier = null;
    await ctx.write.update('organizations', s.id, { ...patch, updated_at: ctx.now });
  } else {
    const s = survivor as PeopleTable;
    const m = merged as PeopleTable;
    const patch: Partial<PeopleTable> = chosenColumns(PERSON_COLUMNS, input.fields, s, m);
    patch.languages_json = union('languages', 20, parseList(s.languages_json), parseList(m.languages_json));
    patch.tags_json = union('tags', MAX_LIST_ITEMS, parseList(s.tags_json), parseList(m.tags_json));
    await ctx.write.update('people', s.id, { ...patch, updated_at: ctx.now });
  }

  // 2. Affiliations: one per person + organization pair; the survivor's wins.
  const own = entity === 'organization' ? 'organization_id' : 'person_id';
  const other = entity === 'organization' ? 'person_id' : 'organization_id';
  const survivorAffiliations = await ctx.db.selectFrom('affiliations').selectAll().where(own, '=', survivor.id).execute();
  const linked = new Set(survivorAffiliations.map((a) => a[other]));
  const survivorHasPrimary = survivorAffiliations.some((a) => a.is_primary === 1);
  const mergedAffiliations = await ctx.db.selectFrom('affiliations').selectAll().where(own, '=', merged.id).orderBy('id').execute();
  const movedAffiliations: { before: (typeof mergedAffiliations)[number]; patch: { organization_id?: string; person_id?: string; is_primary?: number } }[] = [];
  for (const a of mergedAffiliations) {
    if (linked.has(a[other])) {
      await ctx.write.remove('affiliations', a.id);
      counts.affiliations.dropped++;
      continue;
    }
    // A person keeps one primary affiliation: the survivor's, when both had one.
    const demote = entity === 'person' && survivorHasPrimary && a.is_primary === 1;
    movedAffiliations.push({ before: a, patch: { [own]: survivor.id, ...(demote ? { is_primary: 0 } : {}) } });
  }
  counts.affiliations.moved = await ctx.write.updateMany('affiliations', movedAffiliations);

  // 3. Relationships: re-pointed, unless they would link the survivor to itself or repeat one it has.
  const relTable = entity === 'organization' ? 'organization_relationships' : 'person_relationships';
  const survivorRels = await ctx.db.selectFrom(relTable).selectAll().where((eb) => eb.or([eb('from_id', '=', survivor.id), eb('to_id', '=', survivor.id)])).execute();
  const relKeys = new Set(survivorRels.map((r) => `${r.kind}|${r.from_id}|${r.to_id}`));
  const mergedRels = await ctx.db
    .selectFrom(relTable)
    .selectAll()
    .where((eb) => eb.or([eb('from_id', '=', merged.id), eb('to_id', '=', merged.id)]))
    .orderBy('id')
    .execute();
  for (const r of mergedRels) {
    const from = r.from_id === merged.id ? survivor.id : r.from_id;
    const to = r.to_id === merged.id ? survivor.id : r.to_id;
    const key = `${r.kind}|${from}|${to}`;
    if (from === to || relKeys.has(key)) {
      await ctx.write.remove(relTable, r.id);
      counts.relationships.dropped++;
      continue;
    }
    relKeys.add(key);
    await ctx.write.update(relTable, r.id, { from_id: from, to_id: to });
    counts.relationships.moved++;
  }

  // 4. Interaction participations: re-pointed, unless the survivor already took part.
  const attended = new Set(
    (await ctx.db.selectFrom('interaction_participants').select('interaction_id').where(own, '=', survivor.id).execute()).map((p) => p.interaction_id),
  );
  const participations = await ctx.db.selectFrom('interaction_participants').selectAll().where(own, '=', merged.id).orderBy('id').execute();
  const movedParticipations: { before: (typeof participations)[number]; patch: { organization_id?: string; person_id?: string } }[] = [];
  for (const p of participations) {
    if (attended.has(p.interaction_id)) {
      await ctx.write.remove('interaction_participants', p.id);
      counts.interactions.dropped++;
      continue;
    }
    attended.add(p.interaction_id);
    movedParticipations.push({ before: p, patch: { [own]: survivor.id } });
  }
  counts.interactions.moved = await ctx.write.updateMany('interaction_participants', movedParticipations);

  // 5. Stage history (organizations): every change moves, so the survivor's history shows both.
  if (entity === 'organization') {
    const changes = await ctx.db.selectFrom('organization_stage_changes').selectAll().where('organization_id', '=', merged.id).execute();
    counts.stageChanges = await ctx.write.updateMany(
      'organization_stage_changes',
      changes.map((c) => ({ before: c, patch: { organization_id: survivor.id } })),
    );
  }

  // 5b. Coalition structure: memberships, roles, terms, applications and endorsements follow the survivor.
  await moveStructureRows(ctx, entity, merged.id, survivor.id);
  // 5b'. Resources and capacity: contributions, grants, in-kind support, trainings and assistance follow the survivor.
  await moveResourceRows(ctx, entity, merged.id, survivor.id);
  // 5b'. Policy: relationship holders, engagement attendees and follow-up owners follow the survivor.
  await movePolicyRows(ctx, entity, merged.id, survivor.id);

  // 5c. Meetings (people only): invitations, organizer, presenter and owner references follow the survivor.
  if (entity === 'person') await moveMeetingLinks(ctx, survivor.id, merged.id);
  // 5c''. Stories and media (people only): storytellers, journalists' directory links and outreach owners follow the survivor.
  if (entity === 'person') {
    await moveStoryLinks(ctx, survivor.id, merged.id);
    await moveMediaLinks(ctx, survivor.id, merged.id);
  }

  // 5c'. Campaigns (organizations only): participations, event co-hosting and reported grassroots counts follow the survivor.
  if (entity === 'organization') await moveCampaignRows(ctx, merged.id, survivor.id);

  // 5d. Survey responses (organizations only) follow the survivor.
  if (entity === 'organization') await moveMetricRows(ctx, merged.id, survivor.id);

  // 6. Custom values: the survivor's kept (unless the caller chose the merged record's), empty ones filled from the merged record.
  const preferMerged = new Set(Object.entries(input.custom ?? {}).flatMap(([fieldId, choice]) => (choice === 'merged' ? [fieldId] : [])));
  await mergeCustomValues(ctx, survivor.id, merged.id, preferMerged);

  // 7. Last contact from the interactions the survivor now has; then the merged record goes.
  await recomputeLastContacted(ctx, entity === 'organization' ? { organizationIds: [survivor.id], personIds: [] } : { personIds: [survivor.id], organizationIds: [] });
  await ctx.write.remove(table, merged.id);

  return entity === 'organization'
    ? { entity, survivor: await getOrganization(ctx, survivor.id), counts }
    : { entity, survivor: await requirePerson(ctx, survivor.id), counts };
}
