import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '@shared/errors';
import type { ImportEntity, RowProblem } from '@shared/directory/imports';
import { emptyOrganizationInput, organizationInput } from '@shared/directory/organizations';
import { emptyPersonInput, personInput } from '@shared/directory/people';
import type { CustomFieldsTable } from '../../db/schema';
import type { OfficialPatch } from '../../policy/officialImport';
import { findWorker, launchWorker, type WorkerLauncher } from '../../workers';
import type { StoredCustomValue } from '../customFields/service';
import { emailKey, organizationNameKey, personNameKey, websiteKey } from '../duplicates/detect';
import {
  applyOrganizationPatch,
  applyPersonPatch,
  CellProblem,
  customConverter,
  ORGANIZATION_CONVERTERS,
  PERSON_CONVERTERS,
  type OrganizationPatch,
  type PersonPatch,
} from './convert';
import { importRows, type ImportTable, type TableRow } from './parse';

// The file's rows, converted with the mapping, a batch at a time: the per-row work of the dry run
// and the import that does not need the workspace (service.ts matches and validates against it).
//
// A file of 5,000 rows or more (organizations and people) is read and converted in a worker
// thread (built as out/main/importWorker.js; worker.ts), on the machine's other core, while the
// backend's thread matches, validates and writes the batches before it in file order. The worker
// also computes each readable row's match keys and validates it as a new record would be (`fresh`:
// the create form's schema over the row alone), which is what a row that matches nothing is
// checked with; a row that updates a record is validated by the planner against that record.
// Validating is the heaviest part, so the two threads share it: the worker validates a batch only
// when the planner is behind (WORKER_AHEAD batches are waiting for it, so the worker would
// otherwise wait too); any other batch goes without `fresh`, and the planner validates its rows
// itself, as it does on its own. Reading, converting and keying alone keep the worker about as
// busy as matching, validating and spilling keep the planner: measured on 100,000 rows, the dry
// run took ~2.95 s so against ~3.45 s when the worker validated every batch the planner was not
// waiting for (two ahead). The worker runs at most WORKER_AHEAD batches ahead of the planner (it
// waits for the planner to take one before it posts another), so neither side ever holds more
// than a few batches of the file. One worker serves one
// file at a time and waits (30 s) for the next: the update plan's two reads, the import after its
// dry run; `imports.open` of a large upload starts it. Officials, small files, and a build
// without the worker convert on the backend's thread.

/**
 * Rows per batch: the planner's unit (matched, validated, written or spilled together). Small
 * batches leave fewer objects alive at each young-generation collection (250 rather than 1,000:
 * ~0.3 s less for 100,000 rows); progress is reported every 1,000 rows whatever the batch.
 */
export const BATCH_ROWS = 250;
/** A cell the export neutralized (see exports/service.ts neutralizeFormula). */
const FORMULA_GUARD = /^'[=+\-@\t\r]/;
/** Batches the worker may post before the planner has taken them. */
export const WORKER_AHEAD = 3;

export type CustomValueRow = NonNullable<StoredCustomValue>;

/** A row checked as a new record: the schema's output, or its issues. */
export type FreshCheck = { ok: true; data: unknown } | { ok: false; issues: { path: PropertyKey[]; message: string }[] };

export interface ConvertedRow {
  row: number;
  /** null when a cell could not be read (the row is invalid). */
  patch: OrganizationPatch | PersonPatch | OfficialPatch | null;
  /** The custom values the row's non-empty cells set, by field id (absent when none). */
  custom?: Map<string, CustomValueRow>;
  problems: RowProblem[];
  /** Converted in the worker: the row checked as a new record (absent when the patch is null). */
  fresh?: FreshCheck;
  /** Converted in the worker: the patch's match keys (directoryMatchKeys). */
  keys?: string[];
}

/** What converting needs, and (as plain data) what the worker receives. */
export interface RowsSpec {
  path: string;
  table: Pick<ImportTable, 'format' | 'sheetIndex' | 'headers' | 'rowCount'>;
  entity: ImportEntity;
  mapping: readonly (string | null)[];
  /** The custom fields the mapping fills, by column index. */
  customColumns: readonly (readonly [number, CustomFieldsTable])[];
  /**
   * Whether the planner needs the patch of a row the worker found valid as a new record (an update
   * applies it to the record it matches); else only its organization (people) comes back.
   */
  patches: boolean;
  /** The worker checks every row (tests); else it checks a batch only while the planner is behind. */
  checkAll?: boolean;
}

type Converters = Record<string, (cell: string) => unknown>;

/** Converts a row's cells with the mapping: a field value per mapped non-empty cell, or the cells' problems. */
export function rowConverter(spec: RowsSpec, converters: Converters): (row: TableRow) => ConvertedRow {
  const { headers } = spec.table;
  const width = headers.length;
  const customColumns = new Map(spec.customColumns);
  const columns = spec.mapping.flatMap((field, index) => {
    if (field === null) return [];
    const custom = customColumns.get(index);
    return [custom ? { index, field: custom.id, custom: true, convert: customConverter(custom) } : { index, field, custom: false, convert: converters[field] as (cell: string) => unknown }];
  });
  return ({ cells, row }) => {
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
        problems.push({ row, column: headers[index] as string, message: error.message });
      }
    }
    return problems.length === 0 ? { row, patch, ...(custom ? { custom } : {}), problems } : { row, patch: null, problems };
  };
}

/** The file's rows converted on this thread, BATCH_ROWS at a time. */
export async function* convertHere(spec: RowsSpec, converters: Converters): AsyncGenerator<ConvertedRow[]> {
  const convert = rowConverter(spec, converters);
  for await (const batch of importRows(spec.path, spec.table)) {
    for (let start = 0; start < batch.length; start += BATCH_ROWS) yield batch.slice(start, start + BATCH_ROWS).map(convert);
  }
}

/** The create form's check of a row alone (organizations and people): what a row that matches nothing is validated with. */
export function freshChecker(entity: 'organization' | 'person'): (patch: OrganizationPatch | PersonPatch) => FreshCheck {
  const check = (result: { success: true; data: unknown } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } }): FreshCheck =>
    result.success
      ? { ok: true, data: result.data }
      : { ok: false, issues: result.error.issues.map((issue) => ({ path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: issue.message })) };
  return entity === 'organization'
    ? (patch) => check(organizationInput.safeParse(applyOrganizationPatch(emptyOrganizationInput(), patch)))
    : (patch) => check(personInput.safeParse(applyPersonPatch(emptyPersonInput(), patch)));
}

/** The match keys of an organization or person (a record, or a row's patch): email, name, website (organizations), in that order. */
export function directoryMatchKeys(entity: 'organization' | 'person', record: { name?: string | undefined; email?: string | undefined; website?: string | undefined }): string[] {
  const keys: string[] = [];
  const email = record.email ? emailKey(record.email) : null;
  if (email) keys.push(`e:${email}`);
  const name = record.name ? (entity === 'organization' ? organizationNameKey(record.name) : personNameKey(record.name)) : null;
  if (name) keys.push(`n:${name}`);
  const website = entity === 'organization' && record.website ? websiteKey(record.website) : null;
  if (website) keys.push(`w:${website}`);
  return keys;
}

export function workerConverters(entity: 'organization' | 'person'): Converters {
  return entity === 'organization' ? ORGANIZATION_CONVERTERS : PERSON_CONVERTERS;
}

// ---------------------------------------------------------------------------------------------
// The worker

/** Worker → planner. */
export type WorkerMessage = { type: 'batch'; rows: ConvertedRow[] } | { type: 'done' } | { type: 'error'; error: WorkerFailure };

/** An error thrown in the worker, to be thrown again on the planner's side. */
export type WorkerFailure = { app: true; code: ErrorCode; message: string; details?: unknown } | { app: false; message: string; code?: string };

export function workerFailure(error: unknown): WorkerFailure {
  if (error instanceof AppError) return { app: true, code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) };
  const code = (error as { code?: unknown } | null)?.code;
  return { app: false, message: error instanceof Error ? error.message : String(error), ...(typeof code === 'string' ? { code } : {}) };
}

function thrown(failure: WorkerFailure): Error {
  if (failure.app) return new AppError(failure.code, failure.message, failure.details);
  return Object.assign(new Error(failure.message), failure.code === undefined ? {} : { code: failure.code });
}

/** Files with at least this many rows are converted in the worker (tests lower it to cover the worker with small files). */
let workerRows = 5000;
/** An upload this large has the worker started when it is opened (see warmImportWorker). */
const WARM_BYTES = 256 * 1024;
/** The worker stops after this long without a file to convert. */
const IDLE_MS = 30_000;

let workerChecksAll = false;

/**
 * Tests: the smallest file converted in the worker (Infinity: never), and whether the worker
 * checks every row (else it shares the checking with the planner); returns the previous settings.
 */
export function setImportWorker(settings: { rows: number; checkAll?: boolean }): { rows: number; checkAll: boolean } {
  const previous = { rows: workerRows, checkAll: workerChecksAll };
  workerRows = settings.rows;
  workerChecksAll = settings.checkAll ?? false;
  return previous;
}

/** The import worker: out/main/importWorker.js once built, else worker.ts through tsx, else null. */
export function findImportWorker(from = import.meta.dirname): WorkerLauncher | null {
  return findWorker('importWorker.js', from, (dir) => join(dir, 'worker.ts'));
}

let launcher: WorkerLauncher | null | undefined;
function importWorker(): WorkerLauncher | null {
  if (launcher === undefined) launcher = findImportWorker();
  return launcher;
}

/** The worker between two files: kept for IDLE_MS, not keeping the process alive. */
let spare: { worker: Worker; timer: NodeJS.Timeout; lost: () => void } | null = null;

function park(worker: Worker): void {
  if (spare) {
    clearTimeout(spare.timer);
    void spare.worker.terminate();
  }
  const lost = () => {
    if (spare?.worker !== worker) return;
    clearTimeout(spare.timer);
    spare = null;
  };
  const timer = setTimeout(() => {
    lost();
    void worker.terminate();
  }, IDLE_MS);
  timer.unref();
  worker.unref();
  worker.once('exit', lost);
  spare = { worker, timer, lost };
}

function takeWorker(found: WorkerLauncher): Worker {
  const parked = spare;
  if (parked) {
    spare = null;
    clearTimeout(parked.timer);
    parked.worker.off('exit', parked.lost);
    parked.worker.ref();
    return parked.worker;
  }
  return launchWorker(found, { name: 'import-rows' });
}

/**
 * Starts the worker for an upload large enough to be converted in it, while the file is opened
 * and mapped: a worker takes ~0.1 s to start once built (~1 s through tsx), which the dry run
 * then does not wait for.
 */
export function warmImportWorker(entity: ImportEntity, bytes: number): void {
  if (entity === 'official' || bytes < WARM_BYTES || !Number.isFinite(workerRows) || spare) return;
  const found = importWorker();
  if (found) park(launchWorker(found, { name: 'import-rows' }));
}

/**
 * The file's rows, converted, a batch at a time, in file order: in the worker for a large file of
 * organizations or people (each readable row with its `fresh` check), else on this thread with
 * `converters`.
 */
export function convertedRows(spec: RowsSpec, converters: Converters): AsyncGenerator<ConvertedRow[]> {
  const found = spec.entity === 'official' || spec.table.rowCount < workerRows ? null : importWorker();
  return found ? convertInWorker(found, spec) : convertHere(spec, converters);
}

/** Planner → worker. */
export type PlannerMessage = { type: 'start'; spec: RowsSpec } | { type: 'next' };

async function* convertInWorker(found: WorkerLauncher, spec: RowsSpec): AsyncGenerator<ConvertedRow[]> {
  const worker = takeWorker(found);
  const inbox: WorkerMessage[] = [];
  let wake: (() => void) | null = null;
  const receive = (message: WorkerMessage) => {
    inbox.push(message);
    wake?.();
    wake = null;
  };
  const failed = (error: Error) => receive({ type: 'error', error: workerFailure(error) });
  const exited = (code: number) => receive({ type: 'error', error: { app: false, message: `The import's worker stopped (exit code ${code}).` } });
  worker.on('message', receive);
  worker.on('error', failed);
  worker.on('exit', exited);
  let finished = false;
  try {
    const { path, table, entity, mapping, customColumns, patches } = spec;
    const start: PlannerMessage = { type: 'start', spec: { path, table: { format: table.format, sheetIndex: table.sheetIndex, headers: table.headers, rowCount: table.rowCount }, entity, mapping, customColumns, patches, checkAll: workerChecksAll } };
    worker.postMessage(start);
    for (;;) {
      while (inbox.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const message = inbox.shift() as WorkerMessage;
      if (message.type === 'done') {
        finished = true;
        return;
      }
      if (message.type === 'error') throw thrown(message.error);
      // The worker goes on with the next batch while this one is planned.
      worker.postMessage({ type: 'next' } satisfies PlannerMessage);
      yield message.rows;
    }
  } finally {
    worker.off('message', receive);
    worker.off('error', failed);
    worker.off('exit', exited);
    // A file read to its end leaves the worker ready for the next (the import after its dry run);
    // one left half-way (a planner's error) or failed is stopped.
    if (finished) park(worker);
    else await worker.terminate();
  }
}
