import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { AppError } from '@shared/errors';
import type { OrgRelationshipKind, PersonRelationshipKind } from '@shared/directory/enums';
import type { z } from 'zod';
import type { orgRelationship } from '@shared/directory/organizations';
import type { personRelationship } from '@shared/directory/people';
import type { CallContext } from '../../rpc/handlers';

type Db = Pick<CallContext, 'db'>;
export type OrgRelationship = z.infer<typeof orgRelationship>;
export type PersonRelationship = z.infer<typeof personRelationship>;

type Entity = 'organization' | 'person';
const TABLES = { organization: 'organization_relationships', person: 'person_relationships' } as const;
const TARGETS = { organization: 'organizations', person: 'people' } as const;
const NOUNS = { organization: 'Organization', person: 'Person' } as const;

export type RelationshipInput =
  | { entity: 'organization'; kind: OrgRelationshipKind; fromId: string; toId: string; note: string }
  | { entity: 'person'; kind: PersonRelationshipKind; fromId: string; toId: string; note: string };

/**
 * A record's relationships in both directions, as read from it: outgoing ("funds X") first,
 * then incoming ("is funded by X"), each by kind and the other side's name.
 */
async function relationshipsOf(ctx: Db, entity: Entity, id: string) {
  const table = sql.table(TABLES[entity]);
  const target = sql.table(TARGETS[entity]);
  const result = await sql<{ id: string; kind: string; note: string; direction: 'outgoing' | 'incoming'; other_id: string; other_name: string }>`
    select r.id, r.kind, r.note, 'outgoing' as direction, t.id as other_id, t.name as other_name
      from ${table} r join ${target} t on t.id = r.to_id
     where r.from_id = ${id}
    union all
    select r.id, r.kind, r.note, 'incoming' as direction, t.id as other_id, t.name as other_name
      from ${table} r join ${target} t on t.id = r.from_id
     where r.to_id = ${id}`.execute(ctx.db);
  const rows = result.rows;
  const byName = new Intl.Collator('en', { sensitivity: 'base' });
  rows.sort(
    (a, b) =>
      (a.direction === b.direction ? 0 : a.direction === 'outgoing' ? -1 : 1) ||
      a.kind.localeCompare(b.kind) ||
      byName.compare(a.other_name, b.other_name) ||
      a.id.localeCompare(b.id),
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    direction: r.direction,
    other: { id: r.other_id, name: r.other_name },
    note: r.note,
  }));
}

export async function organizationRelationshipsOf(ctx: Db, organizationId: string): Promise<OrgRelationship[]> {
  return (await relationshipsOf(ctx, 'organization', organizationId)).map((r) => ({ ...r, kind: r.kind as OrgRelationshipKind }));
}

export async function personRelationshipsOf(ctx: Db, personId: string): Promise<PersonRelationship[]> {
  return (await relationshipsOf(ctx, 'person', personId)).map((r) => ({ ...r, kind: r.kind as PersonRelationshipKind }));
}

export async function createRelationship(ctx: CallContext, input: RelationshipInput): Promise<{ id: string }> {
  if (input.fromId === input.toId) {
    const message = `A relationship links two different ${input.entity === 'organization' ? 'organizations' : 'people'}.`;
    throw new AppError('validation', message, { issues: [{ path: 'toId', message }] });
  }
  const table = TABLES[input.entity];
  for (const [path, id] of [['fromId', input.fromId], ['toId', input.toId]] as const) {
    const found = await ctx.db.selectFrom(TARGETS[input.entity]).select('id').where('id', '=', id).executeTakeFirst();
    if (!found) {
      throw new AppError('not_found', `${NOUNS[input.entity]} ${id} does not exist (it may have been deleted).`, {
        issues: [{ path, message: `This ${input.entity} does not exist.` }],
      });
    }
  }
  const duplicate = await ctx.db
    .selectFrom(table)
    .select('id')
    .where('kind', '=', input.kind)
    .where('from_id', '=', input.fromId)
    .where('to_id', '=', input.toId)
    .executeTakeFirst();
  if (duplicate) throw new AppError('conflict', 'This relationship is already recorded.', { id: duplicate.id });
  const id = randomUUID();
  await ctx.write.insert(table, { id, kind: input.kind, from_id: input.fromId, to_id: input.toId, note: input.note });
  return { id };
}

export async function deleteRelationship(ctx: CallContext, entity: Entity, id: string): Promise<{ deleted: true }> {
  if (!(await ctx.write.remove(TABLES[entity], id))) {
    throw new AppError('not_found', `Relationship ${id} does not exist (it may have been deleted).`, {
      issues: [{ path: 'id', message: 'This relationship does not exist.' }],
    });
  }
  return { deleted: true };
}

/**
 * Deletes, through the Writer, every affiliation, relationship and interaction participation
 * of a record, so the record itself can then be removed. An interaction left with nobody
 * taking part is deleted too. Other participants keep their last-contacted dates: the
 * interactions they took part in are still there.
 */
export async function removeLinksOf(ctx: CallContext, of: { organizationId: string } | { personId: string }): Promise<void> {
  const entity: Entity = 'personId' in of ? 'person' : 'organization';
  const id = 'personId' in of ? of.personId : of.organizationId;
  const column = entity === 'person' ? 'person_id' : 'organization_id';

  const affiliations = await ctx.db.selectFrom('affiliations').select('id').where(column, '=', id).execute();
  for (const a of affiliations) await ctx.write.remove('affiliations', a.id);

  const table = TABLES[entity];
  const relationships = await ctx.db.selectFrom(table).select('id').where((eb) => eb.or([eb('from_id', '=', id), eb('to_id', '=', id)])).execute();
  for (const r of relationships) await ctx.write.remove(table, r.id);

  const participations = await ctx.db.selectFrom('interaction_participants').select(['id', 'interaction_id']).where(column, '=', id).execute();
  for (const p of participations) await ctx.write.remove('interaction_participants', p.id);
  const touched = [...new Set(participations.map((p) => p.interaction_id))];
  if (touched.length === 0) return;
  const stillAttended = new Set<string>();
  for (let start = 0; start < touched.length; start += 500) {
    const batch = touched.slice(start, start + 500);
    const rows = await ctx.db.selectFrom('interaction_participants').select('interaction_id').distinct().where('interaction_id', 'in', batch).execute();
    for (const r of rows) stillAttended.add(r.interaction_id);
  }
  for (const interactionId of touched) if (!stillAttended.has(interactionId)) await ctx.write.remove('interactions', interactionId);
}
