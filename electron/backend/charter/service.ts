import { randomUUID } from 'node:crypto';
import { AppError } from '@shared/errors';
import type { CharterContent, CompareSide, Draft, DraftInput, Goal, Version, VersionSummary } from '@shared/charter/contract';
import type { CharterGoalTable } from '../db/schema';
import type { CallContext } from '../rpc/handlers';
import { unlinkCampaignGoal } from '../campaigns/links';
import { unlinkMetricGoal } from '../metrics/links';
import { unlinkGoal } from '../structure/links';
import { diffCharters, sameContent } from './diff';

type Db = Pick<CallContext, 'db'>;
const DRAFT_ID = 'draft';

export async function getDraftContent({ db }: Db): Promise<CharterContent> {
  const row = await db.selectFrom('charter_draft').selectAll().where('id', '=', DRAFT_ID).executeTakeFirst();
  const goals = await db.selectFrom('charter_goal').selectAll().orderBy('position').execute();
  return {
    mission: row?.mission ?? '',
    vision: row?.vision ?? '',
    values: row ? (JSON.parse(row.values_json) as string[]) : [],
    goals: goals.map(goalFromRow),
  };
}

export async function getDraft(ctx: Db): Promise<Draft> {
  const content = await getDraftContent(ctx);
  const row = await ctx.db.selectFrom('charter_draft').select('updated_at').where('id', '=', DRAFT_ID).executeTakeFirst();
  const latest = await latestVersion(ctx);
  return {
    ...content,
    updatedAt: row?.updated_at ?? null,
    latestVersion: latest?.number ?? null,
    hasUnadoptedChanges: latest ? !sameContent(latest.content, content) : !isEmpty(content),
  };
}

/** Replaces the draft. Goals keep their ids; goals left out are deleted; order is as given. */
export async function saveDraft(ctx: CallContext, input: DraftInput): Promise<Draft> {
  const { write } = ctx;
  const draftFields = {
    mission: input.mission,
    vision: input.vision,
    values_json: JSON.stringify(input.values),
    updated_at: ctx.now,
  };
  if (!(await write.update('charter_draft', DRAFT_ID, draftFields))) {
    await write.insert('charter_draft', { id: DRAFT_ID, ...draftFields });
  }

  const existing = new Set((await ctx.db.selectFrom('charter_goal').select('id').execute()).map((g) => g.id));
  const kept = new Set<string>();
  for (const [position, goal] of input.goals.entries()) {
    if (goal.id && !existing.has(goal.id)) {
      throw new AppError('not_found', `Goal ${position + 1} ("${goal.title}") no longer exists in the draft. Reload the charter and try again.`, {
        issues: [{ path: `goals.${position}.id`, message: 'This goal no longer exists.' }],
      });
    }
    if (goal.id && kept.has(goal.id)) {
      throw new AppError('validation', `Goal ${position + 1} ("${goal.title}") appears twice.`, {
        issues: [{ path: `goals.${position}.id`, message: 'This goal appears twice.' }],
      });
    }
    const id = goal.id ?? randomUUID();
    const row = goalToRow({ ...goal, id }, position);
    if (goal.id) await write.update('charter_goal', id, row);
    else await write.insert('charter_goal', row);
    kept.add(id);
  }
  for (const id of existing) {
    if (kept.has(id)) continue;
    await unlinkGoal(ctx, id); // working groups linked to the goal
    await unlinkCampaignGoal(ctx, id); // campaigns aimed at it
    await unlinkMetricGoal(ctx, id); // metrics measuring it
    await write.remove('charter_goal', id);
  }
  return getDraft(ctx);
}

export async function adopt(ctx: CallContext, input: { adoptedOn: string; note: string }): Promise<Version> {
  const content = await getDraftContent(ctx);
  if (!content.mission.trim()) {
    throw new AppError('validation', 'Write the mission before adopting the charter.', {
      issues: [{ path: 'mission', message: 'The mission is required to adopt a charter.' }],
    });
  }
  const latest = await latestVersion(ctx);
  if (latest && sameContent(latest.content, content)) {
    throw new AppError('conflict', `Nothing changed since version ${latest.number}; there is nothing new to adopt.`);
  }
  if (latest && input.adoptedOn < latest.adoptedOn) {
    throw new AppError('validation', `Version ${latest.number} was adopted on ${latest.adoptedOn}; a later version cannot be adopted before it.`, {
      issues: [{ path: 'adoptedOn', message: `Must be on or after ${latest.adoptedOn}.` }],
    });
  }
  const number = (latest?.number ?? 0) + 1;
  await ctx.write.insert('charter_version', {
    id: randomUUID(),
    number,
    adopted_on: input.adoptedOn,
    adopted_at: ctx.now,
    note: input.note,
    content_json: JSON.stringify(content),
  });
  return getVersion(ctx, number);
}

export async function listVersions({ db }: Db): Promise<VersionSummary[]> {
  const rows = await db.selectFrom('charter_version').select(['number', 'adopted_on', 'adopted_at', 'note']).orderBy('number', 'desc').execute();
  return rows.map((r) => ({ number: r.number, adoptedOn: r.adopted_on, adoptedAt: r.adopted_at, note: r.note }));
}

export async function getVersion({ db }: Db, number: number): Promise<Version> {
  const row = await db.selectFrom('charter_version').selectAll().where('number', '=', number).executeTakeFirst();
  if (!row) throw new AppError('not_found', `Charter version ${number} does not exist.`);
  return {
    number: row.number,
    adoptedOn: row.adopted_on,
    adoptedAt: row.adopted_at,
    note: row.note,
    content: JSON.parse(row.content_json) as CharterContent,
  };
}

export async function compare(ctx: Db, from: CompareSide, to: CompareSide) {
  const load = async (side: CompareSide) => (side === 'draft' ? getDraftContent(ctx) : (await getVersion(ctx, side)).content);
  return diffCharters(from, await load(from), to, await load(to));
}

async function latestVersion(ctx: Db): Promise<Version | null> {
  const row = await ctx.db.selectFrom('charter_version').select('number').orderBy('number', 'desc').limit(1).executeTakeFirst();
  return row ? getVersion(ctx, row.number) : null;
}

function isEmpty(c: CharterContent): boolean {
  return !c.mission && !c.vision && c.values.length === 0 && c.goals.length === 0;
}

function goalFromRow(row: CharterGoalTable): Goal {
  return {
    id: row.id,
    category: row.category as Goal['category'],
    title: row.title,
    description: row.description,
    target:
      row.target_metric === null || row.target_value === null
        ? null
        : { metric: row.target_metric, value: row.target_value, unit: row.target_unit ?? '', dueOn: row.target_due_on },
  };
}

function goalToRow(goal: Goal, position: number): CharterGoalTable {
  return {
    id: goal.id,
    position,
    category: goal.category,
    title: goal.title,
    description: goal.description,
    target_metric: goal.target?.metric ?? null,
    target_value: goal.target?.value ?? null,
    target_unit: goal.target?.unit ?? null,
    target_due_on: goal.target?.dueOn ?? null,
  };
}
