import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { AppError } from '@shared/errors';
import type { Body, BodyInput, BodyKind, Committee, CommitteeInput, Level } from '@shared/policy/contract';
import type { CallContext } from '../rpc/handlers';
import { notFound, requireIds, type Db } from './common';

// Bodies and agencies (councils, chambers, parliaments, regulatory and administrative agencies,
// with their responsibilities) and the committees officials sit on.

function bodyColumns(input: BodyInput) {
  return {
    name: input.name,
    kind: input.kind,
    level: input.level,
    jurisdiction: input.jurisdiction,
    responsibilities: input.responsibilities,
    website: input.website,
    email: input.email,
    phone: input.phone,
    notes: input.notes,
  };
}

export async function listBodies(ctx: Db): Promise<Body[]> {
  const rows = await ctx.db
    .selectFrom('policy_bodies as b')
    .selectAll('b')
    .select([
      (eb) => eb.selectFrom('officials as o').select((e) => e.fn.countAll<number>().as('n')).whereRef('o.body_id', '=', 'b.id').as('officials'),
      (eb) => eb.selectFrom('committees as c').select((e) => e.fn.countAll<number>().as('n')).whereRef('c.body_id', '=', 'b.id').as('committees'),
    ])
    .orderBy(sql`b.name collate nocase`)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind as BodyKind,
    level: row.level as Level,
    jurisdiction: row.jurisdiction,
    responsibilities: row.responsibilities,
    website: row.website,
    email: row.email,
    phone: row.phone,
    notes: row.notes,
    officials: Number(row.officials ?? 0),
    committees: Number(row.committees ?? 0),
  }));
}

async function getBody(ctx: Db, id: string): Promise<Body> {
  const found = (await listBodies(ctx)).find((b) => b.id === id);
  if (!found) throw notFound('policy_bodies', id, 'id');
  return found;
}

export async function createBody(ctx: CallContext, input: BodyInput): Promise<Body> {
  const id = randomUUID();
  await ctx.write.insert('policy_bodies', { id, ...bodyColumns(input), created_at: ctx.now, updated_at: ctx.now });
  return getBody(ctx, id);
}

export async function updateBody(ctx: CallContext, id: string, input: BodyInput): Promise<Body> {
  if (!(await ctx.write.update('policy_bodies', id, { ...bodyColumns(input), updated_at: ctx.now }))) throw notFound('policy_bodies', id, 'id');
  return getBody(ctx, id);
}

export async function deleteBody(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  const body = await getBody(ctx, id);
  if (body.officials > 0 || body.committees > 0) {
    throw new AppError(
      'conflict',
      `${body.name} still has ${body.officials} official${body.officials === 1 ? '' : 's'} and ${body.committees} committee${body.committees === 1 ? '' : 's'}: move or delete them first.`,
    );
  }
  await ctx.write.remove('policy_bodies', id);
  return { deleted: true };
}

export async function listCommittees(ctx: Db, bodyId: string | null): Promise<Committee[]> {
  let query = ctx.db
    .selectFrom('committees as c')
    .leftJoin('policy_bodies as b', 'b.id', 'c.body_id')
    .select(['c.id', 'c.name', 'c.body_id', 'c.description', 'b.name as body_name'])
    .select((eb) => eb.selectFrom('committee_members as m').select((e) => e.fn.countAll<number>().as('n')).whereRef('m.committee_id', '=', 'c.id').as('members'))
    .orderBy(sql`c.name collate nocase`);
  if (bodyId) query = query.where('c.body_id', '=', bodyId);
  const rows = await query.execute();
  return rows.map((row) => ({ id: row.id, name: row.name, bodyId: row.body_id, bodyName: row.body_name, description: row.description, members: Number(row.members ?? 0) }));
}

async function getCommittee(ctx: Db, id: string): Promise<Committee> {
  const found = (await listCommittees(ctx, null)).find((c) => c.id === id);
  if (!found) throw notFound('committees', id, 'id');
  return found;
}

export async function createCommittee(ctx: CallContext, input: CommitteeInput): Promise<Committee> {
  await requireIds(ctx, 'policy_bodies', [input.bodyId], 'bodyId');
  const id = randomUUID();
  await ctx.write.insert('committees', { id, name: input.name, body_id: input.bodyId, description: input.description, created_at: ctx.now, updated_at: ctx.now });
  return getCommittee(ctx, id);
}

export async function updateCommittee(ctx: CallContext, id: string, input: CommitteeInput): Promise<Committee> {
  await requireIds(ctx, 'policy_bodies', [input.bodyId], 'committee.bodyId');
  if (!(await ctx.write.update('committees', id, { name: input.name, body_id: input.bodyId, description: input.description, updated_at: ctx.now }))) {
    throw notFound('committees', id, 'id');
  }
  return getCommittee(ctx, id);
}

/** A committee's memberships go; bills and hearings in it keep no committee. */
export async function deleteCommittee(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  await getCommittee(ctx, id);
  await ctx.write.removeMany('committee_members', await ctx.db.selectFrom('committee_members').selectAll().where('committee_id', '=', id).execute());
  const bills = await ctx.db.selectFrom('bills').selectAll().where('committee_id', '=', id).execute();
  await ctx.write.updateMany('bills', bills.map((before) => ({ before, patch: { committee_id: null, updated_at: ctx.now } })));
  const hearings = await ctx.db.selectFrom('bill_hearings').selectAll().where('committee_id', '=', id).execute();
  await ctx.write.updateMany('bill_hearings', hearings.map((before) => ({ before, patch: { committee_id: null } })));
  await ctx.write.remove('committees', id);
  return { deleted: true };
}
