import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { AppError } from '@shared/errors';
import type {
  CoverageEntry,
  CoverageInput,
  Journalist,
  JournalistInput,
  Outlet,
  OutletInput,
  OutletKind,
  OutreachDetail,
  OutreachInput,
  OutreachItem,
  OutreachKind,
  OutreachStatus,
  Strength,
  Tone,
} from '@shared/media/contract';
import { outreachInput } from '@shared/media/contract';
import type { CallContext } from '../rpc/handlers';
import { requirePeople, type Db } from '../meetings/common';
import type { CoverageEntriesTable } from './tables';


function notFound(what: string, id: string, path = 'id'): AppError {
  return new AppError('not_found', `${what} ${id} does not exist (it may have been deleted).`, { issues: [{ path, message: `This ${what.toLowerCase()} does not exist.` }] });
}

async function requireRow(ctx: Db, table: 'media_outlets' | 'journalists' | 'outreach_items' | 'coverage_entries' | 'campaigns', id: string, what: string, path: string): Promise<void> {
  const found = await ctx.db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
  if (!found) throw notFound(what, id, path);
}

// Outlets

export async function listOutlets(ctx: Db): Promise<Outlet[]> {
  const rows = await ctx.db
    .selectFrom('media_outlets as o')
    .selectAll('o')
    .select((eb) => eb.selectFrom('journalists as j').select((e) => e.fn.countAll<number>().as('n')).whereRef('j.outlet_id', '=', 'o.id').as('journalists'))
    .orderBy('o.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind as OutletKind,
    reach: r.reach,
    website: r.website,
    notes: r.notes,
    journalists: Number(r.journalists ?? 0),
    updatedAt: r.updated_at,
  }));
}

export async function saveOutlet(ctx: CallContext, id: string | undefined, input: OutletInput): Promise<Outlet> {
  const columns = { name: input.name, kind: input.kind, reach: input.reach, website: input.website, notes: input.notes, updated_at: ctx.now };
  const outletId = id ?? randomUUID();
  if (id === undefined) await ctx.write.insert('media_outlets', { id: outletId, ...columns, created_at: ctx.now });
  else if (!(await ctx.write.update('media_outlets', id, columns))) throw notFound('Outlet', id);
  const saved = (await listOutlets(ctx)).find((o) => o.id === outletId);
  if (!saved) throw notFound('Outlet', outletId);
  return saved;
}

/** Journalists and items lose the outlet; coverage keeps its name as text. */
export async function deleteOutlet(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  const outlet = await ctx.db.selectFrom('media_outlets').selectAll().where('id', '=', id).executeTakeFirst();
  if (!outlet) throw notFound('Outlet', id);
  const journalists = await ctx.db.selectFrom('journalists').selectAll().where('outlet_id', '=', id).execute();
  await ctx.write.updateMany('journalists', journalists.map((before) => ({ before, patch: { outlet_id: null } })));
  const items = await ctx.db.selectFrom('outreach_items').selectAll().where('outlet_id', '=', id).execute();
  await ctx.write.updateMany('outreach_items', items.map((before) => ({ before, patch: { outlet_id: null } })));
  const coverage = await ctx.db.selectFrom('coverage_entries').selectAll().where('outlet_id', '=', id).execute();
  await ctx.write.updateMany('coverage_entries', coverage.map((before) => ({ before, patch: { outlet_id: null, outlet_name: before.outlet_name || outlet.name } })));
  await ctx.write.remove('media_outlets', id);
  return { deleted: true };
}

// Journalists

export async function listJournalists(ctx: Db, outletId?: string): Promise<Journalist[]> {
  let select = ctx.db
    .selectFrom('journalists as j')
    .leftJoin('media_outlets as o', 'o.id', 'j.outlet_id')
    .leftJoin('people as p', 'p.id', 'j.person_id')
    .selectAll('j')
    .select(['o.name as outlet_name', 'p.name as person_name']);
  if (outletId !== undefined) select = select.where('j.outlet_id', '=', outletId);
  const rows = await select.orderBy('j.name').orderBy('j.id').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    outletId: r.outlet_id,
    outletName: r.outlet_name,
    beat: r.beat,
    email: r.email,
    phone: r.phone,
    strength: r.strength as Strength,
    relationshipNote: r.relationship_note,
    personId: r.person_id,
    personName: r.person_name,
    updatedAt: r.updated_at,
  }));
}

export async function saveJournalist(ctx: CallContext, id: string | undefined, input: JournalistInput): Promise<Journalist> {
  if (input.outletId !== null) await requireRow(ctx, 'media_outlets', input.outletId, 'Outlet', 'journalist.outletId');
  if (input.personId !== null) await requirePeople(ctx, [input.personId], 'journalist.personId');
  const columns = {
    name: input.name,
    outlet_id: input.outletId,
    beat: input.beat,
    email: input.email,
    phone: input.phone,
    strength: input.strength,
    relationship_note: input.relationshipNote,
    person_id: input.personId,
    updated_at: ctx.now,
  };
  const journalistId = id ?? randomUUID();
  if (id === undefined) await ctx.write.insert('journalists', { id: journalistId, ...columns, created_at: ctx.now });
  else if (!(await ctx.write.update('journalists', id, columns))) throw notFound('Journalist', id);
  const saved = (await listJournalists(ctx)).find((j) => j.id === journalistId);
  if (!saved) throw notFound('Journalist', journalistId);
  return saved;
}

export async function deleteJournalist(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  await requireRow(ctx, 'journalists', id, 'Journalist', 'id');
  const items = await ctx.db.selectFrom('outreach_items').selectAll().where('journalist_id', '=', id).execute();
  await ctx.write.updateMany('outreach_items', items.map((before) => ({ before, patch: { journalist_id: null } })));
  await ctx.write.remove('journalists', id);
  return { deleted: true };
}

// Outreach items

function outreachRows(ctx: Db) {
  return ctx.db
    .selectFrom('outreach_items as i')
    .leftJoin('campaigns as c', 'c.id', 'i.campaign_id')
    .leftJoin('media_outlets as o', 'o.id', 'i.outlet_id')
    .leftJoin('journalists as j', 'j.id', 'i.journalist_id')
    .leftJoin('people as p', 'p.id', 'i.owner_person_id')
    .selectAll('i')
    .select(['c.name as campaign_name', 'o.name as outlet_name', 'j.name as journalist_name', 'p.name as owner_name']);
}
type OutreachRow = Awaited<ReturnType<ReturnType<typeof outreachRows>['execute']>>[number];

function toItem(r: OutreachRow): OutreachItem {
  return {
    id: r.id,
    kind: r.kind as OutreachKind,
    title: r.title,
    campaignId: r.campaign_id,
    campaignName: r.campaign_name,
    outletId: r.outlet_id,
    outletName: r.outlet_name,
    journalistId: r.journalist_id,
    journalistName: r.journalist_name,
    ownerPersonId: r.owner_person_id,
    ownerName: r.owner_name,
    status: r.status as OutreachStatus,
    date: r.date,
    link: r.link,
    reach: r.reach,
    engagement: r.engagement,
    notes: r.notes,
    updatedAt: r.updated_at,
  };
}

export async function listOutreach(ctx: Db, filters: { campaignId?: string; status?: OutreachStatus; kind?: OutreachKind }): Promise<OutreachItem[]> {
  let select = outreachRows(ctx);
  if (filters.campaignId !== undefined) select = select.where('i.campaign_id', '=', filters.campaignId);
  if (filters.status !== undefined) select = select.where('i.status', '=', filters.status);
  if (filters.kind !== undefined) select = select.where('i.kind', '=', filters.kind);
  const rows = await select.orderBy('i.date', 'desc').orderBy('i.title').orderBy('i.id').limit(5000).execute();
  return rows.map(toItem);
}

export async function getOutreach(ctx: Db, id: string): Promise<OutreachDetail> {
  const row = await outreachRows(ctx).where('i.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Outreach item', id);
  const history = await ctx.db.selectFrom('outreach_status_changes').selectAll().where('item_id', '=', id).orderBy('changed_at').orderBy('changed_on').execute();
  return {
    ...toItem(row),
    history: history.map((h) => ({
      id: h.id,
      fromStatus: h.from_status as OutreachStatus | null,
      toStatus: h.to_status as OutreachStatus,
      on: h.changed_on,
      at: h.changed_at,
      actor: h.actor,
    })),
  };
}

async function checkOutreachReferences(ctx: Db, input: OutreachInput): Promise<void> {
  if (input.campaignId !== null) await requireRow(ctx, 'campaigns', input.campaignId, 'Campaign', 'item.campaignId');
  if (input.outletId !== null) await requireRow(ctx, 'media_outlets', input.outletId, 'Outlet', 'item.outletId');
  if (input.journalistId !== null) await requireRow(ctx, 'journalists', input.journalistId, 'Journalist', 'item.journalistId');
  if (input.ownerPersonId !== null) await requirePeople(ctx, [input.ownerPersonId], 'item.ownerPersonId');
}

async function recordStatus(ctx: CallContext, itemId: string, from: string | null, to: string, on: string): Promise<void> {
  await ctx.write.insert('outreach_status_changes', { id: randomUUID(), item_id: itemId, from_status: from, to_status: to, changed_on: on, changed_at: ctx.now, actor: ctx.actor });
}

export async function saveOutreach(ctx: CallContext, id: string | undefined, input: OutreachInput, today: string): Promise<OutreachDetail> {
  await checkOutreachReferences(ctx, input);
  const columns = {
    kind: input.kind,
    title: input.title,
    campaign_id: input.campaignId,
    outlet_id: input.outletId,
    journalist_id: input.journalistId,
    owner_person_id: input.ownerPersonId,
    status: input.status,
    date: input.date,
    link: input.link,
    reach: input.reach,
    engagement: input.engagement,
    notes: input.notes,
    updated_at: ctx.now,
  };
  if (id === undefined) {
    const itemId = randomUUID();
    await ctx.write.insert('outreach_items', { id: itemId, ...columns, created_at: ctx.now });
    await recordStatus(ctx, itemId, null, input.status, today);
    return getOutreach(ctx, itemId);
  }
  const before = await ctx.db.selectFrom('outreach_items').select('status').where('id', '=', id).executeTakeFirst();
  if (!before) throw notFound('Outreach item', id);
  await ctx.write.update('outreach_items', id, columns);
  if (before.status !== input.status) await recordStatus(ctx, id, before.status, input.status, today);
  return getOutreach(ctx, id);
}

/** The board's move: the item's own values with the new status (and what publishing needs), checked like the form. */
export async function moveOutreach(
  ctx: CallContext,
  input: { id: string; status: OutreachStatus; today: string; date?: string | null; link?: string; reach?: number | null; engagement?: number | null },
): Promise<OutreachDetail> {
  const item = await getOutreach(ctx, input.id);
  if (item.status === input.status) return item;
  const next = {
    kind: item.kind,
    title: item.title,
    campaignId: item.campaignId,
    outletId: item.outletId,
    journalistId: item.journalistId,
    ownerPersonId: item.ownerPersonId,
    status: input.status,
    date: input.date !== undefined ? input.date : (item.date ?? (input.status === 'published' ? input.today : null)),
    link: input.link ?? item.link,
    reach: input.reach !== undefined ? input.reach : item.reach,
    engagement: input.engagement !== undefined ? input.engagement : item.engagement,
    notes: item.notes,
  };
  const parsed = outreachInput.safeParse(next);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    throw new AppError('validation', issues.map((i) => i.message).join(' '), { issues });
  }
  return saveOutreach(ctx, input.id, parsed.data, input.today);
}

export async function deleteOutreach(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  await requireRow(ctx, 'outreach_items', id, 'Outreach item', 'id');
  await ctx.write.removeMany('outreach_status_changes', await ctx.db.selectFrom('outreach_status_changes').selectAll().where('item_id', '=', id).execute());
  await ctx.write.remove('outreach_items', id);
  return { deleted: true };
}

// Coverage

function toCoverage(r: Selectable<CoverageEntriesTable> & { campaign_name: string | null; linked_outlet: string | null }): CoverageEntry {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    campaignName: r.campaign_name,
    outletId: r.outlet_id,
    outletName: r.linked_outlet ?? r.outlet_name,
    headline: r.headline,
    link: r.link,
    publishedOn: r.published_on,
    reach: r.reach,
    tone: r.tone as Tone,
    notes: r.notes,
  };
}

function coverageRows(ctx: Db) {
  return ctx.db
    .selectFrom('coverage_entries as e')
    .leftJoin('campaigns as c', 'c.id', 'e.campaign_id')
    .leftJoin('media_outlets as o', 'o.id', 'e.outlet_id')
    .selectAll('e')
    .select(['c.name as campaign_name', 'o.name as linked_outlet']);
}

export async function coverageLog(ctx: Db, campaignId?: string) {
  const published = await listOutreach(ctx, { campaignId, status: 'published' });
  let select = coverageRows(ctx);
  if (campaignId !== undefined) select = select.where('e.campaign_id', '=', campaignId);
  const coverage = (await select.orderBy('e.published_on', 'desc').orderBy('e.headline').limit(5000).execute()).map(toCoverage);
  const tone = { positive: 0, neutral: 0, negative: 0 };
  for (const entry of coverage) tone[entry.tone] += 1;
  return {
    published,
    coverage,
    totals: {
      items: published.length + coverage.length,
      reach: published.reduce((n, i) => n + (i.reach ?? 0), 0) + coverage.reduce((n, e) => n + (e.reach ?? 0), 0),
      engagement: published.reduce((n, i) => n + (i.engagement ?? 0), 0),
      tone,
    },
  };
}

export async function saveCoverage(ctx: CallContext, id: string | undefined, input: CoverageInput): Promise<CoverageEntry> {
  if (input.campaignId !== null) await requireRow(ctx, 'campaigns', input.campaignId, 'Campaign', 'entry.campaignId');
  if (input.outletId !== null) await requireRow(ctx, 'media_outlets', input.outletId, 'Outlet', 'entry.outletId');
  const columns = {
    campaign_id: input.campaignId,
    outlet_id: input.outletId,
    outlet_name: input.outletName,
    headline: input.headline,
    link: input.link,
    published_on: input.publishedOn,
    reach: input.reach,
    tone: input.tone,
    notes: input.notes,
    updated_at: ctx.now,
  };
  const entryId = id ?? randomUUID();
  if (id === undefined) await ctx.write.insert('coverage_entries', { id: entryId, ...columns, created_at: ctx.now });
  else if (!(await ctx.write.update('coverage_entries', id, columns))) throw notFound('Coverage entry', id);
  const row = await coverageRows(ctx).where('e.id', '=', entryId).executeTakeFirstOrThrow();
  return toCoverage(row);
}

export async function deleteCoverage(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  if (!(await ctx.write.remove('coverage_entries', id))) throw notFound('Coverage entry', id);
  return { deleted: true };
}
