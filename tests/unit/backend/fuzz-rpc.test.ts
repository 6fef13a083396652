import { appendFileSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOST_METHODS, SHELL_METHODS } from '@shared/contract';
import type { RpcErrorPayload } from '@shared/errors';
import type { RpcResult } from '@shared/rpc';
import type { Backend } from '../../../electron/backend/backend';
import { saveAs } from '../../../electron/main/rpc/saveAs';
import { createTestBridge, openTestBackend, type TestBridge } from '../../support/workspace';
import { BACKEND_METHODS, seedWorkspace, VALID_INPUTS, validInput } from '../../support/samples';

// Property-based fuzzing of every method the workspace backend answers (the list comes from the
// contract, so a new method is fuzzed without anyone touching this file). Each method gets one
// seeded workspace and three properties:
//   (a) arbitrary values (objects, arrays, strings, numbers, Maps, Dates, BigInts, null-prototype
//       objects…) as the whole input;
//   (b) mutations of the method's valid input from samples.ts: keys dropped or added, values
//       replaced by the wrong type, a 5 MB string, control characters, lone surrogates, NaN,
//       ±Infinity, negatives, deeply nested objects, 100k-item arrays, "__proto__" / "constructor"
//       keys, random record ids;
//   (c) odd but legal text (accents, emoji, right-to-left, zero-width, line breaks) in its
//       string fields, so the accept path is exercised as well.
// Every call must resolve within a time bound to either ok (a mutation can stay valid) or a
// validation / not_found / conflict error with a specific message — never internal, never a
// throw. A failed call must write nothing (SQLite's data_version, the change log's count and
// last seq), nothing may leak onto Object.prototype, and the backend keeps answering; the file
// passes integrity_check at the end.
//
// FUZZ_RUNS=N runs N cases per method and property (default 60); FUZZ_SEED=N replays a run (the
// seed is printed when a property fails).

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
/** A single call may take this long (a 5 MB string or a 100k-item array included). */
const CALL_BOUND_MS = 5_000;
const EXPECTED_CODES = new Set(['validation', 'not_found', 'conflict']);

const FIVE_MB = 'x'.repeat(5 * 1024 * 1024);
const CONTROL = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b[31m', '\u007f', '\u009b'];
const LONE_SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff', 'a\ud83d', '\ude00b'];
const ODD_TEXT = ['', ' ', '\t\n', '\u200b', '\u202e', '\ufeff', '\u2028', 'ﬁ', 'Ｓａｏ', '%s%d', '${x}', "'; drop table organizations; --", '<script>'];
const NUMBERS = [NaN, Infinity, -Infinity, -1, -0, 0.5, -1e308, 1e308, Number.MAX_SAFE_INTEGER + 2, Number.MIN_SAFE_INTEGER - 2, 2 ** 31, -(2 ** 31) - 1];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

function nested(depth: number, kind: 'object' | 'array'): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = kind === 'object' ? { a: value } : [value];
  return value;
}
const DEEP = [nested(1_000, 'object'), nested(1_000, 'array'), nested(20_000, 'object'), nested(20_000, 'array')];

/** `{ "__proto__": … }` as an own key, the way JSON.parse (and a structured clone) makes it. */
function pollutingObject(key: string): Record<string, unknown> {
  return JSON.parse(`{${JSON.stringify(key)}: {"polluted": "yes", "prototype": {"polluted": "yes"}}}`) as Record<string, unknown>;
}

type Path = (string | number)[];

/** Every node of the valid input (the root, each key, each array's first and last item). */
function pathsOf(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) {
    if (value.length > 0) pathsOf(value[0], [...path, 0], out);
    if (value.length > 1) pathsOf(value[value.length - 1], [...path, value.length - 1], out);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) pathsOf(child, [...path, key], out);
  }
  return out;
}

function getAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** A mutation: what it does (for the counterexample) and how it rewrites the node at a path. */
interface Mutation {
  label: string;
  /** Returns the new node; `REMOVE` drops it from its parent. */
  apply(node: unknown): unknown;
}
const REMOVE = Symbol('remove');

const anyValue = fc.anything({
  maxDepth: 3,
  maxKeys: 6,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withSparseArray: true,
  withTypedArray: true,
  withBoxedValues: true,
  withObjectString: true,
  withUnicodeString: true,
});

const wrongType = fc.oneof(
  fc.constantFrom<unknown>(null, undefined, true, false, 0, 42, '', 'text', [], {}, 'an object was expected'),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 30 }),
  anyValue,
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant<Mutation>({ label: 'drop it', apply: () => REMOVE }),
  wrongType.map((value) => ({ label: `a wrong value ${show(value)}`, apply: () => value })),
  fc.constant<Mutation>({ label: 'a 5 MB string', apply: () => FIVE_MB }),
  fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...CONTROL), fc.string({ maxLength: 8 })).map(([a, c, b]) => ({
    label: `text with a control character ${JSON.stringify(a + c + b)}`,
    apply: (node: unknown) => (typeof node === 'string' ? node + a + c + b : a + c + b),
  })),
  fc.constantFrom(...LONE_SURROGATES).map((s) => ({
    label: `text with a lone surrogate ${JSON.stringify(s)}`,
    apply: (node: unknown) => (typeof node === 'string' ? `${node.slice(0, 3)}${s}${node.slice(3)}` : s),
  })),
  fc.constantFrom(...ODD_TEXT).map((s) => ({ label: `the text ${JSON.stringify(s)}`, apply: () => s })),
  fc.constantFrom(...NUMBERS).map((n) => ({ label: `the number ${String(n)}`, apply: () => n })),
  fc.constantFrom(...DEEP.keys()).map((i) => ({ label: `a deeply nested value (#${i})`, apply: () => DEEP[i] })),
  fc.constantFrom('x', 'item', 'sample').map((fill) => ({
    label: `a 100k-item list (${fill})`,
    apply: (node: unknown) => new Array<unknown>(100_000).fill(fill === 'sample' ? (Array.isArray(node) && node.length > 0 ? node[0] : node) : fill),
  })),
  fc.uuid().map((uuid) => ({ label: `the id ${uuid}`, apply: () => uuid })),
  fc.tuple(fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 12 })), wrongType).map(([key, value]) => ({
    label: `an extra key ${JSON.stringify(key)}`,
    apply: (node: unknown) => {
      const extra: Record<string, unknown> = {};
      Object.defineProperty(extra, key, { value, enumerable: true, configurable: true, writable: true });
      if (node === null || typeof node !== 'object' || Array.isArray(node)) return extra;
      const copy: Record<string, unknown> = { ...(node as Record<string, unknown>) };
      Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
      return copy;
    },
  })),
  fc.constantFrom(...PROTO_KEYS).map((key) => ({
    label: `a ${JSON.stringify(key)} key that would pollute the prototype`,
    apply: (node: unknown) => {
      const polluting = pollutingObject(key);
      if (node === null || typeof node !== 'object' || Array.isArray(node)) return polluting;
      // Spread would call the __proto__ setter; defineProperty keeps it an own key, as a structured clone does.
      const copy: Record<string, unknown> = { ...(node as Record<string, unknown>) };
      Object.defineProperty(copy, key, { value: polluting[key], enumerable: true, configurable: true, writable: true });
      return copy;
    },
  })),
);

/** A short description of any value. Never JSON.stringify: a sparse array can claim billions of items. */
function show(value: unknown, depth = 0): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}… (${value.length} characters)` : value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value !== 'object' || value === null) return String(value);
  if (depth > 2) return '…';
  if (Array.isArray(value)) {
    const items = Array.from({ length: Math.min(value.length, 3) }, (_, i) => show(value[i], depth + 1));
    return `[${items.join(', ')}${value.length > 3 ? `, … (${value.length} items)` : ''}]`;
  }
  if (value instanceof Map || value instanceof Set || value instanceof Date || ArrayBuffer.isView(value)) return Object.prototype.toString.call(value);
  const keys = Reflect.ownKeys(value).slice(0, 6);
  return `{${keys.map((key) => `${String(key)}: ${show((value as Record<PropertyKey, unknown>)[key], depth + 1)}`).join(', ')}}`;
}

/** Applies mutations at paths of a deep copy of `valid`. */
function mutate(valid: unknown, steps: { path: Path; mutation: Mutation }[]): unknown {
  let root = structuredClone(valid);
  for (const { path, mutation } of steps) {
    if (path.length === 0) {
      const next = mutation.apply(root);
      root = next === REMOVE ? undefined : next;
      continue;
    }
    // An earlier step may have replaced an ancestor: skip paths that no longer exist.
    const parent = getAt(root, path.slice(0, -1));
    if (parent === null || typeof parent !== 'object') continue;
    const key = path[path.length - 1] as string | number;
    const container = parent as Record<string | number, unknown>;
    const next = mutation.apply(container[key]);
    if (next === REMOVE) delete container[key];
    else Object.defineProperty(container, key, { value: next, enumerable: true, configurable: true, writable: true });
  }
  return root;
}

/** Cheap evidence of any write: SQLite's data_version moves when another connection commits. */
function fingerprint(reader: SqliteDatabase.Database): string {
  const version = reader.pragma('data_version', { simple: true }) as number;
  const log = reader.prepare('select count(*) as n, coalesce(max(seq), 0) as seq from change_log').get() as { n: number; seq: number };
  return `${version}:${log.n}:${log.seq}`;
}

/** What makes a message specific: it says which method and field, or what was not found. */
function expectSpecific(method: string, error: RpcErrorPayload, label: string): void {
  expect(EXPECTED_CODES.has(error.code), `${label}: ${error.code} error: ${error.message}`).toBe(true);
  expect(error.message.trim().length, `${label}: empty message`).toBeGreaterThan(10);
  expect(error.message, label).not.toMatch(/^(Invalid input|invalid value|Error|Something went wrong)\.?$/i);
  // The contract's refusals name the method and the field; a service's refusals are its own sentence.
  if (error.message.startsWith('Invalid input')) {
    expect(error.message, label).toMatch(new RegExp(`^Invalid input for ${method.replaceAll('.', '\\.')}: .{3,}`));
  }
  expect(error.message.length, `${label}: the message is ${error.message.length} characters`).toBeLessThan(2_000);
  expect(error.message).not.toMatch(/\n\s+at\s/);
  expect(error).not.toHaveProperty('stack');
  // Fits the IPC boundary: a 100k-item list must not come back as 100k issues.
  expect(JSON.stringify(error).length, `${label}: the error payload is too big`).toBeLessThan(200_000);
}

/**
 * What the change log recorded since `afterSeq` holds no control character (other than tab and
 * line breaks) and no lone surrogate: JSON.stringify writes C0 controls and lone surrogates as
 * \u escapes (tab, CR and LF as \t \r \n) and C1 controls as they are.
 */
function expectCleanWrites(reader: SqliteDatabase.Database, afterSeq: number, label: string): void {
  const rows = reader.prepare('select entity, before_json as before, after_json as after from change_log where seq > ?').all(afterSeq) as { entity: string; before: string | null; after: string | null }[];
  for (const row of rows) {
    const stored = `${row.before ?? ''}${row.after ?? ''}`;
    expect(stored, `${label}: a ${row.entity} was stored with a control character or invalid Unicode`).not.toMatch(/\\u00[01][0-9a-f]|\\u007f|[\u007f-\u009f]|\\ud[89a-f][0-9a-f]{2}/i);
  }
}

function expectNoPollution(label: string): void {
  const probe = {} as Record<string, unknown>;
  expect(probe.polluted, `${label}: Object.prototype was polluted`).toBeUndefined();
  expect(Object.keys(Object.prototype), label).toEqual([]);
}

async function timedCall(backend: Backend, method: string, input: unknown): Promise<{ result: RpcResult; ms: number }> {
  const start = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${method} did not answer within ${CALL_BOUND_MS * 2} ms`)), CALL_BOUND_MS * 2);
  });
  try {
    const result = await Promise.race([backend.call(method, input), hang]);
    return { result, ms: performance.now() - start };
  } finally {
    clearTimeout(timer);
  }
}

/** A stable per-method seed, so each method sees different cases but a run replays exactly. */
function seedFor(method: string): number {
  let hash = SEED | 0;
  for (const char of method) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}

const stats = { calls: 0, ok: 0, failed: 0, byCode: {} as Record<string, number> };

afterAll(() => {
  console.log(
    `[fuzz-rpc] ${BACKEND_METHODS.length} backend methods × (2 × ${RUNS} + ${Math.ceil(RUNS / 2)}) runs, ${HOST_METHODS.length + SHELL_METHODS.length} host/shell methods × ${RUNS} runs: ${stats.calls} calls (backend: ${stats.ok} ok, ${stats.failed} refused ${JSON.stringify(stats.byCode)}) (FUZZ_SEED=${SEED})`,
  );
});

describe.each(BACKEND_METHODS)('fuzzing %s', (method) => {
  let opened: Awaited<ReturnType<typeof openTestBackend>>;
  let reader: SqliteDatabase.Database;
  let valid: unknown;
  let paths: Path[];

  beforeAll(async () => {
    opened = await openTestBackend();
    const seeded = await seedWorkspace(opened.backend);
    // A method just added to the contract may not have its sample yet (validation.test.ts asks for
    // it): fuzz it from an empty input meanwhile.
    valid = method in VALID_INPUTS ? validInput(method, seeded) : {};
    paths = pathsOf(valid);
    reader = new SqliteDatabase(opened.path, { readonly: true, fileMustExist: true });
  });
  afterAll(async () => {
    reader.close();
    await opened.cleanup();
  });

  async function check(input: unknown, label: string): Promise<void> {
    // FUZZ_TRACE=file appends each case before it runs: what was running when a worker died.
    if (process.env.FUZZ_TRACE) appendFileSync(process.env.FUZZ_TRACE, `${method} ${label.slice(0, 300)} ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB\n`);
    const before = fingerprint(reader);
    const seqBefore = Number(before.split(':')[2]);
    const { result, ms } = await timedCall(opened.backend, method, input);
    stats.calls++;
    expect(ms, `${label}: took ${Math.round(ms)} ms`).toBeLessThan(CALL_BOUND_MS);
    expectNoPollution(label);
    if (result.ok) {
      stats.ok++;
      expectCleanWrites(reader, seqBefore, label);
      return;
    }
    stats.failed++;
    stats.byCode[result.error.code] = (stats.byCode[result.error.code] ?? 0) + 1;
    expectSpecific(method, result.error, label);
    expect(fingerprint(reader), `${label}: a refused call wrote to the workspace`).toBe(before);
  }

  it('(a) answers arbitrary values as the whole input without crashing or writing', async () => {
    await fc.assert(
      fc.asyncProperty(anyValue, async (input) => check(input, `input ${show(input)}`)),
      { numRuns: RUNS, seed: seedFor(method), endOnFailure: true },
    );
  });

  it('(b) answers mutations of the valid input without crashing, and refusals write nothing', async () => {
    const step = fc.record({ path: fc.constantFrom(...paths), mutation });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 3 }), async (steps) => {
        const label = steps.map((s) => `${s.path.join('.') || '(input)'}: ${s.mutation.label}`).join('; ');
        await check(mutate(valid, steps), label);
      }),
      { numRuns: RUNS, seed: seedFor(method) + 1, endOnFailure: true },
    );
  });

  it('(c) accepts or refuses odd but legal text in its string fields, and stores it clean', async () => {
    // The accept path: most mutations above are refused, so here only string leaves change, to
    // text a coordinator could type (accents, emoji, right-to-left, zero-width, pasted line breaks).
    const stringPaths = paths.filter((path) => typeof getAt(valid, path) === 'string');
    if (stringPaths.length === 0) return;
    const legal = fc.oneof(
      fc.constantFrom('Zoë Ça va 😀', 'مركز صحي مجتمعي', '\u202eevil.exe', 'a\u200db', '  padded  ', 'Line one\nLine two', 'Tab\tseparated', "O'Brien; DROP TABLE x", '%s %d {0}', 'ﬁ'),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
    );
    const step = fc.record({ path: fc.constantFrom(...stringPaths), value: legal });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 3 }), async (steps) => {
        const label = steps.map((s) => `${s.path.join('.')}: ${show(s.value)}`).join('; ');
        await check(mutate(valid, steps.map(({ path, value }) => ({ path, mutation: { label: 'legal text', apply: () => value } }))), label);
      }),
      { numRuns: Math.ceil(RUNS / 2), seed: seedFor(method) + 2, endOnFailure: true },
    );
  });

  it('still answers afterwards, and the file is intact', async () => {
    const profile = await opened.backend.call('profile.get', {});
    expect(profile.ok).toBe(true);
    const integrity = reader.pragma('integrity_check', { simple: true });
    expect(integrity).toBe('ok');
  });
});

// The methods the host (which workspace is open, backups) and the shell (native dialogs, then the
// host) answer: the same arbitrary values and mutations through the in-process bridge, whose
// backup-file methods are the shell's real functions with the dialogs cancelled, and file.saveAs
// through the shell's real function with a fake dialog. A refusal must come before any dialog.
describe('fuzzing the host and shell methods', () => {
  let t: TestBridge;
  const HOST_EXPECTED = new Set([...EXPECTED_CODES, 'workspace']);
  const PASSPHRASE = 'correct horse battery staple';

  beforeAll(async () => {
    t = await createTestBridge();
    t.dialogs.savePath = null;
    t.dialogs.openPath = null;
    t.dialogs.folder = null;
  });
  afterAll(async () => {
    await t.cleanup();
  });

  async function validFor(method: string): Promise<unknown> {
    if (method === 'backups.restore' || method === 'backups.openReadOnly') {
      const created = await t.bridge.call('backups.create', {});
      if (!created.ok) throw new Error(created.error.message);
      return { id: (created.value as { id: string }).id };
    }
    if (method === 'backups.exportEncrypted' || method === 'backups.importEncrypted') return { passphrase: PASSPHRASE };
    return {};
  }

  const methods = [...HOST_METHODS, ...SHELL_METHODS.filter((m) => m !== 'file.saveAs')];
  it.each(methods)('%s answers arbitrary and mutated input with ok or a specific error', async (method) => {
    const valid = await validFor(method);
    const paths = pathsOf(valid);
    const input = fc.oneof(
      anyValue,
      fc.array(fc.record({ path: fc.constantFrom(...paths), mutation }), { minLength: 1, maxLength: 3 }).map((steps) => mutate(valid, steps)),
    );
    await fc.assert(
      fc.asyncProperty(input, async (value) => {
        const label = `${method} with ${show(value)}`;
        if (process.env.FUZZ_TRACE) appendFileSync(process.env.FUZZ_TRACE, `${label.slice(0, 300)} ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB\n`);
        const start = performance.now();
        const result = await t.bridge.call(method, value);
        stats.calls++;
        expect(performance.now() - start, label).toBeLessThan(CALL_BOUND_MS);
        expectNoPollution(label);
        // Back to the workspace, so the next case starts where the others do.
        if (result.ok && method === 'backups.openReadOnly') expect((await t.bridge.call('backups.closeReadOnly', {})).ok).toBe(true);
        if (result.ok) return;
        expect(HOST_EXPECTED.has(result.error.code), `${label}: ${result.error.code}: ${result.error.message}`).toBe(true);
        expect(result.error.message.trim().length, label).toBeGreaterThan(10);
        expect(result.error.message.length, label).toBeLessThan(2_000);
        expect(JSON.stringify(result.error).length, label).toBeLessThan(200_000);
      }),
      { numRuns: RUNS, seed: seedFor(method), endOnFailure: true },
    );
    expect((await t.bridge.call('workspace.info', {})).ok).toBe(true);
  });

  it('file.saveAs refuses malformed input before showing the Save dialog', async () => {
    const valid = { suggestedName: 'partners.csv', mimeType: 'text/csv', content: 'name\nA', encoding: 'utf8' };
    const paths = pathsOf(valid);
    const input = fc.oneof(
      anyValue,
      fc.array(fc.record({ path: fc.constantFrom(...paths), mutation }), { minLength: 1, maxLength: 3 }).map((steps) => mutate(valid, steps)),
    );
    await fc.assert(
      fc.asyncProperty(input, async (value) => {
        let asked = false;
        const result = await saveAs(value, {
          chooseSavePath: () => {
            asked = true;
            return Promise.resolve(null);
          },
          writeFile: () => Promise.reject(new Error('a cancelled dialog writes nothing')),
        });
        stats.calls++;
        if (result.ok) return;
        expect(asked, `${show(value)}: refused after the dialog`).toBe(false);
        expect(result.error.code, `${show(value)}: ${result.error.message}`).toBe('validation');
        expect(result.error.message.trim().length).toBeGreaterThan(10);
      }),
      { numRuns: RUNS * 2, seed: seedFor('file.saveAs') },
    );
  });
});
