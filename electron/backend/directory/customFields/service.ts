import { randomUUID } from 'node:crypto';
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { AppError, type FieldIssue } from '@shared/errors';
import {
  MAX_CUSTOM_FIELDS,
  MAX_CUSTOM_TEXT,
  type CustomField,
  type CustomFieldEntity,
  type CustomFieldInput,
  type CustomFieldKind,
  type CustomFilter,
  type CustomValue,
  type CustomValues,
} from '@shared/directory/customFields';
import { customSortFieldId } from '@shared/directory/fields';
import type { CustomFieldsTable, CustomValuesTable } from '../../db/schema';
import type { CallContext } from '../../rpc/handlers';
import { listJson, parseList } from '../lists';

type Db = Pick<CallContext, 'db'>;

const PLURAL: Record<CustomFieldEntity, string> = { organization: 'organizations', person: 'people' };
/** `in (...)` lists of record ids are read this many at a time. */
const CHUNK = 500;

function toField(row: CustomFieldsTable, valueCount: number): CustomField {
  return {
    id: row.id,
    entity: row.entity as CustomFieldEntity,
    label: row.label,
    kind: row.kind as CustomFieldKind,
    choices: parseList(row.choices_json),
    position: row.position,
    valueCount,
  };
}

async function valueCount({ db }: Db, fieldId: string): Promise<number> {
  const row = await db.selectFrom('custom_values').select((eb) => eb.fn.countAll<number>().as('n')).where('field_id', '=', fieldId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The entity's field definitions, in order (no counts). */
export async function fieldDefinitions({ db }: Db, entity: CustomFieldEntity): Promise<CustomFieldsTable[]> {
  return db.selectFrom('custom_fields').selectAll().where('entity', '=', entity).orderBy('position').orderBy(sql`label collate nocase`).execute();
}

export async function listCustomFields(ctx: Db, entity: CustomFieldEntity): Promise<CustomField[]> {
  const fields = await fieldDefinitions(ctx, entity);
  if (fields.length === 0) return [];
  // One pass over the (field_id, …) index per field: counts stay cheap at coalition scale.
  const counts = await ctx.db
    .selectFrom('custom_values')
    .select(['field_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where(
      'field_id',
      'in',
      fields.map((f) => f.id),
    )
    .groupBy('field_id')
    .execute();
  const byField = new Map(counts.map((c) => [c.field_id, Number(c.n)]));
  return fields.map((f) => toField(f, byField.get(f.id) ?? 0));
}

async function mustReadField({ db }: Db, id: string): Promise<CustomFieldsTable> {
  const row = await db.selectFrom('custom_fields').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) {
    throw new AppError('not_found', 'This custom field no longer exists. It may have been deleted; reload the list.', {
      issues: [{ path: 'id', message: 'This custom field does not exist.' }],
    });
  }
  return row;
}

export async function saveCustomField(ctx: CallContext, input: CustomFieldInput): Promise<CustomField> {
  const before = input.id === undefined ? null : await mustReadField(ctx, input.id);
  if (before && before.entity !== input.entity) {
    throw new AppError('validation', `“${before.label}” is a field of ${PLURAL[before.entity as CustomFieldEntity]}; a field cannot move to ${PLURAL[input.entity]}.`, {
      issues: [{ path: 'entity', message: 'A field cannot move to another kind of record.' }],
    });
  }
  const clash = await ctx.db
    .selectFrom('custom_fields')
    .select(['id', 'label'])
    .where('entity', '=', input.entity)
    .where(sql<boolean>`label = ${input.label} collate nocase`)
    .executeTakeFirst();
  if (clash && clash.id !== before?.id) {
    throw new AppError('conflict', `There is already a field called “${clash.label}” on ${PLURAL[input.entity]}.`, {
      issues: [{ path: 'label', message: 'Another field has this name.' }],
    });
  }
  const choices = input.kind === 'choice' ? input.choices : [];

  if (before) {
    const count = await valueCount(ctx, before.id);
    if (before.kind !== input.kind && count > 0) {
      // Refused rather than converted: a conversion would have to drop values it cannot read
      // (“about 40” as a number), silently. The coordinator can create a new field instead.
      throw new AppError(
        'conflict',
        `“${before.label}” has values on ${count} ${count === 1 ? 'record' : 'records'}, so it cannot become a ${input.kind} field. Create a new field instead, or delete this one first.`,
        { issues: [{ path: 'kind', message: 'The kind cannot change while records have values.' }] },
      );
    }
    if (input.kind === 'choice') {
      const kept = new Set(choices);
      const removed = parseList(before.choices_json).filter((c) => !kept.has(c));
      if (removed.length > 0) {
        const used = await ctx.db
          .selectFrom('custom_values')
          .select(['value_text', (eb) => eb.fn.countAll<number>().as('n')])
          .where('field_id', '=', before.id)
          .where('value_text', 'in', removed)
          .groupBy('value_text')
          .execute();
        const first = used[0];
        if (first) {
          const n = Number(first.n);
          throw new AppError(
            'conflict',
            `${n} ${n === 1 ? 'record uses' : 'records use'} the choice “${first.value_text ?? ''}” of “${before.label}”. Change those records first, then remove the choice.`,
            { issues: [{ path: 'choices', message: `“${first.value_text ?? ''}” is in use.` }] },
          );
        }
      }
    }
    await ctx.write.update('custom_fields', before.id, {
      label: input.label,
      kind: input.kind,
      choices_json: listJson(choices),
      position: input.position ?? before.position,
      updated_at: ctx.now,
    });
    return toField(await mustReadField(ctx, before.id), count);
  }

  const existing = await fieldDefinitions(ctx, input.entity);
  if (existing.length >= MAX_CUSTOM_FIELDS) {
    throw new AppError('conflict', `${PLURAL[input.entity]} already have ${MAX_CUSTOM_FIELDS} custom fields, the most there can be. Delete one first.`);
  }
  const id = randomUUID();
  const last = existing.reduce((max, f) => Math.max(max, f.position), -1);
  await ctx.write.insert('custom_fields', {
    id,
    entity: input.entity,
    label: input.label,
    kind: input.kind,
    choices_json: listJson(choices),
    position: input.position ?? last + 1,
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  return toField(await mustReadField(ctx, id), 0);
}

/**
 * Deletes a field and every value in it through the Writer's bulk path (each value's row is in
 * the change log, so the deletion can be undone as one step).
 */
export async function deleteCustomField(ctx: CallContext, id: string): Promise<{ deleted: true; values: number }> {
  await mustReadField(ctx, id);
  const values = await ctx.db.selectFrom('custom_values').selectAll().where('field_id', '=', id).execute();
  await ctx.write.removeMany('custom_values', values);
  await ctx.write.remove('custom_fields', id);
  return { deleted: true, values: values.length };
}

// ---------------------------------------------------------------------------------------------
// Values

function readValue(row: Pick<CustomValuesTable, 'value_text' | 'value_number'>): string | number | null {
  return row.value_number ?? row.value_text;
}

/** The custom values of many records (one query per 500 ids), by record id. */
export async function customValuesOf({ db }: Db, recordIds: readonly string[]): Promise<Map<string, CustomValues>> {
  const out = new Map<string, CustomValues>();
  for (let start = 0; start < recordIds.length; start += CHUNK) {
    const chunk = recordIds.slice(start, start + CHUNK);
    const rows = await db.selectFrom('custom_values').select(['record_id', 'field_id', 'value_text', 'value_number']).where('record_id', 'in', chunk).execute();
    for (const row of rows) {
      const value = readValue(row);
      if (value === null) continue;
      let values = out.get(row.record_id);
      if (!values) out.set(row.record_id, (values = {}));
      values[row.field_id] = value;
    }
  }
  return out;
}

/** One record's custom values. */
export async function customValuesOfRecord(ctx: Db, recordId: string): Promise<CustomValues> {
  return (await customValuesOf(ctx, [recordId])).get(recordId) ?? {};
}

function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A custom value as stored (null: no value). */
export type StoredCustomValue = { value_text: string | null; value_number: number | null } | null;
type Stored = StoredCustomValue;

/** How many choices an error message lists. */
const LISTED_CHOICES = 20;

function choiceList(choices: readonly string[]): string {
  const listed = choices.slice(0, LISTED_CHOICES).map((c) => `“${c}”`).join(', ');
  return choices.length > LISTED_CHOICES ? `${listed} and ${choices.length - LISTED_CHOICES} more` : listed;
}

/**
 * The check of one value for a field: the value as stored, or an error message naming the field.
 * Null: no value. Built once per field (the choices are indexed), so an import checks many values
 * with the same rules as the forms.
 */
export function customValueChecker(field: Pick<CustomFieldsTable, 'label' | 'kind' | 'choices_json'>): (value: CustomValue) => Stored | string {
  const label = field.label;
  const kind = field.kind as CustomFieldKind;
  const choices = kind === 'choice' ? parseList(field.choices_json) : [];
  const byKey = new Map(choices.map((c) => [c.toLowerCase(), c]));
  return (value) => {
    if (value === null) return null;
    if (typeof value === 'string' && value.trim() === '') return null;
    switch (kind) {
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) return `${label} must be a number.`;
        return { value_text: null, value_number: value };
      case 'date':
        if (typeof value !== 'string' || !isRealDate(value.trim())) return `${label} must be a date in the form YYYY-MM-DD.`;
        return { value_text: value.trim(), value_number: null };
      case 'choice': {
        if (typeof value !== 'string') return `${label} must be one of its choices: ${choiceList(choices)}.`;
        const choice = byKey.get(value.trim().toLowerCase());
        if (choice === undefined) return `${label} must be one of its choices (“${value.trim().slice(0, 100)}” is not): ${choiceList(choices)}.`;
        return { value_text: choice, value_number: null };
      }
      case 'text': {
        if (typeof value !== 'string') return `${label} must be text.`;
        const trimmed = value.trim();
        if (trimmed.length > MAX_CUSTOM_TEXT) return `${label} must be at most ${MAX_CUSTOM_TEXT} characters.`;
        return { value_text: trimmed, value_number: null };
      }
    }
  };
}

/**
 * Checks custom values against their fields; returns what to store per field id. Throws one
 * validation error listing every bad value, each at `custom.<fieldId>` and naming its field.
 */
export async function checkCustomValues(ctx: Db, entity: CustomFieldEntity, custom: Record<string, CustomValue>): Promise<Map<string, Stored>> {
  const ids = Object.keys(custom);
  const checked = new Map<string, Stored>();
  if (ids.length === 0) return checked;
  const fields = new Map((await fieldDefinitions(ctx, entity)).map((f) => [f.id, f]));
  const issues: FieldIssue[] = [];
  for (const id of ids) {
    const field = fields.get(id);
    if (!field) {
      issues.push({ path: `custom.${id}`, message: `There is no custom field ${id} on ${PLURAL[entity]} (it may have been deleted). Reload and try again.` });
      continue;
    }
    const result = customValueChecker(field)(custom[id] ?? null);
    if (typeof result === 'string') issues.push({ path: `custom.${id}`, message: result });
    else checked.set(id, result);
  }
  const first = issues[0];
  if (first) {
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    throw new AppError('validation', `${first.message}${more}`, { issues });
  }
  return checked;
}

/**
 * Writes a record's custom values (already checked): a listed field is set or, when empty,
 * cleared; fields not listed are left alone. Each change goes through the Writer.
 */
export async function writeCustomValues(ctx: CallContext, recordId: string, values: Map<string, Stored>): Promise<void> {
  if (values.size === 0) return;
  const existing = new Map(
    (await ctx.db.selectFrom('custom_values').selectAll().where('record_id', '=', recordId).execute()).map((row) => [row.field_id, row]),
  );
  for (const [fieldId, value] of values) {
    const current = existing.get(fieldId);
    if (value === null) {
      if (current) await ctx.write.remove('custom_values', current.id);
    } else if (current) {
      await ctx.write.update('custom_values', current.id, value);
    } else {
      await ctx.write.insert('custom_values', { id: randomUUID(), field_id: fieldId, record_id: recordId, ...value });
    }
  }
}

/** Removes every custom value of a record (before the record itself is deleted). */
export async function removeCustomValuesOf(ctx: CallContext, recordId: string): Promise<void> {
  const rows = await ctx.db.selectFrom('custom_values').select('id').where('record_id', '=', recordId).execute();
  for (const row of rows) await ctx.write.remove('custom_values', row.id);
}

/**
 * Merge: the survivor keeps its values; a field where only the merged record has one gets the
 * merged record's value (its row is re-pointed, so nothing is copied). `prefer` lists fields
 * where the merged record's value wins even though the survivor has one. The merged record's
 * remaining values are removed. Returns how many values moved.
 */
export async function mergeCustomValues(ctx: CallContext, survivorId: string, mergedId: string, prefer: ReadonlySet<string> = new Set()): Promise<number> {
  const survivorRows = new Map((await ctx.db.selectFrom('custom_values').selectAll().where('record_id', '=', survivorId).execute()).map((r) => [r.field_id, r]));
  const mergedRows = await ctx.db.selectFrom('custom_values').selectAll().where('record_id', '=', mergedId).orderBy('id').execute();
  let moved = 0;
  for (const row of mergedRows) {
    const own = survivorRows.get(row.field_id);
    if (own && prefer.has(row.field_id)) {
      await ctx.write.remove('custom_values', own.id);
    } else if (own) {
      await ctx.write.remove('custom_values', row.id);
      continue;
    }
    await ctx.write.update('custom_values', row.id, { record_id: survivorId });
    moved++;
  }
  return moved;
}

// ---------------------------------------------------------------------------------------------
// Filters

/** The conditions on custom_values rows of one filter (field, then values or bounds). */
function valueConditions(filter: CustomFilter): RawBuilder<unknown>[] {
  const conditions = [sql`field_id = ${filter.fieldId}`];
  if (filter.values && filter.values.length > 0) {
    conditions.push(sql`value_text collate nocase in (${sql.join(filter.values.map((v) => v.trim()))})`);
  }
  for (const [bound, op] of [
    [filter.from, '>='],
    [filter.to, '<='],
  ] as const) {
    if (bound === undefined) continue;
    // Dates compare as text; `collate nocase` (the same order for digits) lets the index answer.
    const column = typeof bound === 'number' ? sql`value_number` : sql`value_text collate nocase`;
    conditions.push(sql`${column} ${sql.raw(op)} ${bound}`);
  }
  if (conditions.length === 1) {
    // No value or bound: records with any value in the field.
    conditions.push(sql`(value_text is not null or value_number is not null)`);
  }
  return conditions;
}

/** The ids of the records matching one custom filter, from a covering index (field, value, record). */
export function customFilterIds(filter: CustomFilter): RawBuilder<unknown> {
  return sql`select record_id from custom_values where ${sql.join(valueConditions(filter), sql` and `)}`;
}

/**
 * How to test a record against the custom filters. `in`: the record's id is in the filter's id
 * set (read once from the value indexes; cheap when the set is small). `exists`: one lookup of
 * the record's value by (field, record) per record tested (cheap when few records are tested:
 * a page walked along the sort index, or the matches of a narrower filter).
 */
export type CustomFilterMode = 'in' | 'exists';

/**
 * `recordId` is one of the records matching every custom filter. Text and choice values compare
 * ignoring case, number ranges on value_number, date ranges on value_text.
 */
export function matchesCustomFilters(recordId: Expression<unknown>, filters: readonly CustomFilter[] | undefined, mode: CustomFilterMode = 'in'): Expression<SqlBool>[] {
  return (filters ?? []).map((filter) =>
    mode === 'in'
      ? sql<SqlBool>`${recordId} in (${customFilterIds(filter)})`
      : sql<SqlBool>`exists (select 1 from custom_values indexed by custom_values_lookup where field_id = ${filter.fieldId} and record_id = ${recordId} and ${sql.join(valueConditions(filter).slice(1), sql` and `)})`,
  );
}

/** How many records match each custom filter (a count over one covering index range each). */
export async function customFilterSizes({ db }: Db, filters: readonly CustomFilter[]): Promise<number[]> {
  const sizes: number[] = [];
  for (const filter of filters) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from (${customFilterIds(filter)})`.execute(db);
    sizes.push(Number(rows[0]?.n ?? 0));
  }
  return sizes;
}

// ---------------------------------------------------------------------------------------------
// Sorting by a custom field

/**
 * A list sorted by a custom field: its values in order (text, choice and date values ignoring
 * case, choices by their label; numbers by value), then the records without a value, in either
 * direction; ties by name, then id, in the sort's direction.
 */
export interface CustomSort {
  fieldId: string;
  /** Where the field's values are: numbers in value_number, the other kinds in value_text. */
  column: 'value_text' | 'value_number';
  /** A choice field's choices (its values are always one of them), else null. */
  choices: string[] | null;
}

/**
 * The custom field a list's sort names (`cf:<field id>`), or null for a built-in sort field.
 * A field that does not exist (deleted since) or belongs to the other entity is refused.
 */
export async function customSortOf(ctx: Db, entity: CustomFieldEntity, sortField: string): Promise<CustomSort | null> {
  const fieldId = customSortFieldId(sortField);
  if (fieldId === null) return null;
  const field = await ctx.db.selectFrom('custom_fields').select(['id', 'entity', 'kind', 'label', 'choices_json']).where('id', '=', fieldId).executeTakeFirst();
  if (!field || field.entity !== entity) {
    const why = field ? `“${field.label}” is a field of ${PLURAL[field.entity as CustomFieldEntity]}, not of ${PLURAL[entity]}` : 'the field does not exist (it may have been deleted)';
    throw new AppError('validation', `The ${PLURAL[entity]} cannot be sorted by this custom field: ${why}. Sort by another column.`, {
      issues: [{ path: 'sort.field', message: field ? `Not a field of ${PLURAL[entity]}.` : 'This custom field does not exist.' }],
    });
  }
  const choices = field.kind === 'choice' ? parseList(field.choices_json) : null;
  return { fieldId: field.id, column: field.kind === 'number' ? 'value_number' : 'value_text', choices };
}

/** The sort value's column as the value index holds it (text ignoring case). */
function sortColumn(sort: CustomSort, alias: string): RawBuilder<unknown> {
  const column = sql.ref(`${alias}.${sort.column}`);
  return sort.column === 'value_text' ? sql`${column} collate nocase` : sql`${column}`;
}

/** `recordId` has a value in the sort field (one lookup by (field, record)). */
export function hasSortValue(recordId: Expression<unknown>, sort: CustomSort): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (select 1 from custom_values indexed by custom_values_lookup where field_id = ${sort.fieldId} and record_id = ${recordId} and ${sql.ref(sort.column)} is not null)`;
}

/**
 * The ORDER BY of a custom sort over `<table> left join custom_values <alias>` (on the field and
 * the record), records without a value last, then the record's name and id: for reading every
 * match and sorting it (few matches, or an export). It needs no field kind: a number field's
 * values are in value_number and the other kinds' in value_text, so one of the two is null.
 */
export function customSortOrder(direction: 'asc' | 'desc', alias: string, name: RawBuilder<unknown>, id: RawBuilder<unknown>): RawBuilder<unknown> {
  const dir = sql.raw(direction);
  const [text, number] = [sql.ref(`${alias}.value_text`), sql.ref(`${alias}.value_number`)];
  return sql`(${text} is null and ${number} is null), ${number} ${dir}, ${text} collate nocase ${dir}, ${name} ${dir}, ${id} ${dir}`;
}

/**
 * The start of `select … from` for the records that have a value in the sort field, in value
 * order: the field's value index is walked (a CROSS JOIN keeps the planner from starting from
 * the records), so a page stops after its rows plus the rest of the last value's ties, which
 * SQLite sorts by name and id on their own.
 */
export function valuedInOrder(sort: CustomSort, alias: string): RawBuilder<unknown> {
  const index = sql.raw(sort.column === 'value_number' ? 'custom_values_number' : 'custom_values_text');
  return sql`custom_values as ${sql.ref(alias)} indexed by ${index}`;
}

/** The WHERE terms of `valuedInOrder` (the field, with a value), and its ORDER BY's leading term. */
export function valuedTerms(sort: CustomSort, alias: string, direction: 'asc' | 'desc'): { where: RawBuilder<SqlBool>; order: RawBuilder<unknown> } {
  return {
    where: sql<SqlBool>`${sql.ref(`${alias}.field_id`)} = ${sort.fieldId} and ${sql.ref(`${alias}.${sort.column}`)} is not null`,
    order: sql`${sortColumn(sort, alias)} ${sql.raw(direction)}`,
  };
}

/** How many records have a value in the sort field (from its index, no record read). */
export async function sortValueCount({ db }: Db, sort: CustomSort): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from custom_values where field_id = ${sort.fieldId} and ${sql.ref(sort.column)} is not null`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** `recordId` has `choice` in the sort field (one lookup by (field, record)). */
export function hasChoice(recordId: Expression<unknown>, sort: CustomSort, choice: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (select 1 from custom_values indexed by custom_values_lookup where field_id = ${sort.fieldId} and record_id = ${recordId} and value_text = ${choice} collate nocase)`;
}

/** How many records have `choice` in the sort field (from the value index). */
async function choiceCount({ db }: Db, sort: CustomSort, choice: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from custom_values where field_id = ${sort.fieldId} and value_text = ${choice} collate nocase`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** SQLite's NOCASE order: ASCII letters folded, then code units compared. */
function nocaseCompare(a: string, b: string): number {
  const [x, y] = [a.replace(/[A-Z]/g, (c) => c.toLowerCase()), b.replace(/[A-Z]/g, (c) => c.toLowerCase())];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** How a page reads the records with one choice (see CustomSortParts.inChoice). */
export type ChoiceRead = 'probe' | 'set' | 'read';

/** The records with `choice` in the sort field (a set read once from the value index). */
export function choiceIds(sort: CustomSort, choice: string): RawBuilder<unknown> {
  return customFilterIds({ fieldId: sort.fieldId, values: [choice] });
}

/** The queries a custom-sorted page is read with (see customSortedPage). */
export interface CustomSortParts {
  /** The matches with a value, in value order (then name and id). */
  valued: (offset: number, limit: number) => RawBuilder<{ r: number }>;
  /** The matches without a value, by name and id. */
  blanks: (offset: number, limit: number) => RawBuilder<{ r: number }>;
  /** How many matches have a value. */
  countValued: () => Promise<number>;
  /**
   * The matches with one choice, by name and id: walk the name index testing each record (a
   * common choice) by a lookup of its value (`probe`: few records to pass) or against the
   * choice's records read once (`set`: many), or else read the choice's records and sort them
   * (`read`: a rare choice).
   */
  inChoice: (choice: string, how: ChoiceRead, offset: number, limit: number) => RawBuilder<{ r: number }>;
  /** How many matches have the choice (the value index alone when nothing else filters). */
  countChoice: (choice: string) => Promise<number>;
}

/**
 * One page of a list sorted by a custom field. Records with a value come first, then those
 * without (by name). For a choice field, whose few values each hold many records, the choices
 * are taken one at a time in label order, each walked along the name index (or read whole when
 * rare), so a page never sorts a whole choice's records by name; a choice the page starts past is
 * only counted. For other fields the value index is walked in order and SQLite sorts only each
 * value's ties by name. How many matches have a value is only asked when the page starts past
 * them; a page that straddles them learns it from the first part's short answer.
 */
export async function customSortedPage(
  ctx: Db,
  sort: CustomSort,
  page: { offset: number; limit: number; direction: 'asc' | 'desc' },
  /** How many records there are, and how many match the filters. */
  counts: { all: number; total: number },
  parts: CustomSortParts,
): Promise<number[]> {
  const { db } = ctx;
  const out: number[] = [];
  let offset = page.offset;
  if (sort.choices) {
    const choices = [...sort.choices].sort(nocaseCompare);
    if (page.direction === 'desc') choices.reverse();
    for (const choice of choices) {
      const need = page.limit - out.length;
      if (need === 0) return out;
      const size = await choiceCount(ctx, sort, choice);
      if (size === 0) continue;
      // Walking visits about (offset + need) / (the share of records with the choice that match)
      // records; reading the choice reads all of its records. Measured at 100k organizations, a
      // lookup per record passed costs about four times what a record of a set read once does.
      const { all, total } = counts;
      const visits = ((offset + need) * all * all) / (size * Math.max(1, total));
      const how: ChoiceRead = visits > size * 2 ? 'read' : visits > size / 4 ? 'set' : 'probe';
      const rows = (await parts.inChoice(choice, how, offset, need).execute(db)).rows.map((row) => row.r);
      out.push(...rows);
      if (rows.length > 0) offset = 0;
      else offset -= await parts.countChoice(choice);
    }
  } else {
    const first = (await parts.valued(offset, page.limit).execute(db)).rows.map((row) => row.r);
    if (first.length === page.limit) return first;
    out.push(...first);
    offset = first.length > 0 ? 0 : offset - (await parts.countValued());
  }
  const need = page.limit - out.length;
  if (need === 0) return out;
  const rest = await parts.blanks(Math.max(0, offset), need).execute(db);
  return [...out, ...rest.rows.map((row) => row.r)];
}
