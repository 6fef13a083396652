import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { AppError } from '@shared/errors';
import type { InteractionKind } from '@shared/directory/enums';
import type { Interaction, InteractionInput } from '@shared/directory/interactions';
import type { CallContext } from '../../rpc/handlers';

type Db = Pick<CallContext, 'db'>;
type Of = { organizationId: string } | { personId: string };

function interactionNotFound(id: string): AppError {
  return new AppError('not_found', `Interaction ${id} does not exist (it may have been deleted).`, {
    issues: [{ path: 'id', message: 'This interaction does not exist.' }],
  });
}

/** Full interactions for the given ids, in the order given, with participants' names (two queries in all). */
async function loadInteractions({ db }: Db, ids: readonly string[]): Promise<Interaction[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('interactions').selectAll().where('id', 'in', ids).execute();
  const participants = await sql<{ interaction_id: string; entity: 'person' | 'organization'; id: string; name: string }>`
    select ip.interaction_id,
           case when ip.person_id is not null then 'person' else 'organization' end as entity,
           coalesce(p.id, o.id) as id,
           coalesce(p.name, o.name) as name
      from interaction_participants ip
      left join people p on p.id = ip.person_id
      left join organizations o on o.id = ip.organization_id
     where ip.interaction_id in (${sql.join(ids)})
     order by coalesce(p.name, o.name) collate nocase, coalesce(p.id, o.id)`.execute(db);
  const people = new Map<string, { id: string; name: string }[]>();
  const organizations = new Map<string, { id: string; name: string }[]>();
  for (const p of participants.rows) {
    const into = p.entity === 'person' ? people : organizations;
    const list = into.get(p.interaction_id) ?? [];
    list.push({ id: p.id, name: p.name });
    into.set(p.interaction_id, list);
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        id: r.id,
        kind: r.kind as InteractionKind,
        occurredOn: r.occurred_on,
        summary: r.summary,
        people: people.get(id) ?? [],
        organizations: organizations.get(id) ?? [],
        followUp:
          r.follow_up_owner === null || r.follow_up_due_on === null
            ? null
            : { owner: r.follow_up_owner, dueOn: r.follow_up_due_on, done: r.follow_up_done === 1 },
        createdAt: r.created_at,
      },
    ];
  });
}

export async function getInteraction(ctx: Db, id: string): Promise<Interaction> {
  const [found] = await loadInteractions(ctx, [id]);
  if (!found) throw interactionNotFound(id);
  return found;
}

/**
 * A person's or an organization's interactions, newest first, one page at a time. Reads the
 * participants' partial indexes `(person_id | organization_id, occurred_on desc)`.
 */
export async function interactionsOf(ctx: Db, of: Of, page: { offset: number; limit: number }): Promise<{ total: number; rows: Interaction[] }> {
  const column = 'personId' in of ? 'person_id' : 'organization_id';
  const id = 'personId' in of ? of.personId : of.organizationId;
  const counted = await ctx.db
    .selectFrom('interaction_participants')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where(column, '=', id)
    .executeTakeFirst();
  const total = Number(counted?.total ?? 0);
  if (total === 0 || page.offset >= total) return { total, rows: [] };
  const ids = await ctx.db
    .selectFrom('interaction_participants')
    .select('interaction_id')
    .where(column, '=', id)
    .orderBy('occurred_on', 'desc')
    .orderBy(sql`rowid`, 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { total, rows: await loadInteractions(ctx, ids.map((r) => r.interaction_id)) };
}

export async function listInteractions(ctx: Db, input: { organizationId?: string | undefined; personId?: string | undefined; offset: number; limit: number }) {
  const page = { offset: input.offset, limit: input.limit };
  if (input.personId !== undefined) {
    const found = await ctx.db.selectFrom('people').select('id').where('id', '=', input.personId).executeTakeFirst();
    if (!found) throw missing('person', input.personId, 'personId');
    return interactionsOf(ctx, { personId: input.personId }, page);
  }
  if (input.organizationId !== undefined) {
    const found = await ctx.db.selectFrom('organizations').select('id').where('id', '=', input.organizationId).executeTakeFirst();
    if (!found) throw missing('organization', input.organizationId, 'organizationId');
    return interactionsOf(ctx, { organizationId: input.organizationId }, page);
  }
  throw new AppError('validation', 'Give an organizationId or a personId.');
}

function missing(entity: 'person' | 'organization', id: string, path: string): AppError {
  const noun = entity === 'person' ? 'Person' : 'Organization';
  return new AppError('not_found', `${noun} ${id} does not exist (it may have been deleted).`, {
    issues: [{ path, message: `This ${entity} does not exist.` }],
  });
}

/** Every participant must exist; the error names the first missing one. */
async function checkParticipants({ db }: Db, input: InteractionInput, prefix: string): Promise<void> {
  for (const [entity, table, field, ids] of [
    ['person', 'people', 'personIds', input.personIds],
    ['organization', 'organizations', 'organizationIds', input.organizationIds],
  ] as const) {
    if (ids.length === 0) continue;
    const found = new Set((await db.selectFrom(table).select('id').where('id', 'in', ids).execute()).map((r) => r.id));
    const index = ids.findIndex((id) => !found.has(id));
    const absent = ids[index];
    if (absent !== undefined) throw missing(entity, absent, `${prefix}${field}.${index}`);
  }
}

function interactionColumns(input: InteractionInput) {
  return {
    kind: input.kind,
    occurred_on: input.occurredOn,
    summary: input.summary,
    follow_up_owner: input.followUp?.owner ?? null,
    follow_up_due_on: input.followUp?.dueOn ?? null,
    follow_up_done: input.followUp ? (input.followUp.done ? 1 : 0) : null,
  };
}

interface Participants {
  personIds: string[];
  organizationIds: string[];
}

/**
 * Sets each record's last_contacted_on to the date of its latest interaction (or null), through
 * the Writer; records whose date does not change are not written.
 */
export async function recomputeLastContacted(ctx: CallContext, records: Participants): Promise<void> {
  for (const [table, column, ids] of [
    ['people', 'person_id', records.personIds],
    ['organizations', 'organization_id', records.organizationIds],
  ] as const) {
    for (const id of new Set(ids)) {
      const latest = await ctx.db
        .selectFrom('interaction_participants')
        .select((eb) => eb.fn.max('occurred_on').as('latest'))
        .where(column, '=', id)
        .executeTakeFirst();
      await ctx.write.update(table, id, { last_contacted_on: latest?.latest ?? null });
    }
  }
}

async function participantsOf({ db }: Db, interactionId: string) {
  return db.selectFrom('interaction_participants').select(['id', 'person_id', 'organization_id', 'occurred_on']).where('interaction_id', '=', interactionId).execute();
}

export async function createInteraction(ctx: CallContext, input: InteractionInput): Promise<Interaction> {
  await checkParticipants(ctx, input, '');
  const id = randomUUID();
  await ctx.write.insert('interactions', { id, ...interactionColumns(input), created_at: ctx.now });
  for (const personId of input.personIds) {
    await ctx.write.insert('interaction_participants', { id: randomUUID(), interaction_id: id, person_id: personId, organization_id: null, occurred_on: input.occurredOn });
  }
  for (const organizationId of input.organizationIds) {
    await ctx.write.insert('interaction_participants', { id: randomUUID(), interaction_id: id, person_id: null, organization_id: organizationId, occurred_on: input.occurredOn });
  }
  await recomputeLastContacted(ctx, input);
  return getInteraction(ctx, id);
}

export async function updateInteraction(ctx: CallContext, id: string, input: InteractionInput): Promise<Interaction> {
  const exists = await ctx.db.selectFrom('interactions').select('id').where('id', '=', id).executeTakeFirst();
  if (!exists) throw interactionNotFound(id);
  await checkParticipants(ctx, input, 'interaction.');
  await ctx.write.update('interactions', id, interactionColumns(input));

  const before = await participantsOf(ctx, id);
  const wantedPeople = new Set(input.personIds);
  const wantedOrgs = new Set(input.organizationIds);
  const kept = { people: new Set<string>(), orgs: new Set<string>() };
  for (const p of before) {
    const stays = p.person_id !== null ? wantedPeople.has(p.person_id) : p.organization_id !== null && wantedOrgs.has(p.organization_id);
    if (!stays) {
      await ctx.write.remove('interaction_participants', p.id);
      continue;
    }
    if (p.person_id !== null) kept.people.add(p.person_id);
    if (p.organization_id !== null) kept.orgs.add(p.organization_id);
    // The participants carry the date so timelines page without a join: keep it in step.
    if (p.occurred_on !== input.occurredOn) await ctx.write.update('interaction_participants', p.id, { occurred_on: input.occurredOn });
  }
  for (const personId of input.personIds) {
    if (kept.people.has(personId)) continue;
    await ctx.write.insert('interaction_participants', { id: randomUUID(), interaction_id: id, person_id: personId, organization_id: null, occurred_on: input.occurredOn });
  }
  for (const organizationId of input.organizationIds) {
    if (kept.orgs.has(organizationId)) continue;
    await ctx.write.insert('interaction_participants', { id: randomUUID(), interaction_id: id, person_id: null, organization_id: organizationId, occurred_on: input.occurredOn });
  }
  await recomputeLastContacted(ctx, {
    personIds: [...before.flatMap((p) => (p.person_id === null ? [] : [p.person_id])), ...input.personIds],
    organizationIds: [...before.flatMap((p) => (p.organization_id === null ? [] : [p.organization_id])), ...input.organizationIds],
  });
  return getInteraction(ctx, id);
}

export async function deleteInteraction(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  const exists = await ctx.db.selectFrom('interactions').select('id').where('id', '=', id).executeTakeFirst();
  if (!exists) throw interactionNotFound(id);
  const before = await participantsOf(ctx, id);
  for (const p of before) await ctx.write.remove('interaction_participants', p.id);
  await ctx.write.remove('interactions', id);
  await recomputeLastContacted(ctx, {
    personIds: before.flatMap((p) => (p.person_id === null ? [] : [p.person_id])),
    organizationIds: before.flatMap((p) => (p.organization_id === null ? [] : [p.organization_id])),
  });
  return { deleted: true };
}
