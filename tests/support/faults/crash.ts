import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
import { createBackend } from '../../../electron/backend/backend';
import { rng, type Rng } from './prng';
import { digestRows, type InFlightCheck, type JournalLine, type LogDigestRow } from './journal';

// The crash harness's parent side: start the writer, SIGKILL it at a random moment, reopen the
// workspace through the real backend and check that nothing confirmed was lost and nothing was
// half-applied. See writer.ts for the child side.

export interface CrashOptions {
  /** The bundled writer (bundleScript('tests/support/faults/writer.ts')). */
  writer: string;
  /** A folder for the workspaces (one per `cyclesPerWorkspace` cycles and lane). */
  dir: string;
  cycles: number;
  seed: number;
  /** Independent workspaces worked on at the same time (a child runs while another lane verifies). */
  lanes?: number;
  cyclesPerWorkspace?: number;
  /** Most calls a writer gets confirmed before the kill (then a few ms more: mostly mid-call). */
  maxConfirmedPerCycle?: number;
}

export interface CrashStats {
  cycles: number;
  workspaces: number;
  /** Calls the backend confirmed before the kills. */
  confirmedCalls: number;
  confirmedChangeRows: number;
  /** Kills that landed before the writer had opened the workspace (during start-up, WAL recovery or migrations). */
  killedBeforeReady: number;
  /** Kills with a call in flight, and of those, how many had committed (but not yet been confirmed). */
  inFlight: number;
  inFlightCommitted: number;
  /** Cycles verified on a copy, leaving the killed process's WAL for the next writer to recover. */
  walLeftForNextWriter: number;
  byMethod: Record<string, number>;
  /** Milliseconds summed over cycles: writer start-up to "ready", and reopen + checks. */
  startupMs: number;
  verifyMs: number;
}

interface Lane {
  index: number;
  path: string;
  journal: string;
  /** Journal lines already read. */
  seen: number;
  /** Every confirmed batch: its last seq, row count and digest. */
  confirmed: Map<string, { lastSeq: number; rows: number; digest: string; method: string }>;
  /** Batches committed by a call in flight at a kill (verified whole when first seen). */
  adopted: Set<string>;
  maxConfirmedSeq: number;
}

export class CrashFailure extends Error {}

function fail(seed: number, cycle: number, message: string): never {
  throw new CrashFailure(`crash cycle ${cycle} (FAULTS_SEED=${seed}): ${message}`);
}

export async function runCrashCycles(options: CrashOptions): Promise<CrashStats> {
  const lanes = options.lanes ?? 2;
  const perWorkspace = options.cyclesPerWorkspace ?? 10;
  const stats: CrashStats = {
    cycles: 0,
    workspaces: 0,
    confirmedCalls: 0,
    confirmedChangeRows: 0,
    killedBeforeReady: 0,
    inFlight: 0,
    inFlightCommitted: 0,
    walLeftForNextWriter: 0,
    byMethod: {},
    startupMs: 0,
    verifyMs: 0,
  };
  const random = rng(options.seed);
  // Each lane gets its own PRNG, so a lane's cycles do not depend on the other lane's timing.
  const laneRandoms = Array.from({ length: lanes }, () => rng(random.int(1, 2 ** 31)));
  let next = 0;
  const claim = () => (next < options.cycles ? next++ : null);

  await Promise.all(
    laneRandoms.map(async (laneRandom, index) => {
      let lane: Lane | null = null;
      let cyclesOnLane = 0;
      for (let cycle = claim(); cycle !== null; cycle = claim()) {
        if (!lane || cyclesOnLane === perWorkspace) {
          if (lane) verifyAllDigests(lane, options.seed, cycle);
          lane = newLane(options.dir, index, stats.workspaces++);
          cyclesOnLane = 0;
        }
        await runCycle(lane, laneRandom, cycle, options, stats);
        cyclesOnLane++;
        stats.cycles++;
      }
      if (lane) verifyAllDigests(lane, options.seed, -1);
    }),
  );
  return stats;
}

function newLane(dir: string, index: number, workspace: number): Lane {
  const laneDir = join(dir, `lane${index}-ws${workspace}`);
  mkdirSync(laneDir, { recursive: true });
  return { index, path: join(laneDir, 'crash.coalition'), journal: join(laneDir, 'journal.ndjson'), seen: 0, confirmed: new Map(), adopted: new Set(), maxConfirmedSeq: 0 };
}

async function runCycle(lane: Lane, random: Rng, cycle: number, options: CrashOptions, stats: CrashStats): Promise<void> {
  const childSeed = random.int(1, 2 ** 31);
  const beforeReady = random.chance(0.1);
  // Killed during start-up (after up to 400 ms), or after a number of confirmed calls and then a
  // few ms into the next: counting calls rather than time keeps the work per cycle the same on a
  // busy machine.
  const delay = beforeReady ? random.int(0, 400) : random.int(0, 30);
  const confirmedBeforeKill = random.int(0, options.maxConfirmedPerCycle ?? 8);
  const inPlace = random.chance(0.5);

  const { ready, stderr, signal, code, hung } = await new Promise<{ ready: boolean; stderr: string; signal: NodeJS.Signals | null; code: number | null; hung: boolean }>((resolve) => {
    const child = spawn(process.execPath, [options.writer, lane.path, lane.journal, String(childSeed)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let isReady = false;
    let confirmed = 0;
    let killing = false;
    let watchdogFired = false;
    const spawned = performance.now();
    let err = '';
    const kill = () => child.kill('SIGKILL');
    // A writer that never gets ready (or hangs) is killed and reported below.
    const watchdog = setTimeout(() => {
      watchdogFired = true;
      kill();
    }, 30_000);
    const killSoon = () => {
      if (killing) return;
      killing = true;
      setTimeout(kill, delay);
    };
    if (beforeReady) killSoon();
    child.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (line === 'ready' && !isReady) {
          isReady = true;
          stats.startupMs += performance.now() - spawned;
        } else if (line === 'ok') confirmed++;
      }
      if (isReady && confirmed >= confirmedBeforeKill) killSoon();
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (exitCode, exitSignal) => {
      clearTimeout(watchdog);
      resolve({ ready: isReady, stderr: err, signal: exitSignal, code: exitCode, hung: watchdogFired });
    });
  });
  if (hung) fail(options.seed, cycle, `the writer made no progress for 30 s (ready: ${ready}): ${stderr}`);
  if (signal !== 'SIGKILL') fail(options.seed, cycle, `the writer exited by itself (code ${code}, signal ${signal}): ${stderr}`);
  if (!ready) stats.killedBeforeReady++;
  if (!existsSync(lane.path)) return; // killed before it created the file

  // Verify in place (the reopen recovers the WAL), or on a copy of the files (the WAL stays for the next writer).
  let target = lane.path;
  if (!inPlace) {
    target = join(lane.path, '..', `verify-${cycle}.coalition`);
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(lane.path + suffix)) copyFileSync(lane.path + suffix, target + suffix);
    if (existsSync(lane.path + '-wal')) stats.walLeftForNextWriter++;
  }
  const verifying = performance.now();
  try {
    await verify(lane, target, cycle, options.seed, stats);
  } finally {
    stats.verifyMs += performance.now() - verifying;
    if (!inPlace) for (const suffix of ['', '-wal', '-shm']) rmSync(target + suffix, { force: true });
  }
}

async function verify(lane: Lane, target: string, cycle: number, seed: number, stats: CrashStats): Promise<void> {
  // 1. The app reopens it and answers calls.
  let backend;
  try {
    // As the app opens its default workspace: with create (a kill can leave an empty file).
    backend = await createBackend({ workspacePath: target, create: true });
  } catch (error) {
    fail(seed, cycle, `the workspace did not reopen: ${error instanceof Error ? error.message : String(error)}`);
  }
  for (const method of ['organizations.list', 'people.list'] as const) {
    const result = await backend.call(method, { limit: 5 });
    if (!result.ok) fail(seed, cycle, `${method} after the reopen: ${result.error.message}`);
  }
  await backend.close();

  // 2. The file itself, read with plain SQLite.
  const db = new SqliteDatabase(target, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
    if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok') fail(seed, cycle, `integrity_check: ${JSON.stringify(integrity).slice(0, 500)}`);
    const foreignKeys = db.pragma('foreign_key_check') as unknown[];
    if (foreignKeys.length > 0) fail(seed, cycle, `foreign_key_check: ${JSON.stringify(foreignKeys).slice(0, 500)}`);
    checkLabels(db, seed, cycle);

    // 3. The journal of the writer just killed.
    const lines = readFileSync(lane.journal, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as JournalLine);
    const fresh = lines.slice(lane.seen);
    lane.seen = lines.length;
    let inFlight: Extract<JournalLine, { t: 'intent' }> | null = null;
    const newlyConfirmed: string[] = [];
    for (const line of fresh) {
      if (line.t === 'intent') {
        inFlight = line;
      } else if (line.t === 'ok' || line.t === 'error') {
        inFlight = null;
        if (line.t === 'ok') {
          stats.confirmedCalls++;
          stats.byMethod[line.method] = (stats.byMethod[line.method] ?? 0) + 1;
          if (line.batch) {
            lane.confirmed.set(line.batch, { lastSeq: line.lastSeq, rows: line.rows, digest: line.digest, method: line.method });
            lane.maxConfirmedSeq = Math.max(lane.maxConfirmedSeq, line.lastSeq);
            stats.confirmedChangeRows += line.rows;
            newlyConfirmed.push(line.batch);
          }
        }
      }
    }

    // 4. Every confirmed batch is there, whole; at most one batch nobody confirmed (the call in flight).
    const batches = new Map(
      (db.prepare('select batch, count(*) as n, min(seq) as first, max(seq) as last from change_log group by batch').all() as { batch: string; n: number; first: number; last: number }[]).map((b) => [b.batch, b]),
    );
    for (const [batch, expected] of lane.confirmed) {
      const found = batches.get(batch);
      if (!found) fail(seed, cycle, `a confirmed ${expected.method} (batch ${batch}) is missing`);
      if (found.n !== expected.rows || found.last !== expected.lastSeq) {
        fail(seed, cycle, `a confirmed ${expected.method} (batch ${batch}) has ${found.n} change rows ending at ${found.last}, expected ${expected.rows} ending at ${expected.lastSeq}`);
      }
    }
    const batchRows = db.prepare('select seq, entity, entity_id, action, after_json, batch from change_log where batch = ? order by seq');
    for (const batch of newlyConfirmed) {
      const expected = lane.confirmed.get(batch);
      if (expected && digestRows(batchRows.all(batch) as LogDigestRow[]) !== expected.digest) fail(seed, cycle, `a confirmed ${expected.method} (batch ${batch}) changed after it was confirmed`);
    }
    const unknown = [...batches.values()].filter((b) => !lane.confirmed.has(b.batch) && !lane.adopted.has(b.batch));
    if (unknown.length > 1) fail(seed, cycle, `${unknown.length} change-log batches no call confirmed (at most the one in flight may be there)`);
    const committed = unknown[0];
    if (committed) {
      if (!inFlight) fail(seed, cycle, `batch ${committed.batch} is in the log, but no call was in flight`);
      if (committed.first <= lane.maxConfirmedSeq) fail(seed, cycle, `the unconfirmed batch ${committed.batch} is not after the last confirmed one`);
      lane.adopted.add(committed.batch);
    }

    // 5. The call in flight at the kill: wholly applied (its batch is there) or wholly absent.
    if (inFlight) {
      stats.inFlight++;
      if (committed) stats.inFlightCommitted++;
      if (inFlight.check) {
        const rows = countRows(db, inFlight.check);
        const expected = committed ? inFlight.check.ifApplied : inFlight.check.ifNotApplied;
        if (rows !== expected) {
          fail(seed, cycle, `${inFlight.method} in flight at the kill was ${committed ? 'committed' : 'not committed'}, but ${rows} rows match ${JSON.stringify(inFlight.check)} (expected ${expected}): half-applied`);
        }
      }
    }

    // 6. The data is what the change log says: each record's last log row is its current state.
    checkDataMatchesLog(db, seed, cycle);
  } finally {
    db.close();
  }
}

function countRows(db: SqliteDatabase.Database, check: InFlightCheck): number {
  const query =
    check.column === 'tag'
      ? `select count(*) as n from ${check.table} t where exists (select 1 from json_each(t.tags_json) where value = ?)`
      : `select count(*) as n from ${check.table} where ${check.column} = ?`;
  return (db.prepare(query).get(check.value) as { n: number }).n;
}

/** The triggers' label index matches the records' JSON lists, both ways. */
function checkLabels(db: SqliteDatabase.Database, seed: number, cycle: number): void {
  for (const [table, labels] of [
    ['organizations', 'organization_labels'],
    ['people', 'person_labels'],
  ] as const) {
    const missing = db
      .prepare(`select count(*) as n from ${table} t, json_each(t.tags_json) j where not exists (select 1 from ${labels} l where l.record_rowid = t.rowid and l.field = 'tag' and l.value = j.value)`)
      .get() as { n: number };
    const stray = db
      .prepare(`select count(*) as n from ${labels} l where l.field = 'tag' and not exists (select 1 from ${table} t, json_each(t.tags_json) j where t.rowid = l.record_rowid and j.value = l.value)`)
      .get() as { n: number };
    if (missing.n + stray.n > 0) fail(seed, cycle, `${labels}: ${missing.n} tags missing from the index, ${stray.n} stray`);
  }
}

function checkDataMatchesLog(db: SqliteDatabase.Database, seed: number, cycle: number): void {
  const last = db
    .prepare(
      'select c.entity, c.entity_id, c.action, c.after_json from change_log c join (select max(seq) as seq from change_log group by entity, entity_id) m on m.seq = c.seq',
    )
    .all() as { entity: string; entity_id: string; action: string; after_json: string | null }[];
  const logged = new Map<string, Set<string>>();
  const reads = new Map<string, SqliteDatabase.Statement>();
  for (const row of last) {
    if (!logged.has(row.entity)) logged.set(row.entity, new Set());
    logged.get(row.entity)?.add(row.entity_id);
    let read = reads.get(row.entity);
    if (!read) reads.set(row.entity, (read = db.prepare(`select * from "${row.entity}" where id = ?`)));
    const current = read.get(row.entity_id) as Record<string, unknown> | undefined;
    if (row.action === 'delete') {
      if (current) fail(seed, cycle, `${row.entity} ${row.entity_id} was deleted in the log but is still there`);
    } else if (!current) {
      fail(seed, cycle, `${row.entity} ${row.entity_id} is in the log (${row.action}) but not in the table`);
    } else if (!isDeepStrictEqual(serialize(current), JSON.parse(row.after_json ?? 'null'))) {
      fail(seed, cycle, `${row.entity} ${row.entity_id} differs from its last change-log row`);
    }
  }
  // And no record was written without a log row.
  for (const [entity, ids] of logged) {
    const unlogged = (db.prepare(`select id from "${entity}"`).all() as { id: string }[]).filter((r) => !ids.has(r.id));
    if (unlogged.length > 0) fail(seed, cycle, `${unlogged.length} ${entity} rows have no change-log row`);
  }
}

/** As the writer logs rows: blobs as base64. */
function serialize(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Buffer.isBuffer(v) ? { base64: v.toString('base64') } : v]));
}

/** At the end of a workspace's life: every confirmed batch's rows are still exactly as confirmed. */
function verifyAllDigests(lane: Lane, seed: number, cycle: number): void {
  if (!existsSync(lane.path)) return;
  const db = new SqliteDatabase(lane.path, { fileMustExist: true });
  try {
    const rows = db.prepare('select seq, entity, entity_id, action, after_json, batch from change_log where batch = ? order by seq');
    for (const [batch, expected] of lane.confirmed) {
      if (digestRows(rows.all(batch) as LogDigestRow[]) !== expected.digest) fail(seed, cycle, `confirmed batch ${batch} (${expected.method}) changed later`);
    }
  } finally {
    db.close();
  }
}
