import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { z } from 'zod';
import { AppError } from '@shared/errors';
import type { SavedView, savedViewInput } from '@shared/directory/contract';
import type { SavedViewsTable } from '../../db/schema';
import type { CallContext } from '../../rpc/handlers';
import { customSortFieldId } from '@shared/directory/fields';
import { customSortOf } from '../customFields/service';

type Db = Pick<CallContext, 'db'>;
type ViewInput = z.output<typeof savedViewInput>;
type Definition = Pick<ViewInput, 'filters' | 'sort' | 'columns'>;

const ENTITY_NAMES = { organization: 'organizations', person: 'people' } as const;

/** The sort a view falls back to when the custom field it was sorted by is gone. */
const DEFAULT_SORT = { field: 'name', direction: 'asc' } as const;

/** `fields`: the ids of the custom fields of the view's entity (a sort by any other one falls back). */
function toView(row: SavedViewsTable, fields: ReadonlySet<string>): SavedView {
  const definition = JSON.parse(row.definition_json) as Definition;
  const sortFieldId = customSortFieldId(definition.sort.field);
  const sort = sortFieldId !== null && !fields.has(`${row.entity}:${sortFieldId}`) ? DEFAULT_SORT : definition.sort;
  return {
    id: row.id,
    name: row.name,
    entity: row.entity,
    filters: definition.filters,
    sort,
    columns: definition.columns,
    updatedAt: row.updated_at,
  } as SavedView;
}

/** Saved views, organizations' first, by name. */
export async function listViews({ db }: Db): Promise<SavedView[]> {
  const rows = await db.selectFrom('saved_views').selectAll().orderBy('entity', 'asc').orderBy(sql`name collate nocase`).orderBy('id').execute();
  const fields = await customFieldKeys({ db });
  return rows.map((row) => toView(row, fields));
}

/** `<entity>:<field id>` of every custom field. */
async function customFieldKeys({ db }: Db): Promise<Set<string>> {
  const fields = await db.selectFrom('custom_fields').select(['entity', 'id']).execute();
  return new Set(fields.map((f) => `${f.entity}:${f.id}`));
}

/** Creates a view (no id) or replaces one (with its id). Names are unique per entity, ignoring case. */
export async function saveView(ctx: CallContext, input: ViewInput): Promise<SavedView> {
  const clash = await ctx.db
    .selectFrom('saved_views')
    .select(['id', 'name'])
    .where('entity', '=', input.entity)
    .where(sql<boolean>`name = ${input.name} collate nocase`)
    .$if(input.id !== undefined, (q) => q.where('id', '<>', input.id ?? ''))
    .executeTakeFirst();
  if (clash) {
    throw new AppError('conflict', `A saved view of ${ENTITY_NAMES[input.entity]} is already called “${clash.name}”. Choose another name.`, {
      issues: [{ path: 'name', message: 'Another view has this name.' }],
    });
  }
  // A sort by a custom field must name one of the entity's fields (refused with a clear message otherwise).
  await customSortOf(ctx, input.entity, input.sort.field);
  const definition: Definition = { filters: input.filters, sort: input.sort, columns: input.columns };
  const row = { name: input.name, entity: input.entity, definition_json: JSON.stringify(definition), updated_at: ctx.now };
  const id = input.id ?? randomUUID();
  if (input.id !== undefined) {
    if (!(await ctx.write.update('saved_views', id, row))) {
      throw new AppError('not_found', 'This saved view no longer exists. It may have been deleted.', { id });
    }
  } else {
    await ctx.write.insert('saved_views', { id, ...row });
  }
  const saved = await ctx.db.selectFrom('saved_views').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return toView(saved, await customFieldKeys(ctx));
}

export async function deleteView(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  if (!(await ctx.write.remove('saved_views', id))) {
    throw new AppError('not_found', 'This saved view no longer exists. It may have been deleted.', { id });
  }
  return { deleted: true };
}
