import { randomUUID } from 'node:crypto';
import { constants, createReadStream } from 'node:fs';
import { open, rm, type FileHandle } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import type { z } from 'zod';
import { AppError } from '@shared/errors';
import {
  MAX_LISTED_PROBLEMS,
  customFieldIdOf,
  officialMapping,
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
import { officialInput } from '@shared/policy/contract';
import type { AffiliationsTable, CustomFieldsTable, CustomValuesTable, OrganizationsTable, PeopleTable } from '../../db/schema';
import type { CallContext } from '../../rpc/handlers';
import { deserialize, serialize } from '../../db/writer';
import { fieldDefinitions } from '../customFields/service';
import { withBulkIndexing } from '../bulkInsert';
import { organizationNameKey } from '../duplicates/detect';
import { fromInput as organizationColumns, toOrganization } from '../organizations/service';
import { personFromRow as personAsContract, personToColumns } from '../people/service';
import {
  applyOrganizationPatch,
  applyPersonPatch,
  fieldsOfPath,
  guessMapping,
  headerKey,
  ORGANIZATION_CONVERTERS,
  PERSON_CONVERTERS,
  type OrganizationPatch,
  type PersonPatch,
} from './convert';
import { completeImportFile, discardImportFile, forgetCheck, importFile, plannedPath, type ImportFile } from './files';
import { openImportTable, type ImportTable } from './parse';
import { convertedRows, directoryMatchKeys, warmImportWorker, type ConvertedRow, type CustomValueRow, type FreshCheck, type RowsSpec } from './rows';
import type { OfficialInput } from '@shared/policy/contract';
import {
  applyOfficialPatch,
  emptyOfficialInput,
  OFFICIAL_CONVERTERS,
  officialFromRow,
  officialKeyRecords,
  officialLookups,
  officialMatchKeys,
  resolveOfficialRow,
  writeOfficials,
  type OfficialLookups,
  type OfficialTarget,
} from '../../policy/officialImport';
import type { OfficialsTable } from '../../policy/tables';

// The import's three steps, over a file uploaded to a temporary file (files.ts). `open` reads it
// through once (parse.ts) and keeps only what the preview shows; `check` and `run` share
// `planImport`, which reads the rows again a batch at a time, converts each with the mapping,
// matches it against the workspace and the earlier rows of the same file, and validates it with
// the same zod schema as the create / update forms. `run` writes each batch's records through the
// call's Writer as it goes (one transaction, one change-log batch: one undo step).
//
// Duplicates: a row matches a record (in the workspace, or created or updated by an earlier row
// of the file) with the same email, else the same normalized name (duplicates/detect.ts), else —
// organizations — the same website domain. With `skip` the row is skipped; with `update` the row's
// non-empty cells are written over the record (a later row of the file updates what an earlier
// one created); with `create` rows are never matched. A row with a problem (a cell that cannot be
// read, a value the form would refuse, more cells than the header) is invalid and writes nothing;
// a row with fewer cells than the header reads the missing ones as empty.
//
// Memory: the match keys of the workspace's records and of the file's rows (the duplicate index),
// never the rows themselves. With `update`, a record that several rows of the file fill stays in
// memory until the end (a first read of the file finds which: those whose rows share a key), so
// that it is validated and written once, as the rows leave it; every other record is written with
// its batch and forgotten.
//
// Officials (the policy area's import, entity 'official') go through the same steps; what is
// theirs — converters, match key (normalized name + district), body and committee names, the
// write — lives in policy/officialImport.ts. They have no custom fields.
//
// Custom fields: a mapping entry `custom:<fieldId>` fills one of the entity's custom fields (the
// field must exist when the mapping is checked and run). Its cells are read per the field's kind
// with the forms' rules, and written to custom_values in bulk with the records (its indexes are
// rebuilt like the records' for a large import); like the fixed fields, an empty cell writes
// nothing (an updated record keeps its value).

type Db = Pick<CallContext, 'db'>;

/** Rows between two progress events of the import. */
const PROGRESS_EVERY = 1000;

/** An uploaded file `open` has read. */
type StagedImport = ImportFile & { table: ImportTable };

/** Records read per `in (...)` query. */
const READ_CHUNK = 500;

// ---------------------------------------------------------------------------------------------
// Step 1: open

export async function openImport(ctx: Db, input: { importId: string }): Promise<ImportPreview> {
  const file = completeImportFile(input.importId);
  // A large file's dry run converts it in a worker: started now, it is ready by then.
  warmImportWorker(file.entity, file.size);
  let table: ImportTable;
  try {
    table = await openImportTable(file.path);
  } catch (error) {
    // A file that cannot be imported is not kept (it may hold people's details).
    await discardImportFile(file.id);
    throw error;
  }
  file.table = table;
  await forgetCheck(file);
  const fields = file.entity === 'official' ? [] : await fieldDefinitions(ctx, file.entity);
  const remembered = await rememberedMapping(ctx, file.entity, table.headers, fields);
  return {
    importId: file.id,
    entity: file.entity,
    fileName: file.fileName,
    format: table.format,
    sheet: table.sheet,
    headers: table.headers,
    rowCount: table.rowCount,
    preview: table.preview,
    mapping: remembered ?? guessMapping(file.entity, table.headers, fields),
    remembered: remembered !== null,
    notes: table.notes,
  };
}

function mappingSchema(entity: ImportEntity) {
  return entity === 'organization' ? organizationMapping : entity === 'person' ? personMapping : officialMapping;
}

const PLURALS: Record<ImportEntity, string> = { organization: 'organizations', person: 'people', official: 'officials' };

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
  const found = importFile(plan.importId);
  const { table } = found;
  if (!table) {
    const message = 'This file has not been opened yet: it is still uploading, or its upload was not finished. Open it again.';
    throw new AppError('validation', message, { issues: [{ path: 'importId', message }] });
  }
  if (found.entity !== plan.entity) {
    const message = `This file was opened as an import of ${PLURALS[found.entity]}.`;
    throw new AppError('validation', message, { issues: [{ path: 'entity', message }] });
  }
  if (plan.mapping.length !== table.headers.length) {
    const message = `The mapping has ${plan.mapping.length} entries but the file has ${table.headers.length} columns.`;
    throw new AppError('validation', message, { issues: [{ path: 'mapping', message }] });
  }
  return { ...found, table };
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
    const header = file.table.headers[index] as string;
    if (!field) {
      issues.push({ path: `mapping.${index}`, message: `Column “${header}” fills a custom field that no longer exists (it may have been deleted). Choose another field or leave the column out.` });
    } else if (field.entity !== file.entity) {
      issues.push({
        path: `mapping.${index}`,
        message: `Column “${header}” fills “${field.label}”, a custom field of ${field.entity === 'organization' ? 'organizations' : 'people'}; choose a field of ${PLURALS[file.entity]}.`,
      });
    } else columns.set(index, field);
  });
  const first = issues[0];
  if (first) throw new AppError('validation', `${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`, { issues });
  return columns;
}

// ---------------------------------------------------------------------------------------------
// Converting rows (independent of the workspace): rows.ts, in a worker for a large file

/** The file's rows, converted with the plan's mapping (a new read of the file per call). */
function rowSource(file: StagedImport, duplicates: DuplicateStrategy, mapping: readonly (string | null)[], customColumns: ReadonlyMap<number, CustomFieldsTable>): () => AsyncGenerator<ConvertedRow[]> {
  const converters: Record<string, (cell: string) => unknown> =
    file.entity === 'organization' ? ORGANIZATION_CONVERTERS : file.entity === 'person' ? PERSON_CONVERTERS : OFFICIAL_CONVERTERS;
  // Only an update applies a row to a record it matches: otherwise a row the worker checked as a new record needs no patch back.
  const spec: RowsSpec = { path: file.path, table: file.table, entity: file.entity, mapping, customColumns: [...customColumns], patches: duplicates === 'update' };
  return () => convertedRows(spec, converters);
}

// ---------------------------------------------------------------------------------------------
// Planning: matching and validation (shared by the dry run and the import)

interface Target<I> {
  id: string;
  /** The record as stored when the row updates an existing one; null for a new record. */
  existing: OrganizationsTable | PeopleTable | OfficialsTable | null;
  /** The record as the import leaves it (validated). */
  input: I;
  /** People: the organization to link as primary affiliation (the last row's wins). */
  organizationId: string | null;
  /** Custom values to set, by field id (a later row's value wins). */
  custom?: Map<string, CustomValueRow>;
  /** Officials: the committees the rows named (memberships added). */
  committeeIds?: string[] | undefined;
}

type AnyTarget = Target<OrganizationInput | PersonInput | OfficialInput>;

interface Planned {
  counts: ImportResult;
  /** The first MAX_LISTED_PROBLEMS problems, in row order. */
  problems: RowProblem[];
  problemCount: number;
}

interface PlanSteps {
  /** Receives the records planned, a batch at a time, each once, as the rows leave it, with how many rows have been read so far. */
  write?: (targets: AnyTarget[], rows: number) => Promise<void>;
  /** How many rows have been planned. */
  progress?: (rows: number) => void;
}

/** The match keys of a record or row: email, name, website (organizations), in that order. */
function matchKeys(entity: ImportEntity, record: { name?: string | undefined; email?: string | undefined; website?: string | undefined; district?: string | undefined }): string[] {
  return entity === 'official' ? officialMatchKeys(record) : directoryMatchKeys(entity, record);
}

/**
 * The duplicate index: match key → the record it names, as a number (a string per key would
 * cost several times as much at a million rows): n ≥ 0 is the workspace's record `ids[n]`, n < 0
 * the record the file's rows made -n-th.
 */
interface KeyIndex {
  keys: Map<string, number>;
  ids: string[];
}

/** The match keys of every record in the workspace, oldest record first (it wins a shared key). */
async function existingKeys(ctx: Db, entity: ImportEntity): Promise<KeyIndex> {
  const keys = new Map<string, number>();
  const { rows } =
    entity === 'organization'
      ? await sql<{ id: string; name: string; email: string; website: string }>`select id, name, email, website from organizations order by created_at, rowid`.execute(ctx.db)
      : entity === 'person'
        ? await sql<{ id: string; name: string; email: string }>`select id, name, email from people order by created_at, rowid`.execute(ctx.db)
        : { rows: await officialKeyRecords(ctx) };
  rows.forEach((record, n) => {
    for (const key of matchKeys(entity, record)) if (!keys.has(key)) keys.set(key, n);
  });
  return { keys, ids: rows.map((record) => record.id) };
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

type ImportedTable<T> = T extends 'organizations' ? OrganizationsTable : T extends 'people' ? PeopleTable : OfficialsTable;
const TABLES = { organization: 'organizations', person: 'people', official: 'officials' } as const;

async function readRows<T extends 'organizations' | 'people' | 'officials'>(ctx: Db, table: T, ids: readonly string[]): Promise<Map<string, ImportedTable<T>>> {
  const found = new Map<string, ImportedTable<T>>();
  for (let start = 0; start < ids.length; start += READ_CHUNK) {
    const chunk = ids.slice(start, start + READ_CHUNK);
    const { rows } = await sql<ImportedTable<T>>`select * from ${sql.table(table)} where id in (${sql.join(chunk)})`.execute(ctx.db);
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

/**
 * With `update`, which records several rows of the file may fill (read through once, before the
 * plan): the keys more than one row has, and the workspace's records more than one row matches.
 * A record some row fills again has, from its first row, one of these (every later row reaches it
 * through a key it shares with an earlier one), so it is kept in memory until the end.
 */
async function sharedKeys(rows: () => AsyncGenerator<ConvertedRow[]>, entity: ImportEntity, index: KeyIndex): Promise<Set<string>> {
  const seen = new Map<string, number>();
  const count = (key: string) => seen.set(key, (seen.get(key) ?? 0) + 1);
  for await (const batch of rows()) {
    for (const { patch, keys: rowKeys } of batch) {
      if (!patch) continue;
      const keys = rowKeys ?? matchKeys(entity, patch);
      for (const key of keys) count(key);
      const existing = keys.map((key) => index.keys.get(key)).find((n) => n !== undefined);
      if (existing !== undefined) count(`#${existing}`);
    }
  }
  const shared = new Set<string>();
  for (const [key, n] of seen) if (n > 1) shared.add(key);
  return shared;
}

function checkInput(schema: z.ZodType<unknown>, input: unknown): FreshCheck {
  const result = schema.safeParse(input);
  return result.success ? { ok: true, data: result.data } : { ok: false, issues: result.error.issues };
}

async function planImport(ctx: Db, file: StagedImport, plan: ImportPlan, steps: PlanSteps = {}): Promise<Planned> {
  const { entity, mapping } = plan;
  const strategy: DuplicateStrategy = plan.duplicates;
  const fileRows = rowSource(file, strategy, mapping, await customColumnsOf(ctx, file, mapping));
  const columnOf = new Map<string, string>();
  mapping.forEach((field, index) => {
    if (field !== null) columnOf.set(field, file.table.headers[index] as string);
  });
  const schema: z.ZodType<OrganizationInput | PersonInput | OfficialInput> = entity === 'organization' ? organizationInput : entity === 'person' ? personInput : officialInput;
  const apply = (base: OrganizationInput | PersonInput | OfficialInput, patch: OrganizationPatch | PersonPatch | Partial<OfficialInput>) =>
    entity === 'organization'
      ? applyOrganizationPatch(base as OrganizationInput, patch)
      : entity === 'person'
        ? applyPersonPatch(base as PersonInput, patch)
        : applyOfficialPatch(base as OfficialInput, patch);
  const empty = () => (entity === 'organization' ? emptyOrganizationInput() : entity === 'person' ? emptyPersonInput() : emptyOfficialInput());
  const fromRow = (row: OrganizationsTable | PeopleTable | OfficialsTable) =>
    entity === 'organization' ? organizationFromRow(row as OrganizationsTable) : entity === 'person' ? personFromRow(row as PeopleTable) : officialFromRow(row as OfficialsTable);
  const lookups: OfficialLookups | null = entity === 'official' ? await officialLookups(ctx) : null;

  // Keys of the workspace's records (unless every row creates), and of the rows planned so far.
  const index: KeyIndex = strategy === 'create' ? { keys: new Map(), ids: [] } : await existingKeys(ctx, entity);
  let made = 0;
  const organizations = entity === 'person' && columnOf.has('organization') ? await organizationsByName(ctx) : new Map<string, string>();
  const shared = strategy === 'update' ? await sharedKeys(fileRows, entity, index) : new Set<string>();
  // The records in memory, by their number in the index: those the current batch fills, and (update) those later rows may fill again.
  const live = new Map<number, AnyTarget>();
  const kept = new Map<number, AnyTarget>();

  const problems: RowProblem[] = [];
  let problemCount = 0;
  const counts: ImportResult = { created: 0, updated: 0, skipped: 0, invalid: 0 };
  const invalid = (rowProblems: RowProblem[]) => {
    counts.invalid += 1;
    problemCount += rowProblems.length;
    problems.push(...rowProblems.slice(0, MAX_LISTED_PROBLEMS - problems.length));
  };
  let rows = 0;

  for await (const batch of fileRows()) {
    // Records of the workspace that the batch's rows will update: read whole, in chunks.
    let existingRows = new Map<string, OrganizationsTable | PeopleTable | OfficialsTable>();
    if (strategy === 'update') {
      const ids = new Set<string>();
      for (const { patch, keys } of batch) {
        if (!patch) continue;
        for (const key of keys ?? matchKeys(entity, patch)) {
          const hit = index.keys.get(key);
          if (hit !== undefined && hit >= 0 && !live.has(hit)) ids.add(index.ids[hit] as string);
        }
      }
      existingRows = await readRows(ctx, TABLES[entity], [...ids]);
    }
    const touched = new Map<number, AnyTarget>();

    for (const { row, patch: cells, custom, problems: cellProblems, fresh, keys: rowKeys } of batch) {
      if (!cells) {
        invalid(cellProblems);
        continue;
      }
      let patch: OrganizationPatch | PersonPatch | Partial<OfficialInput> = cells;
      let committeeIds: string[] | undefined;
      if (lookups) {
        const resolved = resolveOfficialRow(lookups, cells, row, columnOf);
        if (resolved.problems.length > 0) {
          invalid(resolved.problems);
          continue;
        }
        patch = resolved.patch;
        committeeIds = resolved.committeeIds;
      }
      let target: AnyTarget | undefined;
      let code: number | undefined;
      const keys = strategy === 'create' ? [] : (rowKeys ?? matchKeys(entity, patch));
      for (const key of keys) {
        code = index.keys.get(key);
        if (code === undefined) continue;
        target = live.get(code);
        const existing = code >= 0 ? existingRows.get(index.ids[code] as string) : undefined;
        if (!target && strategy === 'update' && existing) {
          target = { id: existing.id, existing, input: fromRow(existing), organizationId: null };
        }
        break;
      }
      if (code !== undefined && strategy === 'skip') {
        counts.skipped += 1;
        continue;
      }

      let organizationId: string | null = null;
      const organizationName = (patch as PersonPatch).organization;
      if (organizationName !== undefined) {
        const key = organizationNameKey(organizationName);
        organizationId = (key && organizations.get(key)) || null;
        if (!organizationId) {
          invalid([{ row, column: columnOf.get('organization') ?? null, message: `No organization named “${organizationName.trim()}” in the directory. Add it (or import the organizations) first.` }]);
          continue;
        }
      }

      // A row that matches nothing was checked as a new record by the worker, if it converted the row.
      const checked = !target && fresh ? fresh : checkInput(schema, apply(target ? target.input : empty(), patch));
      if (!checked.ok) {
        invalid(
          checked.issues.map((issue) => {
            const column = fieldsOfPath(entity, issue.path).map((field) => columnOf.get(field)).find((c) => c !== undefined) ?? null;
            return { row, column, message: issue.message };
          }),
        );
        continue;
      }
      const isNew = !target;
      if (target && code !== undefined) {
        target.input = checked.data as AnyTarget['input'];
        if (organizationId) target.organizationId = organizationId;
        if (custom) target.custom = new Map([...(target.custom ?? []), ...custom]);
        if (committeeIds) target.committeeIds = [...(target.committeeIds ?? []), ...committeeIds];
        counts.updated += 1;
      } else {
        target = { id: randomUUID(), existing: null, input: checked.data as AnyTarget['input'], organizationId, committeeIds, ...(custom ? { custom: new Map(custom) } : {}) };
        code = -++made;
        counts.created += 1;
      }
      if (!live.has(code)) {
        live.set(code, target);
        if (keys.some((key) => shared.has(key)) || shared.has(`#${code}`)) kept.set(code, target);
      }
      if (!kept.has(code)) touched.set(code, target);
      if (strategy !== 'create') {
        // A new record answers to the row's own keys (the schema only trims, which the keys ignore);
        // the record this row made or changed answers to its keys unless another one already does.
        for (const key of isNew ? keys : matchKeys(entity, checked.data as AnyTarget['input'])) if (!index.keys.has(key)) index.keys.set(key, code);
      }
    }

    // The batch's records no later row fills: written (by the import) and forgotten.
    for (const n of touched.keys()) live.delete(n);
    if (touched.size > 0) await steps.write?.([...touched.values()], rows + batch.length);
    rows += batch.length;
    steps.progress?.(rows);
  }
  if (kept.size > 0) await steps.write?.([...kept.values()], rows);
  return { counts, problems, problemCount };
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
  const staged = importFile(file.id);
  await forgetCheck(staged);
  // What the import would write, spilled a batch at a time (see PlannedRecords): replayed by a run of the same plan on an unchanged workspace.
  const spill = await PlannedRecords.create(plannedPath(staged));
  try {
    const { counts, problems, problemCount } = await planImport(ctx, file, plan, { write: (targets, rows) => spill.append(targets, rows) });
    const spilled = await spill.close();
    const check = { ...counts, problems, problemCount };
    staged.checked = { key: planKey(plan), seq: await lastChange(ctx), check, planned: spilled ? spill.path : null };
    return check;
  } catch (error) {
    await spill.discard();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// The dry run's plan, kept for the import

/** A planned record as a line of the spill file: maps as entry lists, a stored row's blobs as base64. */
interface SpilledTarget {
  id: string;
  existing: Record<string, unknown> | null;
  input: unknown;
  organizationId: string | null;
  custom?: [string, CustomValueRow][];
  committeeIds?: string[];
}

/**
 * The records a dry run planned, in the order the import writes them, in a temporary file beside
 * the upload (0600, deleted with it, or when the file is opened or checked again): one JSON line
 * per batch, `{rows, targets}` (rows: how many of the file's rows were read by then, for the
 * progress bar). The import replays it a batch at a time, so it never holds more than one batch,
 * rather than reading, converting, matching and validating the file again, but only for the same
 * plan on a workspace the change log says is unchanged since: then planning again would find
 * exactly these records, ids included.
 */
class PlannedRecords {
  private constructor(
    readonly path: string,
    /** null once the spill could not be written (a full disk): the dry run goes on, and the import plans again. */
    private handle: FileHandle | null,
  ) {}

  static async create(path: string): Promise<PlannedRecords> {
    try {
      await rm(path, { force: true });
      return new PlannedRecords(path, await open(path, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600));
    } catch {
      return new PlannedRecords(path, null);
    }
  }

  async append(targets: readonly AnyTarget[], rows: number): Promise<void> {
    if (!this.handle) return;
    const spilled = targets.map(
      (t): SpilledTarget => ({
        id: t.id,
        existing: t.existing && serialize(t.existing as unknown as Record<string, unknown>),
        input: t.input,
        organizationId: t.organizationId,
        ...(t.custom ? { custom: [...t.custom] } : {}),
        ...(t.committeeIds ? { committeeIds: t.committeeIds } : {}),
      }),
    );
    try {
      await this.handle.write(`${JSON.stringify({ rows, targets: spilled })}\n`);
    } catch {
      await this.discard();
    }
  }

  /** Whether every batch was spilled (else nothing is left of it). */
  async close(): Promise<boolean> {
    if (!this.handle) return false;
    try {
      await this.handle.close();
      this.handle = null;
      return true;
    } catch {
      await this.discard();
      return false;
    }
  }

  async discard(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    await handle?.close().catch(() => undefined);
    await rm(this.path, { force: true }).catch(() => undefined);
  }

  /** The batches back, in order. */
  static async *read(path: string): AsyncGenerator<{ rows: number; targets: AnyTarget[] }> {
    const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8', highWaterMark: 1024 * 1024 }), crlfDelay: Infinity });
    for await (const line of lines) {
      if (line === '') continue;
      const { rows, targets } = JSON.parse(line) as { rows: number; targets: SpilledTarget[] };
      yield {
        rows,
        targets: targets.map((t) => ({
          id: t.id,
          existing: t.existing && (deserialize(t.existing) as unknown as AnyTarget['existing']),
          input: t.input as AnyTarget['input'],
          organizationId: t.organizationId,
          ...(t.custom ? { custom: new Map(t.custom) } : {}),
          ...(t.committeeIds ? { committeeIds: t.committeeIds } : {}),
        })),
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Step 3: run

function tooManyProblems(invalid: number, problemCount: number, problems: RowProblem[]): AppError {
  return new AppError(
    'validation',
    `${invalid.toLocaleString('en')} ${invalid === 1 ? 'row has' : 'rows have'} problems, so nothing was imported. Fix ${invalid === 1 ? 'it' : 'them'} in the file, or import without the rows that have problems.`,
    { invalid, problemCount, problems },
  );
}

export async function runImport(ctx: CallContext, input: ImportRunInput): Promise<ImportResult> {
  const file = stagedImport(input);
  // The dry run of this plan on the workspace as it is now, if there was one: what it found decides up front.
  const dryRun = file.checked && file.checked.key === planKey(input) && file.checked.seq === (await lastChange(ctx)) ? file.checked : null;
  const checked = dryRun ? dryRun.check : null;
  if (checked && checked.invalid > 0 && !input.skipInvalid) throw tooManyProblems(checked.invalid, checked.problemCount, checked.problems);
  const total = file.table.rowCount;
  ctx.progress('import', 0, total);
  // Every PROGRESS_EVERY rows (batches are smaller) and at the end.
  let reported = 0;
  const progress = (rows: number) => {
    if (rows === reported || (rows !== total && Math.floor(rows / PROGRESS_EVERY) === Math.floor(reported / PROGRESS_EVERY))) return;
    reported = rows;
    ctx.progress('import', rows, total);
  };
  // Without a dry run, every row may create a record.
  const created = checked ? checked.created : total;
  const customValues = created * input.mapping.filter((field) => customFieldIdOf(field) !== null).length;
  const growing =
    input.entity === 'official'
      ? [{ tables: ['officials'], adding: created }, { tables: ['committee_members'], adding: created }, { tables: ['change_log'], adding: created }]
      : input.entity === 'organization'
      ? [{ tables: ['organizations', 'organization_labels'], adding: created }, { tables: ['organization_stage_changes'], adding: created }, { tables: ['change_log'], adding: 2 * created + customValues }]
      : [{ tables: ['people', 'person_labels'], adding: created }, { tables: ['affiliations'], adding: created }, { tables: ['change_log'], adding: created + customValues }];
  let planned: Planned | undefined;
  const write = async (targets: AnyTarget[]) => {
    // The values existing records have in the fields the file fills, read before they change.
    const currentValues = await currentCustomValues(ctx, targets);
    if (input.entity === 'organization') await writeOrganizations(ctx, targets as Target<OrganizationInput>[]);
    else if (input.entity === 'person') await writePeople(ctx, targets as Target<PersonInput>[]);
    else await writeOfficials(ctx, targets as OfficialTarget[]);
    await writeCustomValues(ctx, targets, currentValues);
  };
  await withBulkIndexing(ctx.db, [...growing, { tables: ['custom_values'], adding: customValues }], async () => {
    if (dryRun?.planned && checked) {
      // Nothing changed since the dry run of this plan: write what it planned.
      for await (const { rows, targets } of PlannedRecords.read(dryRun.planned)) {
        await write(targets);
        progress(rows);
      }
      const { created: c, updated, skipped, invalid } = checked;
      planned = { counts: { created: c, updated, skipped, invalid }, problems: checked.problems, problemCount: checked.problemCount };
    } else {
      planned = await planImport(ctx, file, input, { write, progress });
    }
    // Undone with the call's transaction: nothing is written.
    if (planned.counts.invalid > 0 && !input.skipInvalid) throw tooManyProblems(planned.counts.invalid, planned.problemCount, planned.problems);
  });
  await rememberMapping(ctx, file.entity, file.table.headers, input.mapping);
  await discardImportFile(file.id);
  return (planned as Planned).counts;
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
