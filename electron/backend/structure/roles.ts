import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { CoalitionRole, CoalitionRoleKind, RoleInput } from '@shared/structure/contract';
import type { CallContext } from '../rpc/handlers';
import { callDate, missing, requireName, type Db } from './common';

// Coalition roles (coordinator, secretary, spokesperson…) held by people over time.

function rolesQuery(ctx: Db) {
  return ctx.db
    .selectFrom('coalition_roles as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .select(['r.id', 'r.role', 'r.title', 'r.person_id', 'p.name as person_name', 'r.start_date', 'r.end_date']);
}

type RoleRow = Awaited<ReturnType<ReturnType<typeof rolesQuery>['executeTakeFirstOrThrow']>>;

function toRole(row: RoleRow, today: string): CoalitionRole {
  return {
    id: row.id,
    role: row.role as CoalitionRoleKind,
    title: row.title,
    person: { id: row.person_id, name: row.person_name },
    startDate: row.start_date,
    endDate: row.end_date,
    current: row.start_date <= today && (row.end_date === null || row.end_date >= today),
  };
}

/** Every role assignment: current ones first, then the rest by start date, newest first. */
export async function listRoles(ctx: Db, today: string): Promise<CoalitionRole[]> {
  const rows = await rolesQuery(ctx)
    .orderBy(sql`case when r.start_date <= ${today} and (r.end_date is null or r.end_date >= ${today}) then 0 else 1 end`)
    .orderBy('r.start_date', 'desc')
    .orderBy('p.name')
    .execute();
  return rows.map((row) => toRole(row, today));
}

export async function saveRole(ctx: CallContext, input: RoleInput): Promise<CoalitionRole> {
  await requireName(ctx, 'people', input.personId, 'personId');
  const fields = { role: input.role, title: input.title, person_id: input.personId, start_date: input.startDate, end_date: input.endDate, updated_at: ctx.now };
  const id = input.id ?? randomUUID();
  if (input.id) {
    if (!(await ctx.write.update('coalition_roles', id, fields))) throw missing('Role assignment', id);
  } else {
    await ctx.write.insert('coalition_roles', { id, ...fields, created_at: ctx.now });
  }
  return toRole(await rolesQuery(ctx).where('r.id', '=', id).executeTakeFirstOrThrow(), callDate(ctx));
}

export async function deleteRole(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  if (!(await ctx.write.remove('coalition_roles', id))) throw missing('Role assignment', id);
  return { deleted: true };
}
