import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { GroupMember, GroupStatus, MemberRole, WorkingGroup, WorkingGroupInput, WorkingGroupRow } from '@shared/structure/contract';
import { clearCampaignLead } from '../campaigns/links';
import type { WorkingGroupMembersTable } from '../db/schema';
import type { CallContext } from '../rpc/handlers';
import { callDate, fieldError, groupBy, missing, type Db } from './common';

// Working groups: issue-specific groups with leads and members (people, shown with the
// organizations they are affiliated with), a status and the charter goals they work toward.

/** `in (...)` lists are read in chunks of this many ids (well under SQLite's variable limit). */
const CHUNK = 500;
const STATUS_ORDER = sql<number>`case status when 'active' then 0 when 'forming' then 1 when 'paused' then 2 else 3 end`;

export async function listWorkingGroups(ctx: Db): Promise<WorkingGroupRow[]> {
  const groups = await ctx.db.selectFrom('working_groups').select(['id', 'name', 'focus_issue_area', 'status']).orderBy(STATUS_ORDER).orderBy('name').execute();
  const members = await ctx.db
    .selectFrom('working_group_members as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select(['m.working_group_id', 'm.role', 'p.id', 'p.name'])
    .where('m.left_on', 'is', null)
    .orderBy('p.name')
    .execute();
  const byGroup = groupBy(members, (m) => m.working_group_id);
  return groups.map((g) => {
    const own = byGroup.get(g.id) ?? [];
    return {
      id: g.id,
      name: g.name,
      focusIssueArea: g.focus_issue_area,
      status: g.status as GroupStatus,
      leads: own.filter((m) => m.role === 'lead').map((m) => ({ id: m.id, name: m.name })),
      memberCount: own.length,
    };
  });
}

/** Members with their people's current affiliations (primary first). */
async function toMembers(ctx: Pick<CallContext, 'db' | 'now'>, rows: readonly (WorkingGroupMembersTable & { person_name: string })[]): Promise<GroupMember[]> {
  const today = callDate(ctx);
  const personIds = [...new Set(rows.map((r) => r.person_id))];
  const affiliations: { person_id: string; id: string; name: string }[] = [];
  for (let start = 0; start < personIds.length; start += CHUNK) {
    const chunk = await ctx.db
      .selectFrom('affiliations as a')
      .innerJoin('organizations as o', 'o.id', 'a.organization_id')
      .select(['a.person_id', 'o.id', 'o.name'])
      .where('a.person_id', 'in', personIds.slice(start, start + CHUNK))
      .where((eb) => eb.or([eb('a.end_on', 'is', null), eb('a.end_on', '>=', today)]))
      .orderBy('a.is_primary', 'desc')
      .orderBy('o.name')
      .execute();
    affiliations.push(...chunk);
  }
  const organizations = groupBy(affiliations, (a) => a.person_id);
  return rows.map((r) => ({
    id: r.id,
    person: { id: r.person_id, name: r.person_name },
    organizations: (organizations.get(r.person_id) ?? []).map((o) => ({ id: o.id, name: o.name })),
    role: r.role as MemberRole,
    joinedOn: r.joined_on,
    leftOn: r.left_on,
  }));
}

function membersQuery(ctx: Db) {
  return ctx.db.selectFrom('working_group_members as m').innerJoin('people as p', 'p.id', 'm.person_id').selectAll('m').select('p.name as person_name');
}

export async function getWorkingGroup(ctx: Pick<CallContext, 'db' | 'now'>, id: string): Promise<WorkingGroup> {
  const group = await ctx.db.selectFrom('working_groups').selectAll().where('id', '=', id).executeTakeFirst();
  if (!group) throw missing('Working group', id);
  const goals = await ctx.db
    .selectFrom('working_group_goals as l')
    .innerJoin('charter_goal as g', 'g.id', 'l.goal_id')
    .select(['g.id', 'g.title'])
    .where('l.working_group_id', '=', id)
    .orderBy('g.position')
    .execute();
  const rows = await membersQuery(ctx)
    .where('m.working_group_id', '=', id)
    // Current members first, leads before members, then by name; former members after them.
    .orderBy(sql`m.left_on is not null`)
    .orderBy(sql`m.role = 'lead'`, 'desc')
    .orderBy('p.name')
    .orderBy('m.joined_on', 'desc')
    .execute();
  return {
    id: group.id,
    name: group.name,
    focusIssueArea: group.focus_issue_area,
    description: group.description,
    objectives: group.objectives,
    status: group.status as GroupStatus,
    goals,
    members: await toMembers(ctx, rows),
    updatedAt: group.updated_at,
  };
}

export async function saveWorkingGroup(ctx: CallContext, input: WorkingGroupInput): Promise<WorkingGroup> {
  const clash = await ctx.db
    .selectFrom('working_groups')
    .select('id')
    .where(sql<boolean>`name = ${input.name} collate nocase`)
    .$if(input.id !== undefined, (q) => q.where('id', '!=', input.id ?? ''))
    .executeTakeFirst();
  if (clash) throw fieldError('conflict', 'name', `A working group named “${input.name}” already exists.`);
  for (const [index, goalId] of input.goalIds.entries()) {
    const goal = await ctx.db.selectFrom('charter_goal').select('id').where('id', '=', goalId).executeTakeFirst();
    if (!goal) throw fieldError('not_found', `goalIds.${index}`, 'This goal is no longer in the charter draft. Reload and choose again.');
  }
  const fields = {
    name: input.name,
    focus_issue_area: input.focusIssueArea,
    description: input.description,
    objectives: input.objectives,
    status: input.status,
    updated_at: ctx.now,
  };
  const id = input.id ?? randomUUID();
  if (input.id) {
    if (!(await ctx.write.update('working_groups', id, fields))) throw missing('Working group', id);
  } else {
    await ctx.write.insert('working_groups', { id, ...fields, created_at: ctx.now });
  }
  const links = await ctx.db.selectFrom('working_group_goals').selectAll().where('working_group_id', '=', id).execute();
  const wanted = new Set(input.goalIds);
  await ctx.write.removeMany('working_group_goals', links.filter((l) => !wanted.has(l.goal_id)));
  const linked = new Set(links.map((l) => l.goal_id));
  await ctx.write.insertMany(
    'working_group_goals',
    input.goalIds.filter((g) => !linked.has(g)).map((goalId) => ({ id: randomUUID(), working_group_id: id, goal_id: goalId })),
  );
  return getWorkingGroup(ctx, id);
}

export async function deleteWorkingGroup(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  const group = await ctx.db.selectFrom('working_groups').select('id').where('id', '=', id).executeTakeFirst();
  if (!group) throw missing('Working group', id);
  const meetings = await ctx.db.selectFrom('meetings').select((eb) => eb.fn.countAll<number>().as('n')).where('working_group_id', '=', id).executeTakeFirstOrThrow();
  if (Number(meetings.n) > 0) {
    throw fieldError('conflict', 'id', `${Number(meetings.n) === 1 ? 'A meeting belongs' : `${meetings.n} meetings belong`} to this working group. Close the group instead (its history stays), or move the meetings to another group first.`);
  }
  await clearCampaignLead(ctx, id);
  await ctx.write.removeMany('working_group_goals', await ctx.db.selectFrom('working_group_goals').selectAll().where('working_group_id', '=', id).execute());
  await ctx.write.removeMany('working_group_members', await ctx.db.selectFrom('working_group_members').selectAll().where('working_group_id', '=', id).execute());
  await ctx.write.remove('working_groups', id);
  return { deleted: true };
}

/** Adds people as current members; people who already are current members are left as they are. */
export async function addMembers(
  ctx: CallContext,
  input: { workingGroupId: string; personIds: string[]; role: MemberRole; joinedOn: string },
): Promise<{ added: number; alreadyMembers: number }> {
  const group = await ctx.db.selectFrom('working_groups').select('id').where('id', '=', input.workingGroupId).executeTakeFirst();
  if (!group) throw missing('Working group', input.workingGroupId, 'workingGroupId');
  const ids = [...new Set(input.personIds)];
  const rows: WorkingGroupMembersTable[] = [];
  let already = 0;
  let absent = 0;
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK);
    const found = new Set((await ctx.db.selectFrom('people').select('id').where('id', 'in', chunk).execute()).map((p) => p.id));
    const current = new Set(
      (
        await ctx.db
          .selectFrom('working_group_members')
          .select('person_id')
          .where('working_group_id', '=', input.workingGroupId)
          .where('left_on', 'is', null)
          .where('person_id', 'in', chunk)
          .execute()
      ).map((m) => m.person_id),
    );
    for (const personId of chunk) {
      if (!found.has(personId)) absent++;
      else if (current.has(personId)) already++;
      else rows.push({ id: randomUUID(), working_group_id: input.workingGroupId, person_id: personId, role: input.role, joined_on: input.joinedOn, left_on: null });
    }
  }
  if (absent > 0) {
    const message =
      absent === 1
        ? 'One of the chosen people no longer exists; nobody was added. Reload and try again.'
        : `${absent} of the chosen people no longer exist; nobody was added. Reload and try again.`;
    throw fieldError('not_found', 'personIds', message);
  }
  await ctx.write.insertMany('working_group_members', rows);
  return { added: rows.length, alreadyMembers: already };
}

export async function updateMember(ctx: CallContext, id: string, input: { role: MemberRole; joinedOn: string; leftOn: string | null }): Promise<GroupMember> {
  const member = await ctx.db.selectFrom('working_group_members').selectAll().where('id', '=', id).executeTakeFirst();
  if (!member) throw missing('Membership', id);
  if (input.leftOn === null && member.left_on !== null) {
    const current = await ctx.db
      .selectFrom('working_group_members')
      .select('id')
      .where('working_group_id', '=', member.working_group_id)
      .where('person_id', '=', member.person_id)
      .where('left_on', 'is', null)
      .executeTakeFirst();
    if (current) throw fieldError('conflict', 'leftOn', 'This person is already a current member of the group again; give the date they left.');
  }
  await ctx.write.update('working_group_members', id, { role: input.role, joined_on: input.joinedOn, left_on: input.leftOn });
  const [updated] = await toMembers(ctx, await membersQuery(ctx).where('m.id', '=', id).execute());
  if (!updated) throw missing('Membership', id);
  return updated;
}

export async function removeMember(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  if (!(await ctx.write.remove('working_group_members', id))) throw missing('Membership', id);
  return { deleted: true };
}
