import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { AppError } from '@shared/errors';
import { type ActionItem, type ActionItemInput, type ActionStatus } from '@shared/meetings/contract';
import type { ActionItemsTable } from '../db/schema';
import type { CallContext } from '../rpc/handlers';
import { requireMeetingRow, requirePeople, type Db } from './common';

export interface ActionItemFilters {
  ownerPersonId?: string | undefined;
  meetingId?: string | undefined;
  workingGroupId?: string | undefined;
  openOnly?: boolean | undefined;
  /** Open items due before this day. */
  overdueOn?: string | undefined;
}

/** The open statuses as literal SQL: the partial index action_items_open_due applies only to this exact condition. */
const OPEN = sql<boolean>`a.status in ('open', 'in_progress')`;

function filtered(ctx: Db, filters: ActionItemFilters) {
  let query = ctx.db.selectFrom('action_items as a');
  if (filters.ownerPersonId) query = query.where('a.owner_person_id', '=', filters.ownerPersonId);
  if (filters.meetingId) query = query.where('a.meeting_id', '=', filters.meetingId);
  if (filters.workingGroupId) {
    const groupId = filters.workingGroupId;
    query = query.where((eb) => eb.exists(eb.selectFrom('meetings as g').select('g.id').whereRef('g.id', '=', 'a.meeting_id').where('g.working_group_id', '=', groupId)));
  }
  if (filters.openOnly || filters.overdueOn) query = query.where(OPEN);
  if (filters.overdueOn) query = query.where('a.due_on', '<', filters.overdueOn);
  return query;
}

function rowsOf(ctx: Db, filters: ActionItemFilters) {
  const query = filtered(ctx, filters)
    .leftJoin('meetings as m', 'm.id', 'a.meeting_id')
    .leftJoin('people as p', 'p.id', 'a.owner_person_id')
    .select([
      'a.id',
      'a.meeting_id',
      'm.title as meeting_title',
      'm.starts_at as meeting_starts_at',
      'a.description',
      'a.owner_person_id',
      'p.name as owner_name',
      'a.due_on',
      'a.status',
      'a.done_on',
    ]);
  // Earliest due first (overdue items all have a date: read in the open-items index's order), undated last.
  return filters.overdueOn ? query.orderBy('a.due_on').orderBy('a.id') : query.orderBy(sql`a.due_on is null`).orderBy('a.due_on').orderBy('a.id');
}

type Row = Awaited<ReturnType<ReturnType<typeof rowsOf>['execute']>>[number];

function toActionItem(r: Row): ActionItem {
  return {
    id: r.id,
    meetingId: r.meeting_id,
    meetingTitle: r.meeting_title,
    meetingStartsAt: r.meeting_starts_at,
    description: r.description,
    ownerPersonId: r.owner_person_id,
    ownerName: r.owner_name,
    dueOn: r.due_on,
    status: r.status as ActionStatus,
    doneOn: r.done_on,
  };
}

export async function actionItemsOf(ctx: Db, filters: ActionItemFilters): Promise<ActionItem[]> {
  return (await rowsOf(ctx, filters).execute()).map(toActionItem);
}

export async function listActionItems(ctx: Db, input: ActionItemFilters & { offset: number; limit: number }): Promise<{ total: number; rows: ActionItem[] }> {
  const counted = await filtered(ctx, input).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await rowsOf(ctx, input).offset(input.offset).limit(input.limit).execute();
  return { total: Number(counted.n), rows: rows.map(toActionItem) };
}

function itemNotFound(id: string): AppError {
  return new AppError('not_found', `Action item ${id} does not exist (it may have been deleted).`, { issues: [{ path: 'id', message: 'This action item does not exist.' }] });
}

async function requireItem(ctx: Db, id: string): Promise<ActionItem> {
  const row = await rowsOf(ctx, {}).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw itemNotFound(id);
  return toActionItem(row);
}

/** When an item was done: kept while it stays done, today (the call's UTC day) when it becomes done, else none. */
function doneOn(ctx: CallContext, status: ActionStatus, before: Pick<ActionItemsTable, 'status' | 'done_on'> | undefined): string | null {
  if (status !== 'done') return null;
  return before?.status === 'done' && before.done_on ? before.done_on : ctx.now.slice(0, 10);
}

export async function saveActionItem(ctx: CallContext, input: ActionItemInput): Promise<ActionItem> {
  if (input.meetingId) await requireMeetingRow(ctx, input.meetingId, 'meetingId');
  await requirePeople(ctx, [input.ownerPersonId], 'ownerPersonId');
  const columns = { meeting_id: input.meetingId, description: input.description, owner_person_id: input.ownerPersonId, due_on: input.dueOn, status: input.status, updated_at: ctx.now };
  if (input.id) {
    const before = await ctx.db.selectFrom('action_items').select(['status', 'done_on']).where('id', '=', input.id).executeTakeFirst();
    if (!before) throw itemNotFound(input.id);
    await ctx.write.update('action_items', input.id, { ...columns, done_on: doneOn(ctx, input.status, before) });
    return requireItem(ctx, input.id);
  }
  const id = randomUUID();
  await ctx.write.insert('action_items', { id, ...columns, done_on: doneOn(ctx, input.status, undefined), created_at: ctx.now });
  return requireItem(ctx, id);
}

export async function setActionStatus(ctx: CallContext, input: { id: string; status: ActionStatus }): Promise<ActionItem> {
  const before = await ctx.db.selectFrom('action_items').select(['status', 'done_on']).where('id', '=', input.id).executeTakeFirst();
  if (!before) throw itemNotFound(input.id);
  await ctx.write.update('action_items', input.id, { status: input.status, done_on: doneOn(ctx, input.status, before), updated_at: ctx.now });
  return requireItem(ctx, input.id);
}

export async function deleteActionItem(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  if (!(await ctx.write.remove('action_items', id))) throw itemNotFound(id);
  return { deleted: true };
}

/** A deleted meeting's action items stay, as standalone items. */
export async function detachActionItems(ctx: CallContext, meetingId: string): Promise<void> {
  const rows = await ctx.db.selectFrom('action_items').selectAll().where('meeting_id', '=', meetingId).execute();
  await ctx.write.updateMany('action_items', rows.map((before) => ({ before, patch: { meeting_id: null, updated_at: ctx.now } })));
}
