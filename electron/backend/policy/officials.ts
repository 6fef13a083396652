import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { AppError } from '@shared/errors';
import type { CommitteeRole, Holder, Level, Official, OfficialDetail, OfficialInput, OfficialSummary } from '@shared/policy/contract';
import type { OfficialsTable } from './tables';
import type { CallContext } from '../rpc/handlers';
import { detachCampaignsFromOfficial } from '../campaigns/links';
import { notFound, requireIds, type Db } from './common';
import { engagementsOf, removeOfficialFromEngagements } from './engagements';
import { districtKey, officialNameKey } from './normalize';
import { scorecardRows } from './scorecard';
import { stanceHistory, currentStances } from './stances';

// Officials: their record (contacts, term, district), committee memberships and staffers (saved
// with the record, replaced by the lists given), relationship holders, and the page that gathers
// stances, engagements and the scorecard. `getOfficial`, `stanceHistory`, `scorecardRows`,
// `districtMatch` and `engagementsOf` are what a briefing packet reads.

export interface OfficialFilters {
  search: string;
  level: Level | null;
  bodyId: string | null;
  party: string | null;
  committeeId: string | null;
}

/** The record's columns from the form's input (with the normalized keys duplicates and districts compare). */
export function officialColumns(input: Omit<OfficialInput, 'committees' | 'staffers'>) {
  return {
    name: input.name,
    title: input.title,
    level: input.level,
    body_id: input.bodyId,
    district: input.district,
    jurisdiction: input.jurisdiction,
    party: input.party,
    email: input.email,
    phone: input.phone,
    office_address: input.officeAddress,
    website: input.website,
    term_start: input.termStart,
    term_end: input.termEnd,
    notes: input.notes,
    name_key: officialNameKey(input.name),
    district_key: districtKey(input.district),
  };
}

function summaries(ctx: Db) {
  return ctx.db
    .selectFrom('officials as o')
    .leftJoin('policy_bodies as b', 'b.id', 'o.body_id')
    .select(['o.id', 'o.name', 'o.title', 'o.level', 'o.body_id', 'b.name as body_name', 'o.district', 'o.jurisdiction', 'o.party']);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaries>['execute']>>[number];

export function toOfficialSummary(row: SummaryRow): OfficialSummary {
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    level: row.level as Level,
    bodyId: row.body_id,
    bodyName: row.body_name,
    district: row.district,
    jurisdiction: row.jurisdiction,
    party: row.party,
  };
}

/** Officials by id (summaries), for lists that name them. */
export async function officialSummaries(ctx: Db, ids: readonly string[]): Promise<Map<string, OfficialSummary>> {
  const out = new Map<string, OfficialSummary>();
  if (ids.length === 0) return out;
  for (const row of await summaries(ctx).where('o.id', 'in', [...new Set(ids)]).execute()) out.set(row.id, toOfficialSummary(row));
  return out;
}

function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function listOfficials(ctx: Db, input: { filters: OfficialFilters; offset: number; limit: number }) {
  const { filters } = input;
  let query = summaries(ctx);
  if (filters.level) query = query.where('o.level', '=', filters.level);
  if (filters.bodyId) query = query.where('o.body_id', '=', filters.bodyId);
  if (filters.party !== null) query = query.where('o.party', '=', filters.party);
  if (filters.committeeId) {
    const committeeId = filters.committeeId;
    query = query.where((eb) => eb.exists(eb.selectFrom('committee_members as m').select('m.id').whereRef('m.official_id', '=', 'o.id').where('m.committee_id', '=', committeeId)));
  }
  const search = filters.search.trim();
  if (search !== '') {
    const pattern = likePattern(search);
    const key = officialNameKey(search);
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`o.name like ${pattern} escape '\\'`,
        ...(key ? [sql<boolean>`o.name_key like ${likePattern(key)} escape '\\'`] : []),
        sql<boolean>`o.district like ${pattern} escape '\\'`,
        sql<boolean>`o.jurisdiction like ${pattern} escape '\\'`,
        sql<boolean>`o.title like ${pattern} escape '\\'`,
      ]),
    );
  }
  const total = await query.clearSelect().select((e) => e.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await query.orderBy(sql`o.name collate nocase`).orderBy('o.id').offset(input.offset).limit(input.limit).execute();
  return { total: Number(total?.n ?? 0), rows: rows.map(toOfficialSummary) };
}

export async function listParties(ctx: Db): Promise<string[]> {
  const rows = await ctx.db.selectFrom('officials').select('party').distinct().where('party', '<>', '').orderBy('party').execute();
  return rows.map((r) => r.party);
}

export async function requireOfficialRow(ctx: Db, id: string, path = 'id'): Promise<OfficialsTable> {
  const row = await ctx.db.selectFrom('officials').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('officials', id, path);
  return row;
}

/** The official's record with committees and staffers (what the form edits). */
export async function getOfficial(ctx: Db, id: string): Promise<Official> {
  const row = await ctx.db
    .selectFrom('officials as o')
    .leftJoin('policy_bodies as b', 'b.id', 'o.body_id')
    .selectAll('o')
    .select('b.name as body_name')
    .where('o.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('officials', id, 'id');
  const committees = await ctx.db
    .selectFrom('committee_members as m')
    .innerJoin('committees as c', 'c.id', 'm.committee_id')
    .select(['m.committee_id', 'c.name', 'm.role'])
    .where('m.official_id', '=', id)
    .orderBy(sql`c.name collate nocase`)
    .execute();
  const staffers = await ctx.db.selectFrom('official_staffers').selectAll().where('official_id', '=', id).orderBy(sql`name collate nocase`).execute();
  return {
    ...toOfficialSummary(row),
    email: row.email,
    phone: row.phone,
    officeAddress: row.office_address,
    website: row.website,
    termStart: row.term_start,
    termEnd: row.term_end,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    committees: committees.map((c) => ({ committeeId: c.committee_id, name: c.name, role: c.role as CommitteeRole })),
    staffers: staffers.map((s) => ({ id: s.id, name: s.name, role: s.role, email: s.email, phone: s.phone })),
  };
}

/** An official's page: the record, stances (current and history), holders, engagements and the scorecard. */
export async function getOfficialDetail(ctx: Db, id: string): Promise<OfficialDetail> {
  const record = await getOfficial(ctx, id);
  const history = await stanceHistory(ctx, { officialId: id });
  return {
    ...record,
    currentStances: currentStances(history),
    stanceHistory: history,
    holders: await holdersOf(ctx, id),
    engagements: (await engagementsOf(ctx, { officialId: id, billId: null, campaignId: null, openFollowUps: false, offset: 0, limit: 200 })).rows,
    scorecard: await scorecardRows(ctx, id),
  };
}

async function checkOfficialReferences(ctx: Db, input: OfficialInput, prefix: string): Promise<void> {
  await requireIds(ctx, 'policy_bodies', [input.bodyId], `${prefix}bodyId`);
  await requireIds(ctx, 'committees', input.committees.map((c) => c.committeeId), (i) => `${prefix}committees.${i}.committeeId`);
}

/** Replaces an official's committee memberships and staffers by the lists given (kept rows are updated in place). */
async function saveMemberships(ctx: CallContext, officialId: string, input: OfficialInput, prefix: string): Promise<void> {
  const current = await ctx.db.selectFrom('committee_members').selectAll().where('official_id', '=', officialId).execute();
  const wanted = new Map(input.committees.map((c) => [c.committeeId, c.role]));
  await ctx.write.removeMany('committee_members', current.filter((m) => !wanted.has(m.committee_id)));
  await ctx.write.updateMany(
    'committee_members',
    current.filter((m) => wanted.has(m.committee_id)).map((before) => ({ before, patch: { role: wanted.get(before.committee_id) as string } })),
  );
  const have = new Set(current.map((m) => m.committee_id));
  await ctx.write.insertMany(
    'committee_members',
    input.committees.filter((c) => !have.has(c.committeeId)).map((c) => ({ id: randomUUID(), committee_id: c.committeeId, official_id: officialId, role: c.role })),
  );

  const staffers = await ctx.db.selectFrom('official_staffers').selectAll().where('official_id', '=', officialId).execute();
  const byId = new Map(staffers.map((s) => [s.id, s]));
  input.staffers.forEach((s, i) => {
    if (s.id !== undefined && !byId.has(s.id)) throw notFound('official_staffers', s.id, `${prefix}staffers.${i}.id`);
  });
  const kept = new Set(input.staffers.flatMap((s) => (s.id ? [s.id] : [])));
  const gone = staffers.filter((s) => !kept.has(s.id));
  // A staffer met at an engagement stays named there until the engagement is edited: clear them first.
  for (const staffer of gone) {
    const met = await ctx.db.selectFrom('engagement_officials').selectAll().where('staffer_id', '=', staffer.id).execute();
    await ctx.write.updateMany('engagement_officials', met.map((before) => ({ before, patch: { staffer_id: null } })));
  }
  await ctx.write.removeMany('official_staffers', gone);
  await ctx.write.updateMany(
    'official_staffers',
    input.staffers.flatMap((s) => (s.id ? [{ before: byId.get(s.id) as (typeof staffers)[number], patch: { name: s.name, role: s.role, email: s.email, phone: s.phone } }] : [])),
  );
  await ctx.write.insertMany(
    'official_staffers',
    input.staffers.filter((s) => !s.id).map((s) => ({ id: randomUUID(), official_id: officialId, name: s.name, role: s.role, email: s.email, phone: s.phone })),
  );
}

export async function createOfficial(ctx: CallContext, input: OfficialInput): Promise<Official> {
  await checkOfficialReferences(ctx, input, '');
  const id = randomUUID();
  await ctx.write.insert('officials', { id, ...officialColumns(input), created_at: ctx.now, updated_at: ctx.now });
  await saveMemberships(ctx, id, input, '');
  return getOfficial(ctx, id);
}

export async function updateOfficial(ctx: CallContext, id: string, input: OfficialInput): Promise<Official> {
  await requireOfficialRow(ctx, id);
  await checkOfficialReferences(ctx, input, 'official.');
  await ctx.write.update('officials', id, { ...officialColumns(input), updated_at: ctx.now });
  await saveMemberships(ctx, id, input, 'official.');
  return getOfficial(ctx, id);
}

/**
 * Deletes an official with every row about them: staffers, memberships, holders, stances, actions,
 * sponsorships and campaign targets; grassroots counts and petitions aimed at them stay, with no
 * target official (campaigns/links.ts); engagements keep their other officials, and one left with
 * none is deleted (with its planner meeting).
 */
export async function deleteOfficial(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  await requireOfficialRow(ctx, id);
  await removeOfficialFromEngagements(ctx, id);
  await detachCampaignsFromOfficial(ctx, id);
  for (const table of ['committee_members', 'relationship_holders', 'stances', 'official_actions', 'bill_sponsors', 'campaign_target_officials'] as const) {
    await ctx.write.removeMany(table, await ctx.db.selectFrom(table).selectAll().where('official_id', '=', id).execute());
  }
  await ctx.write.removeMany('official_staffers', await ctx.db.selectFrom('official_staffers').selectAll().where('official_id', '=', id).execute());
  await ctx.write.remove('officials', id);
  return { deleted: true };
}

// ---------------------------------------------------------------------------------------------
// Relationship holders

export async function holdersOf(ctx: Db, officialId: string): Promise<Holder[]> {
  const rows = await ctx.db
    .selectFrom('relationship_holders as h')
    .leftJoin('people as p', 'p.id', 'h.person_id')
    .leftJoin('organizations as org', 'org.id', 'h.organization_id')
    .select(['h.id', 'h.person_id', 'h.organization_id', 'h.is_primary', 'h.note', 'p.name as person_name', 'org.name as organization_name'])
    .where('h.official_id', '=', officialId)
    .orderBy('h.is_primary', 'desc')
    .orderBy(sql`coalesce(p.name, org.name) collate nocase`)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    organizationId: r.organization_id,
    name: r.person_name ?? r.organization_name ?? '',
    isPrimary: r.is_primary === 1,
    note: r.note,
  }));
}

export async function setHolders(
  ctx: CallContext,
  input: { officialId: string; holders: { personId: string | null; organizationId: string | null; isPrimary: boolean; note: string }[] },
): Promise<Holder[]> {
  await requireOfficialRow(ctx, input.officialId, 'officialId');
  await requireIds(ctx, 'people', input.holders.map((h) => h.personId), (i) => `holders.${i}.personId`);
  await requireIds(ctx, 'organizations', input.holders.map((h) => h.organizationId), (i) => `holders.${i}.organizationId`);
  const keyOf = (h: { person_id?: string | null; organization_id?: string | null }) => `${h.person_id ?? ''}|${h.organization_id ?? ''}`;
  const seen = new Set<string>();
  input.holders.forEach((h, i) => {
    const key = keyOf({ person_id: h.personId, organization_id: h.organizationId });
    if (seen.has(key)) throw new AppError('validation', 'This relationship holder is listed twice.', { issues: [{ path: `holders.${i}`, message: 'Listed twice.' }] });
    seen.add(key);
  });
  const current = await ctx.db.selectFrom('relationship_holders').selectAll().where('official_id', '=', input.officialId).execute();
  const wanted = new Map(input.holders.map((h) => [keyOf({ person_id: h.personId, organization_id: h.organizationId }), h]));
  await ctx.write.removeMany('relationship_holders', current.filter((c) => !wanted.has(keyOf(c))));
  const have = new Map(current.map((c) => [keyOf(c), c]));
  await ctx.write.updateMany(
    'relationship_holders',
    current.filter((c) => wanted.has(keyOf(c))).map((before) => {
      const h = wanted.get(keyOf(before)) as (typeof input.holders)[number];
      return { before, patch: { is_primary: h.isPrimary ? 1 : 0, note: h.note } };
    }),
  );
  await ctx.write.insertMany(
    'relationship_holders',
    input.holders
      .filter((h) => !have.has(keyOf({ person_id: h.personId, organization_id: h.organizationId })))
      .map((h) => ({ id: randomUUID(), official_id: input.officialId, person_id: h.personId, organization_id: h.organizationId, is_primary: h.isPrimary ? 1 : 0, note: h.note })),
  );
  return holdersOf(ctx, input.officialId);
}
