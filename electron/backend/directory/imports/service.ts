import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { z } from 'zod';
import { AppError } from '@shared/errors';
import {
  IMPORT_PREVIEW_ROWS,
  MAX_LISTED_PROBLEMS,
  customFieldIdOf,
  organizationMapping,
  personMapping,
  type DuplicateStrategy,
  type ImportCheck,
  type ImportEntity,
  type ImportPlan,
  type ImportPreview,
  type ImportResult,
  type ImportRunInput,
  type RowProblem,
} from '@shared/directory/imports';
import { emptyOrganizationInput, organizationInput, type OrganizationInput } from '@shared/directory/organizations';
import { emptyPersonInput, personInput, type PersonInput } from '@shared/directory/people';
import type { AffiliationsTable, CustomFieldsTable, CustomValuesTable, OrganizationsTable, PeopleTable } from '../../db/schema';
import type { CallContext } from '../../rpc/handlers';
import { fieldDefinitions, type StoredCustomValue } from '../customFields/service';
import { emailKey, organizationNameKey, personNameKey, websiteKey } from '../duplicates/detect';
import { fromInput as organizationColumns, toOrganization } from '../organizations/service';
import { personFromRow as personAsContract, personToColumns } from '../people/service';
import {
  applyOrganizationPatch,
  applyPersonPatch,
  CellProblem,
  customConverter,
  fieldsOfPath,
  guessMapping,
  headerKey,
  ORGANIZATION_CONVERTERS,
  PERSON_CONVERTERS,
  type OrganizationPatch,
  type PersonPatch,
} from './convert';
import { parseImportFile, type ParsedFile } from './parse';

// The import's three steps. `open` parses the file and keeps its rows in memory (at most
// MAX_STAGED files, the oldest dropped); `check` and `run` share `planImport`, which converts
// every row with the mapping, matches it against the workspace and the earlier rows of the same
// file, and validates it with the same zod schema as the create / update forms. `run` then writes
// the plan through the call's Writer (one transaction, one change-log batch: one undo step).
//
// Duplicates: a row matches a record (in the workspace, or created or updated by an earlier row
// of the file) with the same email, else the same normalized name (duplicates/detect.ts), else —
// organizations — the same website domain. With `skip` the row is skipped; with `update` the row's
// non-empty cells are written over the record (a later row of the file updates what an earlier
// one created); with `create` rows are never matched. A row with a problem (a cell that cannot be
// read, a value the form would refuse, more cells than the header) is invalid and writes nothing;
// a row with fewer cells than the header reads the missing ones as empty.
//
// Custom fields: a mapping entry `custom:<fieldId>` fills one of the entity's custom fields (the
// field must exist when the mapping is checked and run). Its cells are read per the field's kind
// with the forms' rules, and written to custom_values in bulk with the records (its indexes are
// rebuilt like the records' for a large import); like the fixed fields, an empty cell writes
// nothing (an updated record keeps its value).

type Db = Pick<CallContext, 'db'>;

interface StagedImport extends ParsedFile {
  id: string;
  entity: ImportEntity;
  fileName: string;
  /** The last conversion (the dry run's), reused by the import when the mapping is the same. */
  converted?: { key: string; rows: ConvertedRow[] };
  /**
   * The last dry run's plan, reused by the import when the mapping and the duplicate rule are the
   * same and nothing was written since (the change log's last sequence number is unchanged).
   */
  planned?: { key: string; seq: number; plan: Plan };
}

/** How many files stay staged (a re-opened file replaces nothing; the oldest goes). */
export const MAX_STAGED = 2;
const staged = new Map<string, StagedImport>();

/** Rows written between two progress events. */
const PROGRESS_EVERY = 1000;
/** A cell the export neutralized (see exports/service.ts neutralizeFormula). */
const FORMULA_GUARD = /^'[=+\-@\t\r]/;
/** Records read per `in (...)` query. */
const READ_CHUNK = 500;

// ---------------------------------------------------------------------------------------------
// Step 1: open

export async function openImport(ctx: Db, input: { entity: ImportEntity; fileName: string; content: string }): Promise<ImportPreview> {
  const parsed = await parseImportFile(input.content);
  const id = randomUUID();
  const fields = await fieldDefinitions(ctx, input.entity);
  const remembered = await rememberedMapping(ctx, input.entity, parsed.headers, fields);
  staged.set(id, { ...parsed, id, entity: input.entity, fileName: input.fileName });
  while (staged.size > MAX_STAGED) staged.delete(staged.keys().next().value as string);
  const width = parsed.headers.length;
  return {
    importId: id,
    entity: input.entity,
    fileName: input.fileName,
    format: parsed.format,
    sheet: parsed.sheet,
    headers: parsed.headers,
    rowCount: parsed.rows.length,
    preview: parsed.rows.slice(0, IMPORT_PREVIEW_ROWS).map((cells) => Array.from({ length: width }, (_, i) => cells[i] ?? '')),
    mapping: remembered ?? guessMapping(input.entity, parsed.headers, fields),
    remembered: remembered !== null,
    notes: parsed.notes,
  };
}

export function discardImport(importId: string): { deleted: true } {
  staged.delete(importId);
  return { deleted: true };
}

function mappingSchema(entity: ImportEntity) {
  return entity === 'organization' ? organizationMapping : personMapping;
}

/**
 * The mapping last used for these headers. An entry naming a custom field deleted since is left
 * out (the column is not imported until the coordinator maps it again).
 */
async function rememberedMapping(ctx: Db, entity: ImportEntity, headers: readonly string[], fields: readonly CustomFieldsTable[]): Promise<(string | null)[] | null> {
  const row = await ctx.db.selectFrom('import_mappings').select('mapping_json').where('header_key', '=', headerKey(entity, headers)).executeTakeFirst();
  if (!row) return null;
  try {
    // A mapping saved by an older version may name a field that no longer exists: then guess again.
    const mapping = mappingSchema(entity).safeParse(JSON.parse(row.mapping_json));
    if (!mapping.success || mapping.data.length !== headers.length) return null;
    const known = new Set(fields.map((f) => f.id));
    return mapping.data.map((field) => {
      const fieldId = customFieldIdOf(field);
      return fieldId === null || known.has(fieldId) ? field : null;
    });
  } catch {
    return null;
  }
}

async function rememberMapping(ctx: CallContext, entity: ImportEntity, headers: readonly string[], mapping: readonly (string | null)[]): Promise<void> {
  const values = { header_key: headerKey(entity, headers), entity, mapping_json: JSON.stringify(mapping), updated_at: ctx.now };
  await ctx.db
    .insertInto('import_mappings')
    .values(values)
    .onConflict((oc) => oc.column('header_key').doUpdateSet({ mapping_json: values.mapping_json, updated_at: values.updated_at }))
    .execute();
}

function stagedImport(plan: ImportPlan): StagedImport {
  const found = staged.get(plan.importId);
  if (!found) {
    throw new AppError('not_found', 'This file is no longer open for import (it was imported, closed, or replaced by newer files). Open it again.', {
      issues: [{ path: 'importId', message: 'No file is open under this id.' }],
    });
  }
  if (found.entity !== plan.entity) {
    const message = `This file was opened as an import of ${found.entity === 'organization' ? 'organizations' : 'people'}.`;
    throw new AppError('validation', message, { issues: [{ path: 'entity', message }] });
  }
  if (plan.mapping.length !== found.headers.length) {
    const message = `The mapping has ${plan.mapping.length} entries but the file has ${found.headers.length} columns.`;
    throw new AppError('validation', message, { issues: [{ path: 'mapping', message }] });
  }
  return found;
}

/**
 * The custom fields the mapping fills, by column index. A field that does not exist (deleted since
 * the file was opened) or belongs to the other entity is refused, naming the column.
 */
async function customColumnsOf(ctx: Db, file: StagedImport, mapping: readonly (string | null)[]): Promise<Map<number, CustomFieldsTable>> {
  const columns = new Map<number, CustomFieldsTable>();
  const wanted = mapping.map(customFieldIdOf);
  if (wanted.every((fieldId) => fieldId === null)) return columns;
  const fields = new Map((await ctx.db.selectFrom('custom_fields').selectAll().execute()).map((f) => [f.id, f]));
  const issues: { path: string; message: string }[] = [];
  wanted.forEach((fieldId, index) => {
    if (fieldId === null) return;
    const field = fields.get(fieldId);
    const header = file.headers[index] as string;
    if (!field) {
      issues.push({ path: `mapping.${index}`, message: `Column “${header}” fills a custom field that no longer exists (it may have been deleted). Choose another field or leave the column out.` });
    } else if (field.entity !== file.entity) {
      issues.push({
        path: `mapping.${index}`,
        message: `Column “${header}” fills “${field.label}”, a custom field of ${field.entity === 'organization' ? 'organizations' : 'people'}; choose a field of ${file.entity === 'organization' ? 'organizations' : 'people'}.`,
      });
    } else columns.set(index, field);
  });
  const first = issues[0];
  if (first) throw new AppError('validation', `${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`, { issues });
  return columns;
}

// ---------------------------------------------------------------------------------------------
// Converting rows (independent of the workspace, so the import reuses the dry run's)

type CustomValueRow = NonNullable<StoredCustomValue>;

interface ConvertedRow {
  /** null when a cell could not be read (the row is invalid). */
  patch: OrganizationPatch | PersonPatch | null;
  /** The custom values the row's non-empty cells set, by field id (absent when none). */
  custom?: Map<string, CustomValueRow>;
  problems: RowProblem[];
}

function convertRows(file: StagedImport, mapping: readonly (string | null)[], customColumns: ReadonlyMap<number, CustomFieldsTable>): ConvertedRow[] {
  // The custom fields' definitions are part of the key: a choice added since the dry run reads differently.
  const key = JSON.stringify([mapping, [...customColumns.values()].map((f) => [f.id, f.kind, f.label, f.choices_json])]);
  if (file.converted?.key === key) return file.converted.rows;
  const converters: Record<string, (cell: string) => unknown> = file.entity === 'organization' ? ORGANIZATION_CONVERTERS : PERSON_CONVERTERS;
  const width = file.headers.length;
  const columns = mapping.flatMap((field, index) => {
    if (field === null) return [];
    const custom = customColumns.get(index);
    return [custom ? { index, field: custom.id, custom: true, convert: customConverter(custom) } : { index, field, custom: false, convert: converters[field] as (cell: string) => unknown }];
  });
  const rows = file.rows.map((cells, r): ConvertedRow => {
    const row = file.rowNumbers[r] as number;
    const problems: RowProblem[] = [];
    if (cells.length > width) {
      let last = cells.length;
      while (last > width && (cells[last - 1] ?? '').trim() === '') last -= 1;
      if (last > width) problems.push({ row, column: null, message: `Row has ${last} cells; the header has ${width}.` });
    }
    const patch: Record<string, unknown> = {};
    let custom: Map<string, CustomValueRow> | undefined;
    for (const { index, field, custom: isCustom, convert } of columns) {
      const raw = cells[index];
      if (raw === undefined || raw.trim() === '') continue;
      // The export puts a quote before a leading = + - @ so spreadsheets do not run it: take it off.
      const cell = FORMULA_GUARD.test(raw) ? raw.slice(1) : raw;
      try {
        const value = convert(cell);
        if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
        if (isCustom) (custom ??= new Map<string, CustomValueRow>()).set(field, value as CustomValueRow);
        else patch[field] = value;
      } catch (error) {
        if (!(error instanceof CellProblem)) throw error;
        problems.push({ row, column: file.headers[index] as string, message: error.message });
      }
    }
    return problems.length === 0 ? { patch, ...(custom ? { custom } : {}), problems } : { patch: null, problems };
  });
  file.converted = { key, rows };
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Planning: matching and validation (shared by the dry run and the import)

interface Target<I> {
  id: string;
  /** The record as stored when the row updates an existing one; null for a new record. */
  existing: OrganizationsTable | PeopleTable | null;
  /** The record as the import leaves it (validated). */
  input: I;
  /** People: the organization to link as primary affiliation (the last row's wins). */
  organizationId: string | null;
  /** Custom values to set, by field id (a later row's value wins). */
  custom?: Map<string, CustomValueRow>;
}

interface Plan {
  entity: ImportEntity;
  targets: Target<OrganizationInput | PersonInput>[];
  counts: ImportResult;
  problems: RowProblem[];
}

/** The match keys of a record or row: email, name, website (organizations), in that order. */
function matchKeys(entity: ImportEntity, record: { name?: string | undefined; email?: string | undefined; website?: string | undefined }): string[] {
  const keys: string[] = [];
  const email = record.email ? emailKey(record.email) : null;
  if (email) keys.push(`e:${email}`);
  const name = record.name ? (entity === 'organization' ? organizationNameKey(record.name) : personNameKey(record.name)) : null;
  if (name) keys.push(`n:${name}`);
  const website = entity === 'organization' && record.website ? websiteKey(record.website) : null;
  if (website) keys.push(`w:${website}`);
  return keys;
}

/** The match keys of every record in the workspace, oldest record first (it wins a shared key). */
async function existingKeys(ctx: Db, entity: ImportEntity): Promise<Map<string, string>> {
  const index = new Map<string, string>();
  const { rows } =
    entity === 'organization'
      ? await sql<{ id: string; name: string; email: string; website: string }>`select id, name, email, website from organizations order by created_at, rowid`.execute(ctx.db)
      : await sql<{ id: string; name: string; email: string }>`select id, name, email from people order by created_at, rowid`.execute(ctx.db);
  for (const record of rows) {
    for (const key of matchKeys(entity, record)) if (!index.has(key)) index.set(key, record.id);
  }
  return index;
}

/** Organization name key → id (the oldest with that name), for the people's organization column. */
async function organizationsByName(ctx: Db): Promise<Map<string, string>> {
  const index = new Map<string, string>();
  const { rows } = await sql<{ id: string; name: string }>`select id, name from organizations order by created_at, rowid`.execute(ctx.db);
  for (const { id, name } of rows) {
    const key = organizationNameKey(name);
    if (key && !index.has(key)) index.set(key, id);
  }
  return index;
}

async function readRows<T extends 'organizations' | 'people'>(ctx: Db, table: T, ids: readonly string[]): Promise<Map<string, T extends 'organizations' ? OrganizationsTable : PeopleTable>> {
  const found = new Map<string, T extends 'organizations' ? OrganizationsTable : PeopleTable>();
  for (let start = 0; start < ids.length; start += READ_CHUNK) {
    const chunk = ids.slice(start, start + READ_CHUNK);
    const { rows } = await sql<T extends 'organizations' ? OrganizationsTable : PeopleTable>`select * from ${sql.table(table)} where id in (${sql.join(chunk)})`.execute(ctx.db);
    for (const row of rows) found.set(row.id, row);
  }
  return found;
}

/** An existing record as the input its form would send: the base an 'update' row patches. */
function organizationFromRow(row: OrganizationsTable): OrganizationInput {
  const { id: _id, stageChangedOn: _since, lastContactedOn: _contacted, createdAt: _created, updatedAt: _updated, custom: _custom, ...input } = toOrganization(row);
  return input;
}

function personFromRow(row: PeopleTable): PersonInput {
  const { id: _id, lastContactedOn: _contacted, createdAt: _created, updatedAt: _updated, custom: _custom, ...input } = personAsContract(row);
  return input;
}

async function planImport(ctx: Db, file: StagedImport, plan: ImportPlan): Promise<Plan> {
  const { entity, mapping } = plan;
  const strategy: DuplicateStrategy = plan.duplicates;
  const converted = convertRows(file, mapping, await customColumnsOf(ctx, file, mapping));
  const columnOf = new Map<string, string>();
  mapping.forEach((field, index) => {
    if (field !== null) columnOf.set(field, file.headers[index] as string);
  });
  const schema: z.ZodType<OrganizationInput | PersonInput> = entity === 'organization' ? organizationInput : personInput;
  const apply = (base: OrganizationInput | PersonInput, patch: OrganizationPatch | PersonPatch) =>
    entity === 'organization' ? applyOrganizationPatch(base as OrganizationInput, patch) : applyPersonPatch(base as PersonInput, patch);

  // Keys of the workspace's records (unless every row creates), and of the rows planned so far.
  const index: Map<string, string | Target<OrganizationInput | PersonInput>> = strategy === 'create' ? new Map<string, string | Target<OrganizationInput | PersonInput>>() : await existingKeys(ctx, entity);
  const organizations = entity === 'person' && columnOf.has('organization') ? await organizationsByName(ctx) : new Map<string, string>();
  // Records that rows will update: read whole, up front, in chunks.
  let existingRows = new Map<string, OrganizationsTable | PeopleTable>();
  if (strategy === 'update') {
    const ids = new Set<string>();
    for (const { patch } of converted) {
      if (!patch) continue;
      for (const key of matchKeys(entity, patch)) {
        const hit = index.get(key);
        if (typeof hit === 'string') ids.add(hit);
      }
    }
    existingRows = await readRows(ctx, entity === 'organization' ? 'organizations' : 'people', [...ids]);
  }
  const updating = new Map<string, Target<OrganizationInput | PersonInput>>();

  const targets: Target<OrganizationInput | PersonInput>[] = [];
  const problems: RowProblem[] = [];
  const counts: ImportResult = { created: 0, updated: 0, skipped: 0, invalid: 0 };
  const invalid = (rowProblems: RowProblem[]) => {
    counts.invalid += 1;
    problems.push(...rowProblems);
  };

  converted.forEach(({ patch, custom, problems: cellProblems }, r) => {
    if (!patch) return invalid(cellProblems);
    const row = file.rowNumbers[r] as number;
    let target: Target<OrganizationInput | PersonInput> | undefined;
    const keys = strategy === 'create' ? [] : matchKeys(entity, patch);
    if (strategy !== 'create') {
      for (const key of keys) {
        const hit = index.get(key);
        if (hit === undefined) continue;
        if (typeof hit !== 'string') target = hit;
        else {
          target = updating.get(hit);
          const existing = existingRows.get(hit);
          if (!target && strategy === 'update' && existing) {
            const input = entity === 'organization' ? organizationFromRow(existing as OrganizationsTable) : personFromRow(existing as PeopleTable);
            target = { id: hit, existing, input, organizationId: null };
          }
          if (!target) target = { id: hit, existing: null, input: emptyOrganizationInput(), organizationId: null }; // skip: only its presence matters
        }
        break;
      }
    }
    if (target && strategy === 'skip') {
      counts.skipped += 1;
      return;
    }

    let organizationId: string | null = null;
    const organizationName = (patch as PersonPatch).organization;
    if (organizationName !== undefined) {
      const key = organizationNameKey(organizationName);
      organizationId = (key && organizations.get(key)) || null;
      if (!organizationId) {
        return invalid([{ row, column: columnOf.get('organization') ?? null, message: `No organization named “${organizationName.trim()}” in the directory. Add it (or import the organizations) first.` }]);
      }
    }

    const merged = apply(target ? target.input : entity === 'organization' ? emptyOrganizationInput() : emptyPersonInput(), patch);
    const checked = schema.safeParse(merged);
    if (!checked.success) {
      return invalid(
        checked.error.issues.map((issue) => {
          const column = fieldsOfPath(entity, issue.path).map((field) => columnOf.get(field)).find((c) => c !== undefined) ?? null;
          return { row, column, message: issue.message };
        }),
      );
    }
    const isNew = !target;
    if (target) {
      target.input = checked.data;
      if (organizationId) target.organizationId = organizationId;
      if (custom) target.custom = new Map([...(target.custom ?? []), ...custom]);
      if (target.existing && !updating.has(target.id)) {
        updating.set(target.id, target);
        targets.push(target);
      }
      counts.updated += 1;
    } else {
      target = { id: randomUUID(), existing: null, input: checked.data, organizationId, ...(custom ? { custom: new Map(custom) } : {}) };
      targets.push(target);
      counts.created += 1;
    }
    if (strategy !== 'create') {
      // A new record answers to the row's own keys (the schema only trims, which the keys ignore).
      for (const key of isNew ? keys : matchKeys(entity, checked.data)) {
        const hit = index.get(key);
        // The record this row made or changed now answers to its keys, unless another one already does.
        if (hit === undefined || (typeof hit === 'string' && hit === target.id)) index.set(key, target);
      }
    }
    return undefined;
  });
  return { entity, targets, counts, problems };
}

// ---------------------------------------------------------------------------------------------
// Step 2: check

function planKey(plan: ImportPlan): string {
  return JSON.stringify([plan.entity, plan.duplicates, plan.mapping]);
}

/** Every write goes through the Writer, which logs it: an unchanged last sequence number means an unchanged workspace. */
async function lastChange(ctx: Db): Promise<number> {
  const { rows } = await sql<{ seq: number | null }>`select max(seq) as seq from change_log`.execute(ctx.db);
  return rows[0]?.seq ?? 0;
}

export async function checkImport(ctx: Db, plan: ImportPlan): Promise<ImportCheck> {
  const file = stagedImport(plan);
  const planned = await planImport(ctx, file, plan);
  file.planned = { key: planKey(plan), seq: await lastChange(ctx), plan: planned };
  const { counts, problems } = planned;
  return { ...counts, problems: problems.slice(0, MAX_LISTED_PROBLEMS), problemCount: problems.length };
}

// ---------------------------------------------------------------------------------------------
// Step 3: run

export async function runImport(ctx: CallContext, input: ImportRunInput): Promise<ImportResult> {
  const file = stagedImport(input);
  const planned = file.planned;
  file.planned = undefined;
  const plan = planned && planned.key === planKey(input) && planned.seq === (await lastChange(ctx)) ? planned.plan : await planImport(ctx, file, input);
  if (plan.counts.invalid > 0 && !input.skipInvalid) {
    const n = plan.counts.invalid;
    throw new AppError(
      'validation',
      `${n.toLocaleString('en')} ${n === 1 ? 'row has' : 'rows have'} problems, so nothing was imported. Fix ${n === 1 ? 'it' : 'them'} in the file, or import without the rows that have problems.`,
      { invalid: n, problemCount: plan.problems.length, problems: plan.problems.slice(0, MAX_LISTED_PROBLEMS) },
    );
  }
  const total = plan.targets.length;
  ctx.progress('import', 0, total);
  const created = plan.counts.created;
  const customValues = plan.targets.reduce((n, target) => n + (target.custom?.size ?? 0), 0);
  const growing =
    plan.entity === 'organization'
      ? [{ tables: ['organizations', 'organization_labels'], adding: created }, { tables: ['organization_stage_changes'], adding: created }, { tables: ['change_log'], adding: 2 * created + customValues }]
      : [{ tables: ['people', 'person_labels'], adding: created }, { tables: ['affiliations'], adding: created }, { tables: ['change_log'], adding: created + customValues }];
  // The values existing records have in the fields the file fills, read before custom_values' indexes may be dropped.
  const currentValues = await currentCustomValues(ctx, plan.targets);
  await withIndexesRebuilt(ctx, [...growing, { tables: ['custom_values'], adding: customValues }], async () => {
    for (let start = 0; start < total; start += PROGRESS_EVERY) {
      const chunk = plan.targets.slice(start, start + PROGRESS_EVERY);
      if (plan.entity === 'organization') await writeOrganizations(ctx, chunk as Target<OrganizationInput>[]);
      else await writePeople(ctx, chunk as Target<PersonInput>[]);
      await writeCustomValues(ctx, chunk, currentValues);
      ctx.progress('import', Math.min(total, start + chunk.length), total);
    }
  });
  await rememberMapping(ctx, file.entity, file.headers, input.mapping);
  staged.delete(file.id);
  return plan.counts;
}

/** A big import into a table at least as big as it rebuilds the table's indexes afterwards rather than updating them row by row. */
const REBUILD_MIN_ROWS = 10_000;

/**
 * Runs `write` with the (non-unique) indexes of the tables that will at least double by REBUILD_MIN_ROWS
 * rows or more dropped, then creates them again from their stored definitions: building an index
 * from sorted rows costs a fraction of inserting each row into it (measured: 100k organizations,
 * 18 → 8 CPU seconds with the label and search triggers). All in the call's transaction, so a
 * failure restores the indexes with everything else. The first table of each group decides; the
 * others (a trigger-filled label table) follow it.
 */
async function withIndexesRebuilt(ctx: Db, groups: { tables: string[]; adding: number }[], write: () => Promise<void>): Promise<void> {
  const dropped: { name: string; sql: string }[] = [];
  for (const { tables, adding } of groups) {
    const [first] = tables;
    if (first === undefined || adding < REBUILD_MIN_ROWS) continue;
    // max(rowid) is the row count or more, and costs nothing to read.
    const { rows: size } = await sql<{ n: number | null }>`select max(rowid) as n from ${sql.table(first)}`.execute(ctx.db);
    if ((size[0]?.n ?? 0) > adding) continue;
    for (const table of tables) {
      const { rows } = await sql<{ name: string; sql: string }>`select name, sql from sqlite_schema where type = 'index' and tbl_name = ${table} and sql is not null`.execute(ctx.db);
      for (const index of rows) {
        if (/^\s*create\s+unique\b/i.test(index.sql)) continue;
        await sql`drop index ${sql.id(index.name)}`.execute(ctx.db);
        dropped.push(index);
      }
    }
  }
  await write();
  for (const index of dropped) await sql.raw(index.sql).execute(ctx.db);
}

/** The organization's columns in the table's order (as a record read back is logged). */
function newOrganizationRow(ctx: CallContext, id: string, input: OrganizationInput): OrganizationsTable {
  const c = organizationColumns(input);
  return {
    id,
    name: c.name,
    other_names_json: c.other_names_json,
    sector: c.sector,
    type: c.type,
    issue_areas_json: c.issue_areas_json,
    regions_json: c.regions_json,
    populations_json: c.populations_json,
    alignment_score: c.alignment_score,
    alignment_note: c.alignment_note,
    stage: c.stage,
    stage_changed_on: today(ctx),
    tier: c.tier,
    contributions_json: c.contributions_json,
    website: c.website,
    email: c.email,
    phone: c.phone,
    address: c.address,
    city: c.city,
    district: c.district,
    registration_number: c.registration_number,
    staff_size: c.staff_size,
    budget_band: c.budget_band,
    tags_json: c.tags_json,
    notes: c.notes,
    last_contacted_on: null,
    created_at: ctx.now,
    updated_at: ctx.now,
  };
}

function today(ctx: Pick<CallContext, 'now'>): string {
  return ctx.now.slice(0, 10);
}

/** As organizations.create / update do, a chunk at a time: the record, and a stage change when the stage is new. */
async function writeOrganizations(ctx: CallContext, targets: Target<OrganizationInput>[]): Promise<void> {
  const created: OrganizationsTable[] = [];
  const updates: { before: OrganizationsTable; patch: Partial<OrganizationsTable> }[] = [];
  const stageChanges: { id: string; organization_id: string; stage: string; changed_on: string }[] = [];
  for (const target of targets) {
    if (target.existing === null) {
      created.push(newOrganizationRow(ctx, target.id, target.input));
      stageChanges.push({ id: randomUUID(), organization_id: target.id, stage: target.input.stage, changed_on: today(ctx) });
    } else {
      const before = target.existing as OrganizationsTable;
      const stageChanged = before.stage !== target.input.stage;
      updates.push({ before, patch: { ...organizationColumns(target.input), ...(stageChanged ? { stage_changed_on: today(ctx) } : {}), updated_at: ctx.now } });
      if (stageChanged) stageChanges.push({ id: randomUUID(), organization_id: target.id, stage: target.input.stage, changed_on: today(ctx) });
    }
  }
  await ctx.write.insertMany('organizations', created);
  await ctx.write.updateMany('organizations', updates);
  await ctx.write.insertMany('organization_stage_changes', stageChanges);
}

/** As people.create / update do, plus the primary affiliation named by the organization column. */
async function writePeople(ctx: CallContext, targets: Target<PersonInput>[]): Promise<void> {
  const created: PeopleTable[] = [];
  const updates: { before: PeopleTable; patch: Partial<PeopleTable> }[] = [];
  const links: { personId: string; organizationId: string; isNew: boolean }[] = [];
  for (const target of targets) {
    if (target.existing === null) {
      created.push({ id: target.id, ...personToColumns(target.input), last_contacted_on: null, created_at: ctx.now, updated_at: ctx.now });
    } else {
      updates.push({ before: target.existing as PeopleTable, patch: { ...personToColumns(target.input), updated_at: ctx.now } });
    }
    if (target.organizationId) links.push({ personId: target.id, organizationId: target.organizationId, isNew: target.existing === null });
  }
  await ctx.write.insertMany('people', created);
  await ctx.write.updateMany('people', updates);
  await linkPrimary(ctx, links);
}

/**
 * Each person's primary affiliation becomes the named organization: an existing affiliation to it
 * is made primary, else a new one (no role or dates) is added; the person's other primaries are
 * cleared, as affiliations.create does.
 */
async function linkPrimary(ctx: CallContext, links: { personId: string; organizationId: string; isNew: boolean }[]): Promise<void> {
  if (links.length === 0) return;
  const current = new Map<string, AffiliationsTable[]>();
  const known = links.filter((l) => !l.isNew).map((l) => l.personId);
  for (let start = 0; start < known.length; start += READ_CHUNK) {
    const chunk = known.slice(start, start + READ_CHUNK);
    const rows = await ctx.db.selectFrom('affiliations').selectAll().where('person_id', 'in', chunk).orderBy(sql`rowid`).execute();
    for (const row of rows) current.set(row.person_id, [...(current.get(row.person_id) ?? []), row]);
  }
  const inserts: AffiliationsTable[] = [];
  const changes: { before: AffiliationsTable; patch: Partial<AffiliationsTable> }[] = [];
  for (const { personId, organizationId } of links) {
    const mine = current.get(personId) ?? [];
    const linked = mine.find((a) => a.organization_id === organizationId && a.is_primary === 1) ?? mine.find((a) => a.organization_id === organizationId);
    for (const other of mine) if (other !== linked && other.is_primary === 1) changes.push({ before: other, patch: { is_primary: 0 } });
    if (linked) {
      if (linked.is_primary !== 1) changes.push({ before: linked, patch: { is_primary: 1 } });
    } else {
      inserts.push({ id: randomUUID(), person_id: personId, organization_id: organizationId, role: '', is_primary: 1, start_on: null, end_on: null });
    }
  }
  await ctx.write.updateMany('affiliations', changes);
  await ctx.write.insertMany('affiliations', inserts);
}


/** The custom values of the existing records the import sets custom values on, by `recordId fieldId`. */
async function currentCustomValues(ctx: Db, targets: readonly Target<unknown>[]): Promise<Map<string, CustomValuesTable>> {
  const current = new Map<string, CustomValuesTable>();
  const known = targets.filter((t) => t.existing !== null && t.custom !== undefined && t.custom.size > 0).map((t) => t.id);
  for (let start = 0; start < known.length; start += READ_CHUNK) {
    const chunk = known.slice(start, start + READ_CHUNK);
    const rows = await ctx.db.selectFrom('custom_values').selectAll().where('record_id', 'in', chunk).execute();
    for (const row of rows) current.set(`${row.record_id} ${row.field_id}`, row);
  }
  return current;
}

/**
 * The chunk's custom values, in bulk through the Writer: a new record's are inserted; an existing
 * record's replace the values it has in those fields (`current`, read whole before the import
 * wrote anything, for the change log) or are inserted. Fields the row leaves empty are not touched.
 */
async function writeCustomValues(ctx: CallContext, targets: readonly Target<unknown>[], current: ReadonlyMap<string, CustomValuesTable>): Promise<void> {
  const inserts: CustomValuesTable[] = [];
  const updates: { before: CustomValuesTable; patch: Partial<CustomValuesTable> }[] = [];
  for (const target of targets) {
    for (const [fieldId, value] of target.custom ?? []) {
      const before = target.existing === null ? undefined : current.get(`${target.id} ${fieldId}`);
      if (before) updates.push({ before, patch: { value_text: value.value_text, value_number: value.value_number } });
      else inserts.push({ id: randomUUID(), field_id: fieldId, record_id: target.id, value_text: value.value_text, value_number: value.value_number });
    }
  }
  await ctx.write.updateMany('custom_values', updates);
  await ctx.write.insertMany('custom_values', inserts);
}
