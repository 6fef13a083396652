import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { AppError } from '@shared/errors';
import type { Affiliation } from '@shared/directory/people';
import type { CallContext } from '../../rpc/handlers';

type Db = Pick<CallContext, 'db'>;

export interface AffiliationInput {
  personId: string;
  organizationId: string;
  role: string;
  primary: boolean;
  startOn: string | null;
  endOn: string | null;
}

/** Today's date where the coordinator is (YYYY-MM-DD): an affiliation ending today is still current. */
export function localToday(at = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

interface AffiliationJoined {
  id: string;
  person_id: string;
  person_name: string;
  organization_id: string;
  organization_name: string;
  role: string;
  is_primary: number;
  start_on: string | null;
  end_on: string | null;
}

function affiliationFromRow(row: AffiliationJoined): Affiliation {
  return {
    id: row.id,
    person: { id: row.person_id, name: row.person_name },
    organization: { id: row.organization_id, name: row.organization_name },
    role: row.role,
    primary: row.is_primary === 1,
    startOn: row.start_on,
    endOn: row.end_on,
  };
}

function selectAffiliations({ db }: Db) {
  return db
    .selectFrom('affiliations as a')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .innerJoin('organizations as o', 'o.id', 'a.organization_id')
    .select([
      'a.id',
      'a.person_id',
      'p.name as person_name',
      'a.organization_id',
      'o.name as organization_name',
      'a.role',
      'a.is_primary',
      'a.start_on',
      'a.end_on',
    ]);
}

/** A person's or an organization's affiliations: current ones first, then by start date, newest first. */
export async function affiliationsOf(ctx: Db, of: { organizationId: string } | { personId: string }): Promise<Affiliation[]> {
  const today = localToday();
  const rows = await selectAffiliations(ctx)
    .where('personId' in of ? 'a.person_id' : 'a.organization_id', '=', 'personId' in of ? of.personId : of.organizationId)
    .orderBy(sql`case when a.end_on is null or a.end_on >= ${today} then 0 else 1 end`)
    .orderBy(sql`a.start_on is null`)
    .orderBy('a.start_on', 'desc')
    .orderBy('a.is_primary', 'desc')
    .orderBy('a.id')
    .execute();
  return rows.map(affiliationFromRow);
}

export async function getAffiliation(ctx: Db, id: string): Promise<Affiliation> {
  const row = await selectAffiliations(ctx).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw affiliationNotFound(id);
  return affiliationFromRow(row);
}

function affiliationNotFound(id: string): AppError {
  return new AppError('not_found', `Affiliation ${id} does not exist (it may have been deleted).`, {
    issues: [{ path: 'id', message: 'This affiliation does not exist.' }],
  });
}

/** Both ends must exist; the error names the missing one. */
async function checkEnds({ db }: Db, input: AffiliationInput, prefix: string): Promise<void> {
  const person = await db.selectFrom('people').select('id').where('id', '=', input.personId).executeTakeFirst();
  if (!person) {
    throw new AppError('not_found', `Person ${input.personId} does not exist (it may have been deleted).`, {
      issues: [{ path: `${prefix}personId`, message: 'This person does not exist.' }],
    });
  }
  const organization = await db.selectFrom('organizations').select('id').where('id', '=', input.organizationId).executeTakeFirst();
  if (!organization) {
    throw new AppError('not_found', `Organization ${input.organizationId} does not exist (it may have been deleted).`, {
      issues: [{ path: `${prefix}organizationId`, message: 'This organization does not exist.' }],
    });
  }
}

function columns(input: AffiliationInput) {
  return {
    person_id: input.personId,
    organization_id: input.organizationId,
    role: input.role,
    is_primary: input.primary ? 1 : 0,
    start_on: input.startOn,
    end_on: input.endOn,
  };
}

/** A person has at most one primary affiliation: making one primary clears the others. */
async function clearOtherPrimaries(ctx: CallContext, personId: string, keep: string): Promise<void> {
  const others = await ctx.db
    .selectFrom('affiliations')
    .select('id')
    .where('person_id', '=', personId)
    .where('is_primary', '=', 1)
    .where('id', '<>', keep)
    .execute();
  for (const other of others) await ctx.write.update('affiliations', other.id, { is_primary: 0 });
}

export async function createAffiliation(ctx: CallContext, input: AffiliationInput): Promise<Affiliation> {
  await checkEnds(ctx, input, '');
  const id = randomUUID();
  if (input.primary) await clearOtherPrimaries(ctx, input.personId, id);
  await ctx.write.insert('affiliations', { id, ...columns(input) });
  return getAffiliation(ctx, id);
}

export async function updateAffiliation(ctx: CallContext, id: string, input: AffiliationInput): Promise<Affiliation> {
  const exists = await ctx.db.selectFrom('affiliations').select('id').where('id', '=', id).executeTakeFirst();
  if (!exists) throw affiliationNotFound(id);
  await checkEnds(ctx, input, 'affiliation.');
  if (input.primary) await clearOtherPrimaries(ctx, input.personId, id);
  await ctx.write.update('affiliations', id, columns(input));
  return getAffiliation(ctx, id);
}

export async function deleteAffiliation(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  if (!(await ctx.write.remove('affiliations', id))) throw affiliationNotFound(id);
  return { deleted: true };
}
