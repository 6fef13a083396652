import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { AppError } from '@shared/errors';
import type { VocabularyKind } from '@shared/directory/enums';
import type { CallContext } from '../../rpc/handlers';

type Db = Pick<CallContext, 'db'>;

const LIST_NAMES: Record<VocabularyKind, string> = { issue_area: 'issue areas', population: 'populations' };

/** The terms of an editable list, in their order. */
export async function listTerms({ db }: Db, kind: VocabularyKind): Promise<string[]> {
  const rows = await db.selectFrom('vocabulary').select('value').where('kind', '=', kind).orderBy('position').orderBy('value').execute();
  return rows.map((r) => r.value);
}

/** Adds a term at the end of the list; a term already there (ignoring case) is a conflict. */
export async function addTerm(ctx: CallContext, kind: VocabularyKind, value: string): Promise<string[]> {
  const existing = await ctx.db
    .selectFrom('vocabulary')
    .select('value')
    .where('kind', '=', kind)
    .where(sql<boolean>`value = ${value} collate nocase`)
    .executeTakeFirst();
  if (existing) {
    throw new AppError('conflict', `“${existing.value}” is already in the list of ${LIST_NAMES[kind]}.`, {
      issues: [{ path: 'value', message: 'This term is already in the list.' }],
    });
  }
  const last = await ctx.db
    .selectFrom('vocabulary')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('kind', '=', kind)
    .executeTakeFirst();
  const position = last?.position === null || last?.position === undefined ? 0 : Number(last.position) + 1;
  await ctx.write.insert('vocabulary', { id: randomUUID(), kind, value, position });
  return listTerms(ctx, kind);
}

/** Removes a term from the list; records that use it keep it. */
export async function removeTerm(ctx: CallContext, kind: VocabularyKind, value: string): Promise<string[]> {
  const row = await ctx.db.selectFrom('vocabulary').select('id').where('kind', '=', kind).where('value', '=', value).executeTakeFirst();
  if (!row) {
    throw new AppError('not_found', `“${value}” is not in the list of ${LIST_NAMES[kind]}.`, {
      issues: [{ path: 'value', message: 'This term is not in the list.' }],
    });
  }
  await ctx.write.remove('vocabulary', row.id);
  return listTerms(ctx, kind);
}

/**
 * How many organizations use each term of the kind, read from the label index (its field names
 * are the vocabulary kinds); terms in records but not in the list are counted too.
 */
export async function termUsage({ db }: Db, kind: VocabularyKind): Promise<{ value: string; organizations: number }[]> {
  const rows = await sql<{ value: string; organizations: number }>`
    select value, count(distinct record_rowid) as organizations from organization_labels
    where field = ${kind} group by value order by value collate nocase`.execute(db);
  return rows.rows.map((r) => ({ value: r.value, organizations: Number(r.organizations) }));
}
