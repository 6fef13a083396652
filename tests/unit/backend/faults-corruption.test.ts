import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/backend';
import { OPEN_CHECKS } from '../../../electron/backend/db/connection';
import { toErrorPayload } from '../../../electron/backend/rpc/errors';
import { generateDirectory } from '../../../electron/backend/sample/directory';
import type { Input } from '@shared/contract';
import { AppError } from '@shared/errors';
import { expectNoStack, fails, ok, sha256, withSqlite } from '../../support/backend';
import { rng, seedFromEnv, type Rng } from '../../support/faults/prng';
import { png } from '../../support/images';
import { useHost } from '../../support/host';
import { tempDir } from '../../support/workspace';
import { emptyOrganizationInput } from '@shared/directory/organizations';
import { id as recordId } from '@shared/common';

// Corruption: many damaged copies of one real workspace (seeded; FAULTS_SEED reproduces a run).
// Each copy either opens and answers every call (with data or a clear workspace error), or is
// refused with a clear workspace error and left byte for byte as it was, side files included.
// Never an uncaught exception, never an 'internal' error, never a crash.

const seed = seedFromEnv();
const tmp = tempDir('coalition-corruption-');
let fixture: string;
let fixtureBytes: Buffer;
let pageSize: number;

beforeAll(async () => {
  console.log(`faults-corruption: FAULTS_SEED=${seed}`);
  fixture = join(tmp.dir, 'fixture.coalition');
  const backend = await createBackend({ workspacePath: fixture, create: true });
  await backend.bulkLoad((sqlite) => generateDirectory(sqlite, { organizations: 300, people: 600, affiliations: 700, interactions: 1500, seed: 7 }));
  await ok(backend, 'profile.save', { name: 'Harbor City Housing Coalition', shortName: 'HCHC', region: 'Harbor City', foundedOn: '2018-05-01' });
  for (let i = 0; i < 20; i++) await ok(backend, 'organizations.create', organization(`Tenant Union ${i}`));
  await backend.close();
  fixtureBytes = readFileSync(fixture);
  pageSize = fixtureBytes.readUInt16BE(16) === 1 ? 65536 : fixtureBytes.readUInt16BE(16);
}, 60_000);

afterAll(() => tmp.cleanup());

function organization(name: string): Input<'organizations.create'> {
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
    tags: ['tenants'],
  };
}

type Damage = { label: string; main: Buffer; wal?: Buffer; shm?: Buffer };

function pages(): number {
  return Math.floor(fixtureBytes.length / pageSize);
}

function flipBytes(random: Rng): Damage {
  const bytes = Buffer.from(fixtureBytes);
  const page = random.chance(0.1) ? 0 : random.int(1, pages() - 1);
  const count = random.int(1, 16);
  for (let i = 0; i < count; i++) {
    const at = page * pageSize + random.int(page === 0 ? 100 : 0, pageSize - 1);
    bytes[at] = (bytes[at] ?? 0) ^ random.int(1, 255);
  }
  return { label: `${count} bytes flipped in page ${page + 1}`, main: bytes };
}

function truncate(random: Rng): Damage {
  const length = random.chance(0.5) ? random.int(1, pages() - 1) * pageSize : random.int(1, fixtureBytes.length - 1);
  return { label: `truncated to ${length} of ${fixtureBytes.length} bytes`, main: Buffer.from(fixtureBytes.subarray(0, length)) };
}

function zeroPages(random: Rng): Damage {
  const bytes = Buffer.from(fixtureBytes);
  const chosen = random.sample(
    Array.from({ length: pages() }, (_, i) => i),
    random.int(1, 3),
  );
  for (const page of chosen) bytes.fill(0, page * pageSize, (page + 1) * pageSize);
  return { label: `pages ${chosen.map((p) => p + 1).join(', ')} zeroed`, main: bytes };
}

function damageHeader(random: Rng): Damage {
  const bytes = Buffer.from(fixtureBytes);
  const count = random.int(1, 4);
  const offsets = random.sample(
    Array.from({ length: 100 }, (_, i) => i),
    count,
  );
  for (const at of offsets) bytes[at] = (bytes[at] ?? 0) ^ random.int(1, 255);
  return { label: `header bytes ${offsets.join(', ')} changed`, main: bytes };
}

const WAL_MAGIC = Buffer.from([0x37, 0x7f, 0x06, 0x82]);

function garbageSideFiles(random: Rng, index: number): Damage {
  const size = random.int(1, 40) * 1024 + random.int(0, 100);
  const garbage = Buffer.from(Array.from({ length: size }, () => random.int(0, 255)));
  switch (index % 3) {
    case 0:
      return { label: `a good file with ${size} random bytes as its WAL`, main: fixtureBytes, wal: garbage };
    case 1: {
      // A WAL header's magic and a plausible page size, then garbage frames.
      const wal = Buffer.from(garbage);
      WAL_MAGIC.copy(wal, 0);
      wal.writeUInt32BE(3007000, 4);
      wal.writeUInt32BE(pageSize, 8);
      return { label: `a good file with a WAL of garbage frames behind a real WAL header (${size} bytes)`, main: fixtureBytes, wal };
    }
    default:
      return { label: `a good file with ${size} random bytes as its -shm`, main: fixtureBytes, shm: garbage };
  }
}

function wrongTypes(): Damage[] {
  const zip = Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x00\x00\x08\x00', 'latin1'), Buffer.alloc(4000, 7)]);
  return [
    { label: 'a PNG image', main: png(64, 64) },
    { label: 'a ZIP archive', main: zip },
    { label: 'a text file', main: Buffer.from('Steering committee notes\n'.repeat(400)) },
    { label: 'a PDF', main: Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'.repeat(100)) },
    { label: 'an empty file', main: Buffer.alloc(0) },
    { label: 'only the SQLite header of the workspace', main: Buffer.from(fixtureBytes.subarray(0, 100)) },
    { label: 'the first page of the workspace alone', main: Buffer.from(fixtureBytes.subarray(0, pageSize)) },
  ];
}

interface FileState {
  main: string | null;
  wal: string | null;
  shm: string | null;
}

function state(path: string): FileState {
  const hash = (p: string) => (existsSync(p) ? sha256(p) : null);
  return { main: hash(path), wal: hash(`${path}-wal`), shm: hash(`${path}-shm`) };
}

function place(damage: Damage, name: string): string {
  const path = join(tmp.dir, name);
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  writeFileSync(path, damage.main);
  if (damage.wal) writeFileSync(`${path}-wal`, damage.wal);
  if (damage.shm) writeFileSync(`${path}-shm`, damage.shm);
  return path;
}

const READS = [
  ['organizations.list', { limit: 500 }],
  ['organizations.list', { filters: { text: 'union' }, sort: { field: 'city', direction: 'desc' }, limit: 100 }],
  ['people.list', { limit: 500 }],
  ['directory.search', { query: 'hea', limit: 20 }],
  ['duplicates.find', { entity: 'organization', offset: 0, limit: 20 }],
  ['representation.summary', {}],
  ['profile.get', {}],
  ['charter.getDraft', {}],
  ['vocabulary.list', { kind: 'issue_area' }],
] as const;

/** Every call answers: a value, or a clear workspace error (a damaged page). Never 'internal'. */
async function exercise(backend: Backend, label: string): Promise<{ calls: number; damagedErrors: number }> {
  let calls = 0;
  let damagedErrors = 0;
  const check = (method: string, result: Awaited<ReturnType<Backend['call']>>) => {
    calls++;
    if (result.ok) return;
    expect(result.error.code, `${label}: ${method} → ${result.error.message}`).toBe('workspace');
    expectNoStack(result.error);
    damagedErrors++;
  };
  for (const [method, input] of READS) check(method, await backend.call(method, input));
  const list = await backend.call('organizations.list', { limit: 20 });
  if (list.ok) {
    for (const row of (list.value as { rows: { id: string }[] }).rows.slice(0, 10)) {
      const got = await backend.call('organizations.get', { id: row.id });
      if (recordId.safeParse(row.id).success) {
        check('organizations.get', got);
      } else {
        // The flipped bytes landed in the id itself: asking for it back is refused as a malformed id.
        calls++;
        expect(got.ok ? null : got.error.code, `${label}: damaged id ${JSON.stringify(row.id)}`).toBe('validation');
      }
    }
  }
  check('organizations.create', await backend.call('organizations.create', organization('Written after the reopen')));
  return { calls, damagedErrors };
}

interface Outcome {
  opened: number;
  refused: number;
  refusedAsDamaged: number;
  damagedCallErrors: number;
}

async function tryOpen(damage: Damage, name: string, outcome: Outcome): Promise<void> {
  const path = place(damage, name);
  const before = state(path);
  let backend: Backend | null = null;
  try {
    backend = await createBackend({ workspacePath: path });
  } catch (error) {
    outcome.refused++;
    expect(error, damage.label).toBeInstanceOf(AppError);
    const payload = toErrorPayload(error);
    expect(payload.code, damage.label).toBe('workspace');
    expect(payload.message, damage.label).toMatch(/not a (readable )?Coalition Desk workspace|empty|newer version/);
    expectNoStack(payload);
    if ((payload.details as { damaged?: boolean } | undefined)?.damaged) {
      outcome.refusedAsDamaged++;
      expect(payload.message).toMatch(/damaged.*Restore the newest backup/);
    }
    // Refused: the file and its side files exactly as they were.
    expect(state(path), damage.label).toEqual(before);
    return;
  }
  outcome.opened++;
  try {
    outcome.damagedCallErrors += (await exercise(backend, damage.label)).damagedErrors;
  } finally {
    await backend.close();
  }
}

function newOutcome(): Outcome {
  return { opened: 0, refused: 0, refusedAsDamaged: 0, damagedCallErrors: 0 };
}

describe('damaged copies of a workspace', () => {
  const kinds: [string, number, (random: Rng, index: number) => Damage][] = [
    ['random bytes flipped in random pages', 60, flipBytes],
    ['truncated at random lengths', 25, truncate],
    ['zeroed pages', 30, zeroPages],
    ['a damaged header', 20, damageHeader],
    ['garbage WAL or shared-memory files next to a good file', 12, garbageSideFiles],
  ];

  it.each(kinds)('%s (%i copies): open with consistent answers, or refused and unchanged', async (kind, count, make) => {
    const random = rng(seed ^ kind.length);
    const outcome = newOutcome();
    for (let i = 0; i < count; i++) await tryOpen(make(random, i), `damaged-${i}.coalition`, outcome);
    console.log(`faults-corruption: ${kind}: ${JSON.stringify(outcome)}`);
    expect(outcome.opened + outcome.refused).toBe(count);
    if (kind.startsWith('garbage')) {
      // SQLite ignores a WAL whose checksums fail and rebuilds a bad -shm: the good file opens every time.
      expect(outcome.opened).toBe(count);
    }
    if (kind.startsWith('truncated')) {
      // Lost pages are found at open.
      expect(outcome.refused).toBe(count);
    }
  }, 120_000);

  it('files of the wrong type, empty, or cut to the header: refused and unchanged', async () => {
    const outcome = newOutcome();
    const cases = wrongTypes();
    for (const [i, damage] of cases.entries()) await tryOpen(damage, `wrong-${i}.coalition`, outcome);
    expect(outcome).toMatchObject({ opened: 0, refused: cases.length });
  });

  it('a damaged file with a WAL left by a crash: refused read-only, so the WAL is not copied into it', async () => {
    // A hot WAL: copy the files while a connection still has committed, uncheckpointed frames.
    const live = join(tmp.dir, 'live.coalition');
    copyFileSync(fixture, live);
    const hot = join(tmp.dir, 'hot.coalition');
    withSqlite(live, (db) => {
      db.pragma('wal_autocheckpoint = 0');
      db.exec("update organizations set notes = 'changed after the last checkpoint' where rowid % 3 = 0");
      copyFileSync(live, hot);
      copyFileSync(`${live}-wal`, `${hot}-wal`);
    });
    expect(readFileSync(`${hot}-wal`).length).toBeGreaterThan(0);
    // Damage a page the WAL does not replace: the root page of sqlite_schema's first table is page 2 or later.
    const bytes = readFileSync(hot);
    const walPages = new Set<number>();
    const wal = readFileSync(`${hot}-wal`);
    for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) walPages.add(wal.readUInt32BE(at));
    const victim = Array.from({ length: pages() }, (_, i) => i + 1).find((p) => p > 2 && !walPages.has(p));
    expect(victim).toBeDefined();
    bytes.fill(0, ((victim ?? 3) - 1) * pageSize, (victim ?? 3) * pageSize);
    writeFileSync(hot, bytes);

    const before = state(hot);
    await expect(createBackend({ workspacePath: hot })).rejects.toMatchObject({
      code: 'workspace',
      message: expect.stringMatching(/damaged.*Restore the newest backup/) as unknown,
      details: expect.objectContaining({ damaged: true }) as unknown,
    });
    expect(state(hot)).toEqual(before);
    expect(before.wal).not.toBeNull();
  });

  it('a good file with a WAL left by a crash opens with the WAL applied', async () => {
    const live = join(tmp.dir, 'live2.coalition');
    copyFileSync(fixture, live);
    const hot = join(tmp.dir, 'hot2.coalition');
    withSqlite(live, (db) => {
      db.pragma('wal_autocheckpoint = 0');
      db.exec("update coalition_profile set name = 'Renamed before the crash'");
      copyFileSync(live, hot);
      copyFileSync(`${live}-wal`, `${hot}-wal`);
    });
    const backend = await createBackend({ workspacePath: hot });
    expect(await ok(backend, 'profile.get', {})).toMatchObject({ name: 'Renamed before the crash' });
    await backend.close();
  });
});

describe('damage found after the open', () => {
  it('a damaged full-text index is found at open (quick_check checks FTS5 content too)', async () => {
    const path = join(tmp.dir, 'fts.coalition');
    copyFileSync(fixture, path);
    // The index's segments are blobs in a table: the B-tree pages are fine, their content is not.
    withSqlite(path, (db) => {
      db.unsafeMode(true); // shadow tables are read-only in SQLite's defensive mode
      db.exec('update organization_search_data set block = zeroblob(length(block)) where id > 10');
    });
    const before = state(path);
    await expect(createBackend({ workspacePath: path })).rejects.toMatchObject({ code: 'workspace', details: expect.objectContaining({ damaged: true }) as unknown });
    expect(state(path)).toEqual(before);
  });

  it('damage inside an index that leaves its pages well formed (listed records then not found by id) is found at open', async () => {
    const path = join(tmp.dir, 'index.coalition');
    copyFileSync(fixture, path);
    const page = withSqlite(path, (db) => (db.prepare("select pageno from dbstat where name = 'sqlite_autoindex_organizations_1' and pagetype = 'internal'").get() as { pageno: number }).pageno);
    // The interior page's divider keys are ids: every hex digit in them changed to another, the
    // page's structure untouched, so a lookup by id takes the wrong branch.
    const bytes = readFileSync(path);
    const start = (page - 1) * pageSize;
    const text = bytes.subarray(start, start + pageSize).toString('latin1');
    let changed = 0;
    for (const match of text.matchAll(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g)) {
      for (let i = 0; i < match[0].length; i++) {
        const digit = match[0][i] as string;
        if (digit === '-') continue;
        bytes[start + (match.index ?? 0) + i] = '0123456789abcdef'.charCodeAt(15 - parseInt(digit, 16));
        changed++;
      }
    }
    expect(changed).toBeGreaterThan(0);
    writeFileSync(path, bytes);
    // What the faster check sees: nothing.
    expect(withSqlite(path, (db) => db.pragma('quick_check(1)'))).toEqual([{ quick_check: 'ok' }]);
    const before = state(path);
    await expect(createBackend({ workspacePath: path })).rejects.toMatchObject({ code: 'workspace', details: expect.objectContaining({ damaged: true }) as unknown });
    expect(state(path)).toEqual(before);
  });

  it('a large file (no quick_check at a clean open): the read that hits a damaged page is a clear workspace error, and the backend keeps answering', async () => {
    const path = join(tmp.dir, 'large.coalition');
    const bytes = Buffer.from(fixtureBytes);
    // Damage the interactions' pages (the biggest table), not the schema or the profile.
    const rootPage = withSqlite(fixture, (db) => (db.prepare("select rootpage from sqlite_schema where name = 'interactions'").get() as { rootpage: number }).rootpage);
    bytes.fill(0x5a, (rootPage - 1) * pageSize + 8, rootPage * pageSize);
    writeFileSync(path, bytes);
    const limits = { ...OPEN_CHECKS };
    Object.assign(OPEN_CHECKS, { quickCheckMaxBytes: 0, integrityCheckMaxBytes: 0 }); // as if the file were over the limits
    let backend: Backend;
    try {
      backend = await createBackend({ workspacePath: path });
    } finally {
      Object.assign(OPEN_CHECKS, limits);
    }
    try {
      const org = (await ok(backend, 'organizations.list', { limit: 1 })).rows[0];
      const result = await backend.call('interactions.list', { organizationId: org?.id, offset: 0, limit: 20 });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error).toMatchObject({ code: 'workspace', message: expect.stringMatching(/damaged.*Restore the newest backup/) as unknown });
        expectNoStack(result.error);
      }
      // Everything else still answers.
      expect(await ok(backend, 'profile.get', {})).toMatchObject({ name: 'Harbor City Housing Coalition' });
      expect((await ok(backend, 'organizations.list', { limit: 5 })).total).toBeGreaterThan(300);
    } finally {
      await backend.close();
    }
  });

  it('SQLite reporting a damaged page on a read becomes the damaged-file workspace error', () => {
    const path = join(tmp.dir, 'plain.coalition');
    const bytes = Buffer.from(fixtureBytes);
    // Zero every page after the schema: the first read of any table fails.
    bytes.fill(0, 2 * pageSize);
    writeFileSync(path, bytes);
    const db = new SqliteDatabase(path, { readonly: true });
    let thrown: unknown;
    try {
      db.prepare('select * from organizations').all();
    } catch (error) {
      thrown = error;
    } finally {
      db.close();
    }
    expect((thrown as { code?: string }).code).toMatch(/^SQLITE_CORRUPT/);
    expect(toErrorPayload(thrown)).toMatchObject({ code: 'workspace', message: expect.stringMatching(/damaged/) as unknown });
  });
});

describe('the app with a damaged default workspace', () => {
  it('keeps running: every workspace call says the file is damaged, the sample still opens, the file is untouched', async () => {
    const h = await useHost({ started: false });
    const bytes = Buffer.from(fixtureBytes);
    bytes.fill(0, 3 * pageSize, 5 * pageSize);
    writeFileSync(h.defaultPath, bytes);
    const before = state(h.defaultPath);
    const damaged = /damaged.*Restore the newest backup/;

    await expect(h.host.start()).rejects.toMatchObject({ code: 'workspace', message: expect.stringMatching(damaged) as unknown });
    for (const method of ['profile.get', 'organizations.list', 'organizations.create'] as const) {
      const error = await fails(h, method, method === 'organizations.create' ? organization('Lost') : {});
      expect(error, method).toMatchObject({ code: 'workspace', message: expect.stringMatching(damaged) as unknown, details: expect.objectContaining({ damaged: true }) as unknown });
      expectNoStack(error);
    }
    expect(state(h.defaultPath)).toEqual(before);

    expect(await ok(h, 'workspace.openSample', {})).toMatchObject({ isSample: true });
    expect(await ok(h, 'profile.get', {})).not.toBeNull();
    expect((await fails(h, 'workspace.openDefault', {})).message).toMatch(damaged);
    expect(state(h.defaultPath)).toEqual(before);
  });
});
