import { randomUUID } from 'node:crypto';
import type { Endorsement, EndorsementInput, NotEndorsed } from '@shared/structure/contract';
import type { CallContext } from '../rpc/handlers';
import { fieldError, missing, requireName, type Db } from './common';

// Charter endorsements: which organization endorsed which adopted charter version, when, and who
// signed for it. Versions are named by number in the contract and by id in the tables.

/** The version's id and adoption date; not_found on `path` when no such version was adopted. */
export async function requireVersion(ctx: Db, number: number, path: string): Promise<{ id: string; adoptedOn: string }> {
  const row = await ctx.db.selectFrom('charter_version').select(['id', 'adopted_on']).where('number', '=', number).executeTakeFirst();
  if (!row) throw fieldError('not_found', path, `Charter version ${number} has not been adopted.`);
  return { id: row.id, adoptedOn: row.adopted_on };
}

function endorsementsQuery(ctx: Db) {
  return ctx.db
    .selectFrom('charter_endorsements as e')
    .innerJoin('organizations as o', 'o.id', 'e.organization_id')
    .innerJoin('charter_version as v', 'v.id', 'e.charter_version_id')
    .leftJoin('people as p', 'p.id', 'e.person_id')
    .select(['e.id', 'e.organization_id', 'o.name as organization_name', 'v.number', 'e.endorsed_on', 'e.signed_by', 'e.person_id', 'p.name as person_name']);
}

type EndorsementRow = Awaited<ReturnType<ReturnType<typeof endorsementsQuery>['executeTakeFirstOrThrow']>>;

function toEndorsement(row: EndorsementRow): Endorsement {
  return {
    id: row.id,
    organization: { id: row.organization_id, name: row.organization_name },
    charterVersion: row.number,
    endorsedOn: row.endorsed_on,
    signedBy: row.signed_by,
    person: row.person_id && row.person_name !== null ? { id: row.person_id, name: row.person_name } : null,
  };
}

export async function listEndorsements(ctx: Db, version: number): Promise<Endorsement[]> {
  const rows = await endorsementsQuery(ctx).where('v.number', '=', version).orderBy('o.name').orderBy('e.id').execute();
  return rows.map(toEndorsement);
}

/** Members (stage member) without an endorsement of the latest adopted version, by name. */
export async function notEndorsed(ctx: Db): Promise<NotEndorsed> {
  const latest = await ctx.db.selectFrom('charter_version').select(['id', 'number']).orderBy('number', 'desc').limit(1).executeTakeFirst();
  if (!latest) return { version: null, organizations: [] };
  const rows = await ctx.db
    .selectFrom('organizations as o')
    .select(['o.id', 'o.name'])
    .select((eb) =>
      eb
        .selectFrom('charter_endorsements as e')
        .innerJoin('charter_version as v', 'v.id', 'e.charter_version_id')
        .select((inner) => inner.fn.max('v.number').as('n'))
        .whereRef('e.organization_id', '=', 'o.id')
        .as('last_endorsed'),
    )
    .where('o.stage', '=', 'member')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('charter_endorsements as e').select('e.id').whereRef('e.organization_id', '=', 'o.id').where('e.charter_version_id', '=', latest.id),
        ),
      ),
    )
    .orderBy('o.name')
    .execute();
  return { version: latest.number, organizations: rows.map((r) => ({ id: r.id, name: r.name, lastEndorsed: r.last_endorsed ?? null })) };
}

/**
 * Records an endorsement (one per organization and version). Returns the existing one when the
 * organization had already endorsed the version and `reuse` is set (an approval), else refuses.
 */
export async function recordEndorsement(ctx: CallContext, input: EndorsementInput, reuse = false): Promise<Endorsement> {
  await requireName(ctx, 'organizations', input.organizationId, 'organizationId');
  if (input.personId) await requireName(ctx, 'people', input.personId, 'personId');
  const version = await requireVersion(ctx, input.charterVersion, 'charterVersion');
  if (input.endorsedOn < version.adoptedOn) {
    throw fieldError('validation', 'endorsedOn', `Version ${input.charterVersion} was adopted on ${version.adoptedOn}; it cannot be endorsed before that.`);
  }
  const existing = await endorsementsQuery(ctx).where('e.organization_id', '=', input.organizationId).where('e.charter_version_id', '=', version.id).executeTakeFirst();
  if (existing && reuse) return toEndorsement(existing);
  if (existing) {
    throw fieldError('conflict', 'organizationId', `${existing.organization_name} already endorsed version ${input.charterVersion} (on ${existing.endorsed_on}).`);
  }
  const id = randomUUID();
  await ctx.write.insert('charter_endorsements', {
    id,
    organization_id: input.organizationId,
    charter_version_id: version.id,
    endorsed_on: input.endorsedOn,
    signed_by: input.signedBy,
    person_id: input.personId,
  });
  return toEndorsement(await endorsementsQuery(ctx).where('e.id', '=', id).executeTakeFirstOrThrow());
}

export async function deleteEndorsement(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  if (!(await ctx.write.remove('charter_endorsements', id))) throw missing('Endorsement', id);
  return { deleted: true };
}
