import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RpcResult } from '@shared/rpc';
import { dispatchRendererCall } from '../../../electron/main/rpc/dispatch';
import { organizationInput, SEED_IMPORT_CSV } from '../../support/samples';
import { uploadImport } from '../../support/imports';
import { personInput } from '../../support/people';
import { createTestBridge, type TestBridge } from '../../support/workspace';
import { everyShellMethod } from '../shell/everyShellMethod';

// Canary strings planted in a workspace's records must never reach a log. The app writes no log
// file of its own: the shell, the backend host and the backend log to the console (the shell's
// stdout/stderr; the utility process inherits them). So this test captures every console method
// and every write to process.stdout / process.stderr while the host, the backend and the shell's
// backup-file methods run through typical calls — successful ones, and failing ones that carry
// the canary in their input (validation errors, not_found, conflicts, hostile shapes, a wrong
// passphrase, a forged sender) — and then asserts no captured line holds a canary. It also walks
// the temp folder: only SQLite workspace files and plain backups (copies of the workspace) may
// hold record content; an encrypted backup, a partial file or any other file must not.
//
// Error payloads returned to the renderer may quote the coordinator's own input (a validation
// message naming a value): that is the coordinator's screen, not a log, and is not checked here.

const CANARY = `CANARY-7f3a${Math.random().toString(16).slice(2, 10)}`;
const PASSPHRASE = `${CANARY}-passphrase horse battery`;

/** The canary and the spellings a log could carry it in (JSON-escaped, base64, percent-encoded, case-folded). */
function spellings(value: string): string[] {
  return [value, value.toLowerCase(), value.toUpperCase(), Buffer.from(value).toString('base64').slice(0, 16), encodeURIComponent(value)];
}
const NEEDLES = [...new Set([...spellings(CANARY), ...spellings(PASSPHRASE)])];

interface Captured {
  lines: string[];
  restore(): void;
}

function captureOutput(): Captured {
  const lines: string[] = [];
  const spies = (['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((name) =>
    vi.spyOn(console, name).mockImplementation((...args: unknown[]) => {
      lines.push(`console.${name}: ${args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack ?? ''}` : typeof a === 'string' ? a : safeJson(a))).join(' ')}`);
    }),
  );
  const writes = ([process.stdout, process.stderr] as const).map((stream) =>
    vi.spyOn(stream, 'write').mockImplementation(((chunk: unknown) => {
      lines.push(`${stream === process.stdout ? 'stdout' : 'stderr'}: ${typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8')}`);
      return true;
    })),
  );
  return {
    lines,
    restore: () => {
      for (const spy of [...spies, ...writes]) spy.mockRestore();
    },
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** TypeScript sources under a folder (tests excluded). */
function sourcesUnder(dir: string): string[] {
  return filesUnder(dir).filter((path) => /\.tsx?$/.test(path) && !/\.test\.tsx?$/.test(path));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('canary strings in a workspace', () => {
  let t: TestBridge;
  let captured: Captured;

  beforeEach(async () => {
    captured = captureOutput();
    t = await createTestBridge();
  });
  afterEach(async () => {
    captured.restore();
    await t.cleanup();
  });

  const call = (method: string, input: unknown): Promise<RpcResult> => t.bridge.call(method, input);
  async function ok(method: string, input: unknown): Promise<unknown> {
    const result = await call(method, input);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
    return result.value;
  }

  it('never appear in the console, stdout or stderr, nor in any file but the workspace and its plain backups', async () => {
    // A positive control: the capture sees what the app would log.
    console.error('[control] capture works');
    expect(captured.lines.at(-1)).toContain('[control] capture works');

    // Plant the canary in records of every kind.
    await ok('profile.save', { name: `Coalition ${CANARY}`, shortName: 'CC', region: `Region ${CANARY}`, foundedOn: null });
    await ok('charter.saveDraft', { mission: `Mission ${CANARY}`, vision: CANARY, values: [CANARY], goals: [] });
    const field = (await ok('customFields.save', { entity: 'organization', label: `Dues ${CANARY}`, kind: 'text' })) as { id: string };
    const org = (await ok(
      'organizations.create',
      organizationInput({ name: `Org ${CANARY}`, notes: `Notes: ${CANARY}`, email: `${CANARY.toLowerCase()}@example.org`, tags: [CANARY], custom: { [field.id]: CANARY } }),
    )) as { id: string };
    const person = (await ok('people.create', personInput({ name: `Ana ${CANARY}`, email: `ana.${CANARY.toLowerCase()}@example.org`, notes: CANARY }))) as { id: string };
    await ok('interactions.create', {
      kind: 'meeting',
      occurredOn: '2025-06-02',
      summary: `Story: ${CANARY}`,
      personIds: [person.id],
      organizationIds: [org.id],
      followUp: { owner: CANARY, dueOn: '2025-06-09', done: false },
    });
    await ok('vocabulary.add', { kind: 'population', value: `People ${CANARY}` });
    await ok('views.save', { name: `View ${CANARY}`, entity: 'organization', filters: { text: CANARY }, sort: { field: 'name', direction: 'asc' }, columns: ['name'] });

    // Typical reads and writes.
    await ok('organizations.list', { filters: { text: CANARY }, sort: { field: 'name', direction: 'asc' }, offset: 0, limit: 50 });
    await ok('directory.search', { query: CANARY, limit: 10 });
    await ok('organizations.get', { id: org.id });
    await ok('organizations.update', { id: org.id, organization: organizationInput({ name: `Org ${CANARY} renamed`, notes: `${CANARY} again` }) });
    await ok('directory.export', { entity: 'organization', format: 'csv', scope: { filters: {}, sort: { field: 'name', direction: 'asc' } }, columns: ['name', 'email'] });
    await ok('history.list', { entity: 'organization', entityId: org.id, limit: 10 });
    await ok('duplicates.find', { entity: 'organization', offset: 0, limit: 20 });
    const csv = `${SEED_IMPORT_CSV}${CANARY} Tenants,not-a-sector,not-a-stage,${CANARY},${CANARY}\r\n`;
    const uploaded = await uploadImport(ok, { entity: 'organization', fileName: `${CANARY}.csv`, content: csv });
    const staged = (await ok('imports.open', { importId: uploaded })) as { importId: string };
    await call('imports.check', { importId: staged.importId, entity: 'organization', mapping: ['name', 'sector', 'stage', 'city', 'tags'], duplicates: 'update' });
    await call('imports.run', { importId: staged.importId, entity: 'organization', mapping: ['name', 'sector', 'stage', 'city', 'tags'], duplicates: 'skip', skipInvalid: false });
    await call('imports.run', { importId: staged.importId, entity: 'organization', mapping: ['name', 'sector', 'stage', 'city', 'tags'], duplicates: 'skip', skipInvalid: true });

    // Failing calls that carry the canary.
    const failing: [string, unknown][] = [
      ['organizations.create', organizationInput({ name: `${CANARY}${'x'.repeat(500)}` })],
      ['organizations.create', organizationInput({ email: `not an email ${CANARY}` })],
      ['organizations.create', organizationInput({ notes: `${CANARY}\u0000` })],
      ['organizations.create', organizationInput({ name: `${CANARY}\ud800` })],
      ['organizations.update', { id: '00000000-0000-4000-8000-000000000000', organization: organizationInput({ notes: CANARY }) }],
      ['organizations.get', { id: CANARY }],
      ['people.create', { ...personInput(), [CANARY]: CANARY }],
      ['people.update', { id: person.id, person: { ...personInput(), email: CANARY } }],
      ['interactions.create', { kind: CANARY, occurredOn: CANARY, summary: CANARY, personIds: [CANARY], organizationIds: [], followUp: null }],
      ['customFields.save', { entity: 'organization', label: `Dues ${CANARY}`, kind: 'text' }],
      ['vocabulary.add', { kind: CANARY, value: CANARY }],
      ['imports.begin', { entity: 'organization', fileName: CANARY, size: -1 }],
      ['imports.append', { importId: '00000000-0000-4000-8000-000000000000', offset: 0, data: Buffer.from(`\u0000\u0001${CANARY}\uFFFE`).toString('base64') }],
      ['imports.append', { importId: '00000000-0000-4000-8000-000000000000', offset: 0, data: `${CANARY}!!not base64` }],
      ['imports.check', { importId: '00000000-0000-4000-8000-000000000000', entity: 'organization', mapping: [CANARY], duplicates: 'update' }],
      ['charter.saveDraft', JSON.parse(`{"__proto__": {"${CANARY}": 1}, "mission": "${CANARY}"}`) as unknown],
      ['profile.save', { name: { toString: () => CANARY }, shortName: [CANARY], region: new Map([[CANARY, CANARY]]), foundedOn: CANARY }],
      ['history.list', { entity: CANARY, entityId: CANARY.repeat(100), limit: 10 }],
      [`${CANARY}.method`, { value: CANARY }],
      ['backups.restore', { id: CANARY }],
      ['backups.create', { note: CANARY }],
      ['workspace.openSample', { path: `/tmp/${CANARY}.coalition` }],
      ['file.saveAs', { suggestedName: `${CANARY}.csv`, mimeType: 'text/csv', content: CANARY, encoding: 'utf8' }],
    ];
    for (const [method, input] of failing) {
      const result = await call(method, input);
      if (method !== 'file.saveAs') expect(result.ok, `${method} accepted ${safeJson(input).slice(0, 80)}`).toBe(false);
    }

    // Backups: plain ones, an encrypted export whose passphrase is a canary too, and an import
    // with the wrong passphrase and with a file that is not a backup.
    await ok('backups.create', {});
    await ok('backups.list', {});
    t.dialogs.savePath = join(t.dir, 'export.cdbackup');
    await ok('backups.exportEncrypted', { passphrase: PASSPHRASE });
    t.dialogs.openPath = join(t.dir, 'export.cdbackup');
    expect((await call('backups.importEncrypted', { passphrase: `wrong ${CANARY} passphrase` })).ok).toBe(false);
    t.dialogs.openPath = join(t.dir, 'default.coalition');
    expect((await call('backups.importEncrypted', { passphrase: PASSPHRASE })).ok).toBe(false);

    // A forged sender at the shell's dispatch, with the canary in the method and the input.
    const forged = await dispatchRendererCall(
      { allowedOrigins: ['app://coalition'], host: { call: (m, i) => call(m, i) }, shell: everyShellMethod((m, i) => call(m, i)) },
      `https://${CANARY.toLowerCase()}.evil.example/`,
      `organizations.${CANARY}`,
      { notes: CANARY },
    );
    expect(forged.ok).toBe(false);

    // The canary really is in the workspace (so its absence from the logs means something).
    const workspaceFiles = filesUnder(t.dir).filter((path) => /\.coalition(-wal)?$/.test(path));
    expect(workspaceFiles.some((path) => readFileSync(path).includes(CANARY))).toBe(true);

    captured.restore();
    if (process.env.CANARY_DEBUG) console.log(captured.lines.join('\n'), filesUnder(t.dir).join('\n'));
    const leaks = captured.lines.filter((line) => NEEDLES.some((needle) => line.includes(needle)));
    expect(leaks, `log lines holding a canary:\n${leaks.join('\n').slice(0, 2_000)}`).toEqual([]);

    // Files: the workspace and its plain backups hold the records; nothing else may.
    const others = filesUnder(t.dir).filter((path) => !/\.coalition(-wal|-shm|-journal)?$/.test(path) && !/\.(sqlite|db|bak)$/.test(path));
    const holding = others.filter((path) => {
      const bytes = readFileSync(path);
      return NEEDLES.some((needle) => bytes.includes(needle) || bytes.includes(Buffer.from(needle, 'utf16le')));
    });
    expect(holding.map((path) => relative(t.dir, path)), `files other than workspaces and plain backups: ${others.map((p) => relative(t.dir, p)).join(', ')}`).toEqual([]);
    expect(others.some((path) => path.endsWith('export.cdbackup')), 'the encrypted export was written').toBe(true);
  });
});

describe('the window’s code', () => {
  it('never writes to the console (its messages are not captured above, and could hold what is on screen)', () => {
    const root = join(import.meta.dirname, '../../..');
    const sources = ['renderer', 'electron/preload'].flatMap((dir) => sourcesUnder(join(root, dir)));
    expect(sources.length).toBeGreaterThan(20);
    const calls = sources.flatMap((path) =>
        readFileSync(path, 'utf8')
          .split('\n')
          .map((line, index) => ({ line, at: `${relative(root, path)}:${index + 1}` }))
          .filter(({ line }) => /\bconsole\s*\.\s*[a-z]+\s*\(/i.test(line))
          .map(({ at }) => at),
    );
    expect(calls).toEqual([]);
  });
});
