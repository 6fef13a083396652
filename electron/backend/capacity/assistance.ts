import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import {
  TA_NEXT,
  TA_OPEN_STATUSES,
  TA_STATUSES,
  type TaCategory,
  type TaDetail,
  type TaRequestInput,
  type TaRow,
  type TaStatus,
  type Urgency,
} from '@shared/capacity/contract';
import type { CallContext } from '../rpc/handlers';
import { fieldError, missing, namesOf, requireRow, type Db } from '../resources/common';
import { daysBetween } from '../structure/common';
import type { TaRequestsTable } from './tables';

// Technical assistance: requests from partner organizations, a provider (person or organization),
// a status that moves open → assigned → in progress → resolved / closed with each step dated in
// ta_status_changes, hours spent and the outcome. Days open run from opening to today (or to the
// day it was resolved or closed).

async function rowsOf(ctx: Db, rows: readonly TaRequestsTable[], today: string): Promise<TaRow[]> {
  const organizations = await namesOf(ctx, 'organizations', rows.flatMap((r) => [r.organization_id, r.provider_organization_id]));
  const people = await namesOf(ctx, 'people', rows.map((r) => r.provider_person_id));
  return rows.map((r) => ({
    id: r.id,
    organization: { id: r.organization_id, name: organizations.get(r.organization_id) ?? '' },
    category: r.category as TaCategory,
    description: r.description,
    urgency: r.urgency as Urgency,
    provider: r.provider_person_id
      ? { id: r.provider_person_id, name: people.get(r.provider_person_id) ?? '' }
      : r.provider_organization_id
        ? { id: r.provider_organization_id, name: organizations.get(r.provider_organization_id) ?? '' }
        : null,
    status: r.status as TaStatus,
    openedOn: r.opened_on,
    resolvedOn: r.resolved_on,
    daysOpen: Math.max(0, daysBetween(r.opened_on, r.resolved_on ?? today)),
    hoursSpent: r.hours_spent,
  }));
}

/** One page of requests and the total: open by age (the oldest open first), then the finished ones, newest first. */
export async function listRequests(ctx: Db, input: { today: string; openOnly: boolean; offset: number; limit: number }): Promise<{ total: number; rows: TaRow[] }> {
  let query = ctx.db.selectFrom('ta_requests');
  if (input.openOnly) query = query.where('status', 'in', [...TA_OPEN_STATUSES]);
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const open = sql`status in (${sql.join([...TA_OPEN_STATUSES])})`;
  const rows = await query
    .selectAll()
    .orderBy(sql`case when ${open} then 0 else 1 end`)
    .orderBy(sql`case when ${open} then opened_on end`)
    .orderBy(sql`case when ${open} then created_at end`)
    .orderBy('opened_on', 'desc')
    .orderBy('created_at', 'desc')
    .offset(input.offset)
    .limit(input.limit)
    .execute();
  return { total: Number(total?.n ?? 0), rows: await rowsOf(ctx, rows, input.today) };
}

async function requireRequest(ctx: Db, id: string): Promise<TaRequestsTable> {
  const row = await ctx.db.selectFrom('ta_requests').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw missing('Assistance request', id);
  return row;
}

export async function getRequest(ctx: Db, id: string, today: string): Promise<TaDetail> {
  const request = await requireRequest(ctx, id);
  const [row] = await rowsOf(ctx, [request], today);
  const contact = request.contact_person_id ? await ctx.db.selectFrom('people').select('name').where('id', '=', request.contact_person_id).executeTakeFirst() : undefined;
  const history = await ctx.db.selectFrom('ta_status_changes').selectAll().where('request_id', '=', id).orderBy('changed_on').orderBy(sql`rowid`).execute();
  return {
    ...(row as TaRow),
    contactPersonId: request.contact_person_id,
    contactName: contact?.name ?? null,
    providerPersonId: request.provider_person_id,
    providerOrganizationId: request.provider_organization_id,
    outcome: request.outcome,
    history: history.map((h) => ({ id: h.id, status: h.status as TaStatus, changedOn: h.changed_on, note: h.note })),
    createdAt: request.created_at,
    updatedAt: request.updated_at,
  };
}

async function checkRefs(ctx: Db, input: TaRequestInput, prefix: string): Promise<void> {
  await requireRow(ctx, 'organizations', input.organizationId, `${prefix}organizationId`);
  await requireRow(ctx, 'people', input.contactPersonId, `${prefix}contactPersonId`);
  await requireRow(ctx, 'people', input.providerPersonId, `${prefix}providerPersonId`);
  await requireRow(ctx, 'organizations', input.providerOrganizationId, `${prefix}providerOrganizationId`);
}

function columns(input: TaRequestInput) {
  return {
    organization_id: input.organizationId,
    contact_person_id: input.contactPersonId,
    category: input.category,
    description: input.description,
    urgency: input.urgency,
    provider_person_id: input.providerPersonId,
    provider_organization_id: input.providerOrganizationId,
    opened_on: input.openedOn,
    hours_spent: input.hoursSpent,
    outcome: input.outcome,
  };
}

async function recordStatus(ctx: CallContext, requestId: string, status: TaStatus, on: string, note: string): Promise<void> {
  await ctx.write.insert('ta_status_changes', { id: randomUUID(), request_id: requestId, status, changed_on: on, note, created_at: ctx.now });
}

/** A new request is open, or assigned at once when a provider is given (both steps in its history). */
export async function createRequest(ctx: CallContext, input: TaRequestInput, today: string): Promise<TaDetail> {
  await checkRefs(ctx, input, 'request.');
  const id = randomUUID();
  const assigned = input.providerPersonId !== null || input.providerOrganizationId !== null;
  await ctx.write.insert('ta_requests', {
    id,
    ...columns(input),
    status: assigned ? 'assigned' : 'open',
    resolved_on: null,
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  await recordStatus(ctx, id, 'open', input.openedOn, '');
  if (assigned) await recordStatus(ctx, id, 'assigned', input.openedOn, '');
  return getRequest(ctx, id, today);
}

export async function updateRequest(ctx: CallContext, id: string, input: TaRequestInput, today: string): Promise<TaDetail> {
  const before = await requireRequest(ctx, id);
  await checkRefs(ctx, input, 'request.');
  if (before.status !== 'open' && input.providerPersonId === null && input.providerOrganizationId === null) {
    throw fieldError('conflict', 'request.providerPersonId', `This request is ${TA_STATUSES[before.status as TaStatus].toLowerCase()}; it keeps a provider (move it back to open to remove the provider).`);
  }
  if (before.resolved_on !== null && input.openedOn > before.resolved_on) {
    throw fieldError('validation', 'request.openedOn', `The request was finished on ${before.resolved_on}; it cannot open after that.`);
  }
  await ctx.write.update('ta_requests', id, { ...columns(input), updated_at: ctx.now });
  return getRequest(ctx, id, today);
}

export async function setStatus(ctx: CallContext, input: { id: string; status: TaStatus; on: string; note: string; today: string }): Promise<TaDetail> {
  const request = await requireRequest(ctx, input.id);
  const from = request.status as TaStatus;
  if (from === input.status) return getRequest(ctx, input.id, input.today);
  if (!TA_NEXT[from].includes(input.status)) {
    const allowed = TA_NEXT[from].map((s) => TA_STATUSES[s].toLowerCase()).join(', ');
    throw fieldError('conflict', 'status', `A request that is ${TA_STATUSES[from].toLowerCase()} can move to ${allowed}, not to ${TA_STATUSES[input.status].toLowerCase()}.`);
  }
  const hasProvider = request.provider_person_id !== null || request.provider_organization_id !== null;
  if ((input.status === 'assigned' || input.status === 'in_progress' || input.status === 'resolved') && !hasProvider) {
    throw fieldError('conflict', 'status', 'Choose who provides the assistance (a person or an organization) before assigning the request.');
  }
  const last = await ctx.db.selectFrom('ta_status_changes').select('changed_on').where('request_id', '=', input.id).orderBy('changed_on', 'desc').limit(1).executeTakeFirst();
  const floor = last?.changed_on ?? request.opened_on;
  if (input.on < floor) throw fieldError('validation', 'on', `The last step was on ${floor}; a new status cannot be dated earlier.`);
  const finished = input.status === 'resolved' || input.status === 'closed';
  await ctx.write.update('ta_requests', input.id, { status: input.status, resolved_on: finished ? input.on : null, updated_at: ctx.now });
  await recordStatus(ctx, input.id, input.status, input.on, input.note);
  return getRequest(ctx, input.id, input.today);
}

export async function deleteRequest(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  await requireRequest(ctx, id);
  await ctx.write.removeMany('ta_status_changes', await ctx.db.selectFrom('ta_status_changes').selectAll().where('request_id', '=', id).execute());
  await ctx.write.remove('ta_requests', id);
  return { deleted: true };
}
