import { randomUUID } from 'node:crypto';
import { DUE_SOON_DAYS, GRANT_OPEN_STATUSES, type Grant, type GrantDue, type GrantInput, type GrantStatus } from '@shared/resources/contract';
import type { CallContext } from '../rpc/handlers';
import { addDays, daysBetween } from '../structure/common';
import type { GrantsTable } from './tables';
import { missing, namesFor, partyOf, requireRow, type Db } from './common';

// Grants: a funder (directory organization or a name), amounts requested and awarded in one
// currency, a status, the application deadline and the reports owed (several dates). Home shows
// deadlines and reports due in the next 30 days and those passed and not done.

export async function grantsOf(ctx: Db, rows: readonly GrantsTable[]): Promise<Grant[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const reports = new Map<string, Grant['reports']>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const r of await ctx.db.selectFrom('grant_reports').selectAll().where('grant_id', 'in', ids.slice(i, i + 500)).orderBy('due_on').orderBy('id').execute()) {
      const list = reports.get(r.grant_id) ?? [];
      list.push({ id: r.id, title: r.title, dueOn: r.due_on, doneOn: r.done_on });
      reports.set(r.grant_id, list);
    }
  }
  const names = await namesFor(ctx, rows.map((r) => ({ organizationId: r.funder_organization_id, personId: null })));
  return rows.map((r) => ({
    id: r.id,
    funder: partyOf(names, r.funder_organization_id, null, r.funder_name),
    title: r.title,
    currency: r.currency,
    requestedMinor: r.requested_minor,
    awardedMinor: r.awarded_minor,
    status: r.status as GrantStatus,
    deadline: r.deadline,
    reports: reports.get(r.id) ?? [],
    notes: r.notes,
  }));
}

export async function listGrants(ctx: Db, input: { statuses?: GrantStatus[] | undefined }): Promise<Grant[]> {
  let query = ctx.db.selectFrom('grants').selectAll();
  if (input.statuses) query = query.where('status', 'in', input.statuses.length > 0 ? input.statuses : ['']);
  // Deadlines first (soonest first), then grants without one by title.
  const rows = await query.orderBy((eb) => eb.case().when('deadline', 'is', null).then(1).else(0).end()).orderBy('deadline').orderBy('title').execute();
  return grantsOf(ctx, rows);
}

async function requireGrant(ctx: Db, id: string): Promise<GrantsTable> {
  const row = await ctx.db.selectFrom('grants').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw missing('Grant', id);
  return row;
}

export async function getGrant(ctx: Db, id: string): Promise<Grant> {
  const [grant] = await grantsOf(ctx, [await requireGrant(ctx, id)]);
  return grant as Grant;
}

export async function saveGrant(ctx: CallContext, id: string | undefined, input: GrantInput): Promise<Grant> {
  await requireRow(ctx, 'organizations', input.funderOrganizationId, 'grant.funderOrganizationId');
  const columns = {
    funder_organization_id: input.funderOrganizationId,
    funder_name: input.funderOrganizationId === null ? input.funderName : '',
    title: input.title,
    currency: input.currency,
    requested_minor: input.requestedMinor,
    awarded_minor: input.awardedMinor,
    status: input.status,
    deadline: input.deadline,
    notes: input.notes,
  };
  if (id === undefined) {
    id = randomUUID();
    await ctx.write.insert('grants', { id, ...columns, created_at: ctx.now, updated_at: ctx.now });
  } else {
    await requireGrant(ctx, id);
    await ctx.write.update('grants', id, { ...columns, updated_at: ctx.now });
  }
  // The reports: those listed are kept (changed), new ones added, missing ones removed.
  const existing = await ctx.db.selectFrom('grant_reports').selectAll().where('grant_id', '=', id).execute();
  const byId = new Map(existing.map((r) => [r.id, r]));
  const kept = new Set<string>();
  for (const [index, report] of input.reports.entries()) {
    if (report.id !== undefined) {
      if (!byId.has(report.id)) throw missing('Reporting date', report.id, `grant.reports.${index}.id`);
      kept.add(report.id);
      await ctx.write.update('grant_reports', report.id, { title: report.title, due_on: report.dueOn, done_on: report.doneOn });
    } else {
      await ctx.write.insert('grant_reports', { id: randomUUID(), grant_id: id, title: report.title, due_on: report.dueOn, done_on: report.doneOn });
    }
  }
  await ctx.write.removeMany('grant_reports', existing.filter((r) => !kept.has(r.id)));
  return getGrant(ctx, id);
}

export async function deleteGrant(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  await requireGrant(ctx, id);
  await ctx.write.removeMany('grant_reports', await ctx.db.selectFrom('grant_reports').selectAll().where('grant_id', '=', id).execute());
  await ctx.write.remove('grants', id);
  return { deleted: true };
}

/**
 * Home's grant reminders on `today`: application deadlines of grants still being prepared
 * (prospect, drafting) and reports not done, due within DUE_SOON_DAYS days or already passed;
 * a submitted/awarded/declined grant's deadline and a done report no longer show.
 */
export async function grantsDue(ctx: Db, today: string): Promise<GrantDue[]> {
  const until = addDays(today, DUE_SOON_DAYS);
  const deadlines = await ctx.db
    .selectFrom('grants')
    .select(['id', 'title', 'deadline', 'funder_organization_id', 'funder_name'])
    .where('deadline', 'is not', null)
    .where('status', 'in', [...GRANT_OPEN_STATUSES])
    .where('deadline', '<=', until)
    .execute();
  const reports = await ctx.db
    .selectFrom('grant_reports as r')
    .innerJoin('grants as g', 'g.id', 'r.grant_id')
    .select(['g.id', 'g.title as grant_title', 'g.funder_organization_id', 'g.funder_name', 'r.title', 'r.due_on'])
    .where('r.done_on', 'is', null)
    .where('r.due_on', '<=', until)
    .where('g.status', '!=', 'declined')
    .execute();
  const names = await namesFor(ctx, [...deadlines, ...reports].map((r) => ({ organizationId: r.funder_organization_id, personId: null })));
  const funder = (r: { funder_organization_id: string | null; funder_name: string }) => partyOf(names, r.funder_organization_id, null, r.funder_name).name;
  const due: GrantDue[] = [
    ...deadlines.map((g) => ({
      kind: 'deadline' as const,
      grantId: g.id,
      grantTitle: g.title,
      funderName: funder(g),
      title: '',
      dueOn: g.deadline as string,
      daysLeft: daysBetween(today, g.deadline as string),
    })),
    ...reports.map((r) => ({ kind: 'report' as const, grantId: r.id, grantTitle: r.grant_title, funderName: funder(r), title: r.title, dueOn: r.due_on, daysLeft: daysBetween(today, r.due_on) })),
  ];
  return due.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.grantTitle.localeCompare(b.grantTitle));
}
