// The crash harness's writer: a child process that opens a workspace through the real backend
// and does realistic directory work in a loop until it is killed (SIGKILL, at a random moment).
//
//   node writer.mjs <workspace> <journal> <seed>
//
// Before each call it appends an `intent` line to the journal; after each call the backend
// confirmed, an `ok` line naming the change-log rows the call committed (last seq, batch, row
// count and a digest of the rows). The parent reads the journal after the kill and checks that
// every confirmed write is in the reopened workspace, and that the call in flight at the kill is
// either wholly there or wholly absent (see crash.ts). Writes to the journal are plain write(2)s:
// SIGKILL loses nothing the process already handed to the kernel.

import { openSync, writeSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { isMethod, type Input, type Method } from '@shared/contract';
import { STAGE_VALUES } from '@shared/directory/enums';
import { createBackend } from '../../../electron/backend/backend';
import { uploadImport } from '../imports';
import { digestRows, type InFlightCheck, type JournalLine, type LogDigestRow } from './journal';
import { rng, type Rng } from './prng';
import { emptyOrganizationInput } from '@shared/directory/organizations';
import { emptyPersonInput } from '@shared/directory/people';

/** Errors a call may legitimately end with in this workload (a link that already exists, …). */
const EXPECTED_ERRORS = new Set(['conflict', 'not_found']);

interface Planned {
  method: Method;
  input: unknown;
  /** Calls to make first whose result gives the input (the upload and imports.open, which write nothing). */
  prepare?: (call: (method: Method, input: unknown) => Promise<unknown>) => Promise<unknown>;
  check: InFlightCheck | null;
  /** Updates the writer's pools once the call is confirmed. */
  after?: (value: unknown) => void;
}

async function main(): Promise<void> {
  const [workspacePath, journalPath, seedText] = process.argv.slice(2);
  if (!workspacePath || !journalPath || !seedText) throw new Error('usage: writer <workspace> <journal> <seed>');
  const random = rng(Number(seedText));
  const journal = openSync(journalPath, 'a');
  const log = (line: JournalLine) => writeSync(journal, `${JSON.stringify(line)}\n`);

  const backend = await createBackend({ workspacePath, create: true });
  // A second, read-only connection: after a confirmed call, which change-log rows it committed.
  const reader = new SqliteDatabase(workspacePath, { readonly: true, fileMustExist: true });
  const ids = (table: string) => (reader.prepare(`select id from ${table}`).all() as { id: string }[]).map((r) => r.id);
  const pools = { organizations: ids('organizations'), people: ids('people') };
  let lastSeq = (reader.prepare('select coalesce(max(seq), 0) as s from change_log').get() as { s: number }).s;
  const newRows = reader.prepare('select seq, entity, entity_id, action, after_json, batch from change_log where seq > ? order by seq');
  log({ t: 'ready', pid: process.pid });
  process.stdout.write('ready\n');
  const confirmed = async (method: Method, input: unknown) => {
    const result = await backend.call(method, input);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
    return result.value;
  };

  for (let n = 1; ; n++) {
    const marker = `m${seedText}x${n}`;
    // Each process starts with a different kind of call (by its seed), so even the rare ones are
    // confirmed, and caught in flight, in every run of a few hundred kills, however slow the machine.
    const planned = plan(random, marker, pools, n === 1 ? FIRST_CALL_ROLLS[Number(seedText) % FIRST_CALL_ROLLS.length] : undefined);
    const input = planned.prepare ? await planned.prepare(confirmed) : planned.input;
    log({ t: 'intent', n, method: planned.method, marker, check: planned.check });
    const result = await backend.call(planned.method, input);
    if (!result.ok) {
      log({ t: 'error', n, method: planned.method, code: result.error.code, message: result.error.message });
      if (!EXPECTED_ERRORS.has(result.error.code)) throw new Error(`${planned.method} failed: ${result.error.code}: ${result.error.message}`);
      continue;
    }
    const rows = newRows.all(lastSeq) as LogDigestRow[];
    const batches = new Set(rows.map((r) => r.batch));
    if (batches.size > 1) throw new Error(`${planned.method} committed ${batches.size} change-log batches`);
    const last = rows.at(-1);
    if (last) lastSeq = last.seq;
    log({ t: 'ok', n, method: planned.method, lastSeq, batch: last?.batch ?? null, rows: rows.length, digest: digestRows(rows) });
    // After the journal line: the parent counts these to choose its moment.
    process.stdout.write('ok\n');
    planned.after?.(result.value);
  }
}

type OrganizationInput = Input<'organizations.create'>;
type PersonInput = Input<'people.create'>;

// Self-contained builders (tests/support/people.ts pulls in vitest, which a child must not load).
function organizationInput(name: string, overrides: Partial<OrganizationInput> = {}): OrganizationInput {
  return {
    ...emptyOrganizationInput(),
    name,
    sector: 'nonprofit',
    type: 'advocacy_group',
    issueAreas: ['Housing'],
    regions: ['Eastside'],
    alignment: { score: 4, note: '' },
    stage: 'engaged',
    city: 'Eastside',
    ...overrides,
  };
}

function personInput(name: string, overrides: Partial<PersonInput> = {}): PersonInput {
  return {
    ...emptyPersonInput(),
    name,
    title: 'Community organizer',
    languages: ['English', 'Spanish'],
    city: 'Eastside',
    district: 'District 4',
    consent: { mayContact: true, channels: ['email'], recordedOn: '2025-02-01', recordedBy: 'Dana' },
    ...overrides,
  };
}

const CSV_ESCAPE = /[",\n]/;
const csvCell = (value: string) => (CSV_ESCAPE.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** Chooses the next call: weighted like a coordinator's day, with a few heavy bulk calls. */
/** One roll inside each kind's range below, in order. */
const FIRST_CALL_ROLLS = [10, 25, 40, 50, 60, 70, 80, 88, 92, 97];

function plan(random: Rng, marker: string, pools: { organizations: string[]; people: string[] }, forcedRoll?: number): Planned {
  const { organizations, people } = pools;
  const roll = forcedRoll ?? random.int(1, 100);
  const tagCheck = (table: 'organizations' | 'people', ifApplied: number): InFlightCheck => ({ table, column: 'tag', value: marker, ifApplied, ifNotApplied: 0 });
  const removeFrom = (pool: string[], id: string) => {
    const index = pool.indexOf(id);
    if (index >= 0) pool.splice(index, 1);
  };
  const call = <M extends Method>(method: M, input: Input<M>, check: InFlightCheck | null, after?: (value: unknown) => void): Planned => ({
    method,
    input,
    check,
    ...(after ? { after } : {}),
  });

  // Grow the directory first, so the other calls have records to work on.
  if (organizations.length < 5 || roll <= 18) {
    // Every fourth organization repeats an earlier name, so merges find real duplicates too.
    const name = random.chance(0.25) && organizations.length > 0 ? `Partner ${random.int(1, 40)}` : `Organization ${marker}`;
    return call('organizations.create', organizationInput(name, { tags: [marker], notes: 'x'.repeat(random.int(0, 2000)) }), tagCheck('organizations', 1), (value) =>
      organizations.push((value as { id: string }).id),
    );
  }
  if (people.length < 5 || roll <= 32) {
    const name = `Person ${marker}`;
    return call('people.create', personInput(name, { email: `${marker}@example.org`, tags: [marker] }), tagCheck('people', 1), (value) =>
      people.push((value as { id: string }).id),
    );
  }
  if (roll <= 42) {
    const id = random.pick(organizations);
    return call('organizations.update', { id, organization: organizationInput(`Updated ${marker}`, { tags: [marker], stage: random.pick(STAGE_VALUES) }) }, tagCheck('organizations', 1));
  }
  if (roll <= 52) {
    const ids = random.sample(organizations, random.int(2, 60));
    return call('organizations.bulkUpdate', { ids, stage: random.pick(STAGE_VALUES), addTags: [marker] }, tagCheck('organizations', ids.length));
  }
  if (roll <= 64) {
    const input = {
      personId: random.pick(people),
      organizationId: random.pick(organizations),
      role: marker,
      primary: random.chance(0.3),
      startOn: '2024-01-01',
      endOn: null,
    };
    return call('affiliations.create', input, { table: 'affiliations', column: 'role', value: marker, ifApplied: 1, ifNotApplied: 0 });
  }
  if (roll <= 76) {
    const input: Input<'interactions.create'> = {
      kind: random.pick(['call', 'email', 'meeting', 'event', 'note'] as const),
      occurredOn: `2025-0${random.int(1, 9)}-1${random.int(0, 9)}`,
      summary: marker,
      personIds: random.sample(people, random.int(1, 4)),
      organizationIds: random.sample(organizations, random.int(0, 3)),
      followUp: random.chance(0.5) ? { owner: 'Dana', dueOn: '2025-12-01', done: false } : null,
    };
    return call('interactions.create', input, { table: 'interactions', column: 'summary', value: marker, ifApplied: 1, ifNotApplied: 0 });
  }
  if (roll <= 84) {
    const entity = random.chance(0.5) ? 'organization' : 'person';
    const pool = entity === 'organization' ? organizations : people;
    const [survivorId, mergedId] = random.sample(pool, 2) as [string, string];
    const table = entity === 'organization' ? 'organizations' : 'people';
    return call('duplicates.merge', { entity, survivorId, mergedId, fields: { name: random.chance(0.5) ? 'survivor' : 'merged' } }, { table, column: 'id', value: mergedId, ifApplied: 0, ifNotApplied: 1 }, () =>
      removeFrom(pool, mergedId),
    );
  }
  if (roll <= 90) {
    const id = random.pick(organizations);
    return call('organizations.delete', { id }, { table: 'organizations', column: 'id', value: id, ifApplied: 0, ifNotApplied: 1 }, () => removeFrom(organizations, id));
  }
  if (roll <= 93) {
    const id = random.pick(people);
    return call('people.delete', { id }, { table: 'people', column: 'id', value: id, ifApplied: 0, ifNotApplied: 1 }, () => removeFrom(people, id));
  }
  if (isMethod('imports.run') && isMethod('imports.open')) return planImport(random, marker);
  return call('organizations.bulkUpdate', { ids: random.sample(organizations, 5), addTags: [marker] }, tagCheck('organizations', Math.min(5, organizations.length)));
}

/**
 * An import of organizations from a CSV: uploaded and staged by `imports.open` (writing nothing), and
 * the planned call is `imports.run`, which writes every row in one transaction. The ids are not
 * returned; the next writer process reloads its pools from the workspace.
 */
function planImport(random: Rng, marker: string): Planned {
  const count = random.int(20, 150);
  const lines = ['Name,Tags,City,Notes'];
  for (let i = 0; i < count; i++) lines.push([`Imported ${marker} ${i}`, marker, 'Eastside', csvCell(`Row ${i}, from the spring list`)].join(','));
  const content = lines.join('\n');
  return {
    method: 'imports.run',
    input: null,
    prepare: async (call) => {
      const uploaded = await uploadImport(call, { entity: 'organization', fileName: `${marker}.csv`, content });
      const preview = (await call('imports.open', { importId: uploaded })) as { importId: string };
      return { importId: preview.importId, entity: 'organization', mapping: ['name', 'tags', 'city', 'notes'], duplicates: 'create', skipInvalid: true };
    },
    check: { table: 'organizations', column: 'tag', value: marker, ifApplied: count, ifNotApplied: 0 },
  };
}

main().catch((error: unknown) => {
  process.stderr.write(`writer failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(3);
});
