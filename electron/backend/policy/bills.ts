import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { AppError } from '@shared/errors';
import type { Bill, BillInput, BillKind, BillStatus, BillSummary, Level, OfficialAction, Position } from '@shared/policy/contract';
import type { BillsTable } from './tables';
import type { CallContext } from '../rpc/handlers';
import { notFound, requireIds, type Db } from './common';
import { clearBillFromEngagements, engagementsOf } from './engagements';
import { stanceHistory } from './stances';

// Bills and policies: the record with its sponsors, hearings, funding allocations and the
// campaigns that target it (saved with the record, replaced by the lists given), and a status
// pipeline whose every change is a dated row of bill_status_changes. The bill's `status` and
// `status_on` are the latest change by date (then by when it was recorded), written with it.

export interface BillFilters {
  search: string;
  status: BillStatus | null;
  position: Position | null;
  level: Level | null;
}

function toSummary(row: Pick<BillsTable, 'id' | 'identifier' | 'title' | 'kind' | 'level' | 'jurisdiction' | 'status' | 'status_on' | 'position'>): BillSummary {
  return {
    id: row.id,
    identifier: row.identifier,
    title: row.title,
    kind: row.kind as BillKind,
    level: row.level as Level,
    jurisdiction: row.jurisdiction,
    status: row.status as BillStatus,
    statusOn: row.status_on,
    position: row.position as Position,
  };
}

const SUMMARY_COLUMNS = ['id', 'identifier', 'title', 'kind', 'level', 'jurisdiction', 'status', 'status_on', 'position'] as const;

export async function billSummaries(ctx: Db, ids: readonly string[]): Promise<Map<string, BillSummary>> {
  const out = new Map<string, BillSummary>();
  if (ids.length === 0) return out;
  for (const row of await ctx.db.selectFrom('bills').select(SUMMARY_COLUMNS).where('id', 'in', [...new Set(ids)]).execute()) out.set(row.id, toSummary(row));
  return out;
}

export async function listBills(ctx: Db, input: { filters: BillFilters; offset: number; limit: number }) {
  const { filters } = input;
  let query = ctx.db.selectFrom('bills');
  if (filters.status) query = query.where('status', '=', filters.status);
  if (filters.position) query = query.where('position', '=', filters.position);
  if (filters.level) query = query.where('level', '=', filters.level);
  const search = filters.search.trim();
  if (search !== '') {
    const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([sql<boolean>`identifier like ${pattern} escape '\\'`, sql<boolean>`title like ${pattern} escape '\\'`, sql<boolean>`jurisdiction like ${pattern} escape '\\'`]));
  }
  const total = await query.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await query.select(SUMMARY_COLUMNS).orderBy('status_on', 'desc').orderBy(sql`identifier collate nocase`).offset(input.offset).limit(input.limit).execute();
  return { total: Number(total?.n ?? 0), rows: rows.map(toSummary) };
}

async function requireBillRow(ctx: Db, id: string, path = 'id'): Promise<BillsTable> {
  const row = await ctx.db.selectFrom('bills').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('bills', id, path);
  return row;
}

/** A bill's page: the record, its status history (newest first), sponsors, hearings, allocations, campaigns, stances, actions and engagements. */
export async function getBill(ctx: Db, id: string): Promise<Bill> {
  const row = await requireBillRow(ctx, id);
  const committee = row.committee_id ? await ctx.db.selectFrom('committees').select('name').where('id', '=', row.committee_id).executeTakeFirst() : undefined;
  const sponsors = await ctx.db
    .selectFrom('bill_sponsors as s')
    .innerJoin('officials as o', 'o.id', 's.official_id')
    .select(['s.official_id', 'o.name', 's.role'])
    .where('s.bill_id', '=', id)
    .orderBy('s.role', 'desc')
    .orderBy(sql`o.name collate nocase`)
    .execute();
  const hearings = await ctx.db
    .selectFrom('bill_hearings as h')
    .leftJoin('committees as c', 'c.id', 'h.committee_id')
    .select(['h.id', 'h.held_on', 'h.committee_id', 'c.name as committee_name', 'h.note'])
    .where('h.bill_id', '=', id)
    .orderBy('h.held_on')
    .execute();
  const allocations = await ctx.db.selectFrom('funding_allocations').selectAll().where('bill_id', '=', id).orderBy('fiscal_year').orderBy('program').execute();
  const campaigns = await ctx.db
    .selectFrom('campaign_target_bills as t')
    .innerJoin('campaigns as c', 'c.id', 't.campaign_id')
    .select(['c.id', 'c.name'])
    .where('t.bill_id', '=', id)
    .orderBy(sql`c.name collate nocase`)
    .execute();
  const history = await ctx.db.selectFrom('bill_status_changes').selectAll().where('bill_id', '=', id).orderBy('changed_on', 'desc').orderBy('created_at', 'desc').orderBy(sql`rowid`, 'desc').execute();
  const actions = await ctx.db
    .selectFrom('official_actions as a')
    .innerJoin('officials as o', 'o.id', 'a.official_id')
    .select(['a.id', 'a.official_id', 'o.name', 'a.action', 'a.acted_on', 'a.note'])
    .where('a.bill_id', '=', id)
    .orderBy('a.acted_on', 'desc')
    .orderBy(sql`o.name collate nocase`)
    .execute();
  return {
    ...toSummary(row),
    summary: row.summary,
    committeeId: row.committee_id,
    committeeName: committee?.name ?? null,
    positionNote: row.position_note,
    url: row.url,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    sponsors: sponsors.map((s) => ({ officialId: s.official_id, name: s.name, role: s.role as 'primary' | 'co' })),
    hearings: hearings.map((h) => ({ id: h.id, heldOn: h.held_on, committeeId: h.committee_id, committeeName: h.committee_name, note: h.note })),
    allocations: allocations.map((a) => ({ id: a.id, amount: a.amount, currency: a.currency, program: a.program, fiscalYear: a.fiscal_year, note: a.note })),
    campaigns,
    statusHistory: history.map((h) => ({ id: h.id, status: h.status as BillStatus, changedOn: h.changed_on, note: h.note, recordedBy: h.recorded_by })),
    stances: await stanceHistory(ctx, { billId: id }),
    actions: actions.map((a) => ({ id: a.id, officialId: a.official_id, officialName: a.name, action: a.action as OfficialAction, actedOn: a.acted_on, note: a.note })),
    engagements: (await engagementsOf(ctx, { officialId: null, billId: id, campaignId: null, openFollowUps: false, offset: 0, limit: 200 })).rows,
  };
}

function billColumns(input: BillInput) {
  return {
    identifier: input.identifier,
    title: input.title,
    kind: input.kind,
    jurisdiction: input.jurisdiction,
    level: input.level,
    summary: input.summary,
    committee_id: input.committeeId,
    position: input.position,
    position_note: input.positionNote,
    url: input.url,
  };
}

async function checkBillReferences(ctx: Db, input: BillInput, prefix: string): Promise<void> {
  await requireIds(ctx, 'committees', [input.committeeId], `${prefix}committeeId`);
  await requireIds(ctx, 'officials', input.sponsors.map((s) => s.officialId), (i) => `${prefix}sponsors.${i}.officialId`);
  await requireIds(ctx, 'committees', input.hearings.map((h) => h.committeeId), (i) => `${prefix}hearings.${i}.committeeId`);
  await requireIds(ctx, 'campaigns', input.campaignIds, (i) => `${prefix}campaignIds.${i}`);
}

/** Which of a bill's child rows the form's list keeps (by id), refusing ids that are not the bill's. */
function keptRows<R extends { id: string }>(current: readonly R[], wanted: readonly { id?: string | undefined }[], what: string, path: string): { byId: Map<string, R>; gone: R[] } {
  const byId = new Map(current.map((r) => [r.id, r]));
  wanted.forEach((w, i) => {
    if (w.id !== undefined && !byId.has(w.id)) {
      throw new AppError('not_found', `That ${what} is no longer on this bill (it may have been deleted).`, { issues: [{ path: `${path}.${i}.id`, message: 'No longer on this bill.' }] });
    }
  });
  const kept = new Set(wanted.flatMap((w) => (w.id ? [w.id] : [])));
  return { byId, gone: current.filter((r) => !kept.has(r.id)) };
}

async function saveChildren(ctx: CallContext, billId: string, input: BillInput, prefix: string): Promise<void> {
  // Sponsors: one row per official.
  const sponsors = await ctx.db.selectFrom('bill_sponsors').selectAll().where('bill_id', '=', billId).execute();
  const wanted = new Map(input.sponsors.map((s) => [s.officialId, s.role]));
  await ctx.write.removeMany('bill_sponsors', sponsors.filter((s) => !wanted.has(s.official_id)));
  await ctx.write.updateMany('bill_sponsors', sponsors.filter((s) => wanted.has(s.official_id)).map((before) => ({ before, patch: { role: wanted.get(before.official_id) as string } })));
  const have = new Set(sponsors.map((s) => s.official_id));
  await ctx.write.insertMany('bill_sponsors', input.sponsors.filter((s) => !have.has(s.officialId)).map((s) => ({ id: randomUUID(), bill_id: billId, official_id: s.officialId, role: s.role })));

  // Hearings and allocations: rows named by id are updated, new ones inserted, the others removed.
  const hearings = await ctx.db.selectFrom('bill_hearings').selectAll().where('bill_id', '=', billId).execute();
  const h = keptRows(hearings, input.hearings, 'hearing', `${prefix}hearings`);
  await ctx.write.removeMany('bill_hearings', h.gone);
  await ctx.write.updateMany(
    'bill_hearings',
    input.hearings.flatMap((w) => (w.id ? [{ before: h.byId.get(w.id) as (typeof hearings)[number], patch: { held_on: w.heldOn, committee_id: w.committeeId, note: w.note } }] : [])),
  );
  await ctx.write.insertMany(
    'bill_hearings',
    input.hearings.filter((w) => !w.id).map((w) => ({ id: randomUUID(), bill_id: billId, held_on: w.heldOn, committee_id: w.committeeId, note: w.note })),
  );
  const allocations = await ctx.db.selectFrom('funding_allocations').selectAll().where('bill_id', '=', billId).execute();
  const a = keptRows(allocations, input.allocations, 'allocation', `${prefix}allocations`);
  await ctx.write.removeMany('funding_allocations', a.gone);
  const allocationColumns = (w: BillInput['allocations'][number]) => ({ amount: w.amount, currency: w.currency, program: w.program, fiscal_year: w.fiscalYear, note: w.note });
  await ctx.write.updateMany(
    'funding_allocations',
    input.allocations.flatMap((w) => (w.id ? [{ before: a.byId.get(w.id) as (typeof allocations)[number], patch: allocationColumns(w) }] : [])),
  );
  await ctx.write.insertMany('funding_allocations', input.allocations.filter((w) => !w.id).map((w) => ({ id: randomUUID(), bill_id: billId, ...allocationColumns(w) })));

  // Campaigns: the campaign_target_bills rows of this bill (a campaign's targets, seen from the bill).
  const targets = await ctx.db.selectFrom('campaign_target_bills').selectAll().where('bill_id', '=', billId).execute();
  const campaigns = new Set(input.campaignIds);
  await ctx.write.removeMany('campaign_target_bills', targets.filter((t) => !campaigns.has(t.campaign_id)));
  const linked = new Set(targets.map((t) => t.campaign_id));
  await ctx.write.insertMany('campaign_target_bills', [...campaigns].filter((c) => !linked.has(c)).map((c) => ({ id: randomUUID(), campaign_id: c, bill_id: billId, note: '' })));
}

/** Sets the bill's status and date to its latest status change. */
async function refreshStatus(ctx: CallContext, billId: string): Promise<void> {
  const latest = await ctx.db
    .selectFrom('bill_status_changes')
    .select(['status', 'changed_on'])
    .where('bill_id', '=', billId)
    .orderBy('changed_on', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy(sql`rowid`, 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  await ctx.write.update('bills', billId, { status: latest.status, status_on: latest.changed_on, updated_at: ctx.now });
}

export async function createBill(ctx: CallContext, input: { bill: BillInput; status: BillStatus; changedOn: string; note: string }): Promise<Bill> {
  await checkBillReferences(ctx, input.bill, 'bill.');
  const id = randomUUID();
  await ctx.write.insert('bills', { id, ...billColumns(input.bill), status: input.status, status_on: input.changedOn, created_at: ctx.now, updated_at: ctx.now });
  await ctx.write.insert('bill_status_changes', { id: randomUUID(), bill_id: id, status: input.status, changed_on: input.changedOn, note: input.note, recorded_by: ctx.actor, created_at: ctx.now });
  await saveChildren(ctx, id, input.bill, 'bill.');
  return getBill(ctx, id);
}

export async function updateBill(ctx: CallContext, id: string, input: BillInput): Promise<Bill> {
  await requireBillRow(ctx, id);
  await checkBillReferences(ctx, input, 'bill.');
  await ctx.write.update('bills', id, { ...billColumns(input), updated_at: ctx.now });
  await saveChildren(ctx, id, input, 'bill.');
  return getBill(ctx, id);
}

export async function setBillStatus(ctx: CallContext, input: { id: string; status: BillStatus; changedOn: string; note: string }): Promise<Bill> {
  await requireBillRow(ctx, input.id);
  await ctx.write.insert('bill_status_changes', { id: randomUUID(), bill_id: input.id, status: input.status, changed_on: input.changedOn, note: input.note, recorded_by: ctx.actor, created_at: ctx.now });
  await refreshStatus(ctx, input.id);
  return getBill(ctx, input.id);
}

export async function deleteBillStatus(ctx: CallContext, id: string): Promise<Bill> {
  const change = await ctx.db.selectFrom('bill_status_changes').selectAll().where('id', '=', id).executeTakeFirst();
  if (!change) throw new AppError('not_found', `Status change ${id} does not exist (it may have been deleted).`, { issues: [{ path: 'id', message: 'This status change does not exist.' }] });
  const count = await ctx.db.selectFrom('bill_status_changes').select((e) => e.fn.countAll<number>().as('n')).where('bill_id', '=', change.bill_id).executeTakeFirstOrThrow();
  if (Number(count.n) <= 1) throw new AppError('conflict', 'A bill keeps at least one status: record the right one first, then delete this one.');
  await ctx.write.remove('bill_status_changes', id);
  await refreshStatus(ctx, change.bill_id);
  return getBill(ctx, change.bill_id);
}

/** Deletes a bill with its history, sponsors, hearings, allocations, stances, actions and targets; its engagements keep no bill. */
export async function deleteBill(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  await requireBillRow(ctx, id);
  await clearBillFromEngagements(ctx, id);
  for (const table of ['bill_status_changes', 'bill_sponsors', 'bill_hearings', 'funding_allocations', 'stances', 'official_actions', 'campaign_target_bills'] as const) {
    await ctx.write.removeMany(table, await ctx.db.selectFrom(table).selectAll().where('bill_id', '=', id).execute());
  }
  await ctx.write.remove('bills', id);
  return { deleted: true };
}
