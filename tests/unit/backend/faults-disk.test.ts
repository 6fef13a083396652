import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input } from '@shared/contract';
import type { RpcResult } from '@shared/rpc';
import { createBackend, type Backend } from '../../../electron/backend/backend';
import { generateDirectory } from '../../../electron/backend/sample/directory';
import { expectNoStack, ok, sha256, snapshot, useTempFile, withSqlite } from '../../support/backend';
import { bundleScript } from '../../support/faults/bundle';
import { tempDir } from '../../support/workspace';
import { emptyOrganizationInput } from '@shared/directory/organizations';

// A full disk and failing writes: the call fails with a clear workspace error, the workspace
// keeps exactly what it had before the call, and the backend keeps answering. In-process with
// SQLite's max_page_count (deterministic: the database is "full" at a chosen size), and in a
// child process under a file-size limit (`ulimit -f`: write(2) fails with EFBIG, as on a full disk).

function organization(name: string, notes = ''): Input<'organizations.create'> {
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
    notes,
  };
}

function integrity(path: string): unknown {
  return withSqlite(path, (db) => ({ integrity: db.pragma('integrity_check', { simple: true }), foreignKeys: db.pragma('foreign_key_check') }));
}

/** Limits the backend connection's database size to its current size plus `extraPages`. */
async function fillUpTo(backend: Backend, extraPages: number | null): Promise<void> {
  // bulkLoad is the one way to the backend's own connection (max_page_count is per connection).
  await backend.bulkLoad((sqlite) => {
    const pages = sqlite.pragma('page_count', { simple: true }) as number;
    sqlite.pragma(`max_page_count = ${extraPages === null ? 1_073_741_823 : pages + extraPages}`);
  });
}

const DISK_FULL = /disk is full: the change was not saved/;

describe('a full disk (SQLite max_page_count)', () => {
  it('each write that does not fit fails clearly, leaves the workspace as it was, and the backend keeps answering', async () => {
    const path = useTempFile();
    const backend = await createBackend({ workspacePath: path, create: true });
    try {
      const ids: string[] = [];
      for (let i = 0; i < 30; i++) ids.push((await ok(backend, 'organizations.create', organization(`Partner ${i}`))).id);
      await fillUpTo(backend, 80);

      // Realistic writes until the disk is full, each kind several times over.
      const attempts: [string, () => Promise<RpcResult>][] = [
        ['organizations.create', () => backend.call('organizations.create', organization(`Big ${ids.length}`, 'Minutes of the assembly. '.repeat(700)))],
        ['organizations.bulkUpdate', () => backend.call('organizations.bulkUpdate', { ids, addTags: [`tag-${Math.random().toString(36).slice(2, 8)}`], stage: 'member' })],
        ['people.create', () => backend.call('people.create', personInputFor(ids.length))],
      ];
      let failures = 0;
      let successes = 0;
      for (let round = 0; round < 40 && failures < 9; round++) {
        const [method, attempt] = attempts[round % attempts.length] as (typeof attempts)[number];
        const before = snapshot(path);
        const result = await attempt();
        if (result.ok) {
          successes++;
          continue;
        }
        failures++;
        expect(result.error, method).toMatchObject({ code: 'workspace', message: expect.stringMatching(DISK_FULL) as unknown });
        expectNoStack(result.error);
        // Nothing of the failed call was kept.
        expect(snapshot(path), method).toEqual(before);
        // And the backend keeps answering reads.
        expect((await ok(backend, 'organizations.list', { limit: 5 })).total).toBeGreaterThanOrEqual(30);
      }
      expect(successes).toBeGreaterThan(0);
      expect(failures).toBeGreaterThanOrEqual(3);
      expect(integrity(path)).toEqual({ integrity: 'ok', foreignKeys: [] });

      // Space freed: writes work again.
      await fillUpTo(backend, null);
      await ok(backend, 'organizations.create', organization('After the clean-up', 'Minutes. '.repeat(2000)));
    } finally {
      await backend.close();
    }
    expect(integrity(path)).toEqual({ integrity: 'ok', foreignKeys: [] });
  });
});

function personInputFor(n: number): Input<'people.create'> {
  return {
    name: `Volunteer ${n}`,
    pronouns: '',
    title: '',
    languages: ['English'],
    email: '',
    phone: '',
    city: 'Eastside',
    district: '',
    communityLeader: false,
    tags: [],
    notes: 'Background notes. '.repeat(800),
    consent: { mayContact: null, channels: [], recordedOn: null, recordedBy: '' },
  };
}

describe('a file-size limit (ulimit -f) on a child process', () => {
  let filler: Awaited<ReturnType<typeof bundleScript>>;
  const tmp = tempDir('coalition-disk-');

  beforeAll(async () => {
    filler = await bundleScript('tests/support/faults/filler.ts');
  }, 60_000);

  afterAll(() => {
    filler?.cleanup();
    tmp.cleanup();
  });

  it('writes past the limit fail with a clear error, the process keeps running, and the file keeps every confirmed write', async () => {
    const path = join(tmp.dir, 'limited.coalition');
    // Create the workspace first, without a limit.
    const setup = await createBackend({ workspacePath: path, create: true });
    await setup.close();

    // 4 MB: SIGXFSZ ignored, so write(2) returns EFBIG instead of killing the process.
    const { code, signal, stdout, stderr } = await new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn('bash', ['-c', `trap '' XFSZ; ulimit -f 4096; exec "${process.execPath}" "${filler.file}" "${path}"`], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.on('exit', (exitCode, exitSignal) => resolve({ code: exitCode, signal: exitSignal, stdout: out, stderr: err }));
    });
    expect({ code, signal, stderr }).toEqual({ code: 0, signal: null, stderr: '' });
    const report = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as FillerReport;
    console.log(`faults-disk (ulimit): ${JSON.stringify({ ...report, errors: report.errors.slice(0, 2) })}`);
    expect(report.confirmed).toBeGreaterThan(5);
    expect(report.errors.length).toBeGreaterThanOrEqual(3);
    for (const error of report.errors) {
      expect(error.code).toBe('workspace');
      expect(error.message).toMatch(/disk is full|could not be written/);
      expect(error.message).toMatch(/not saved/);
    }
    expect(report.readsAfterFailures).toBe('ok');

    // Reopened without the limit: consistent, with every confirmed write.
    expect(integrity(path)).toEqual({ integrity: 'ok', foreignKeys: [] });
    const backend = await createBackend({ workspacePath: path });
    try {
      const list = await ok(backend, 'organizations.list', { filters: { tag: ['filler'] }, limit: 500 });
      expect(list.total).toBe(report.confirmed);
      await ok(backend, 'organizations.create', organization('After the limit'));
    } finally {
      await backend.close();
    }
  });
});

describe('a file-size limit during a backup', () => {
  let child: Awaited<ReturnType<typeof bundleScript>>;
  const tmp = tempDir('coalition-disk-backup-');

  beforeAll(async () => {
    child = await bundleScript('tests/support/faults/backup.ts');
  }, 60_000);

  afterAll(() => {
    child?.cleanup();
    tmp.cleanup();
  });

  it('the backup fails with a clear error and leaves no partial file; the workspace is untouched and still answers', async () => {
    const path = join(tmp.dir, 'big.coalition');
    const backend = await createBackend({ workspacePath: path, create: true });
    await backend.bulkLoad((sqlite) => generateDirectory(sqlite, { organizations: 1500, people: 2500, affiliations: 3000, interactions: 6000, seed: 3 }));
    await backend.close();
    const size = statSync(path).size;
    expect(size).toBeGreaterThan(4 * 1024 * 1024);
    const before = sha256(path);
    const dest = join(tmp.dir, 'backups', 'manual.coalition');
    mkdirSync(join(tmp.dir, 'backups'));

    // A limit of half the workspace: the copy runs out of room part-way.
    const blocks = Math.floor(size / 1024 / 2);
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const proc = spawn('bash', ['-c', `trap '' XFSZ; ulimit -f ${blocks}; exec "${process.execPath}" "${child.file}" "${path}" "${dest}"`], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      proc.on('exit', (code) => resolve({ code, stdout: out, stderr: err }));
    });
    const seen = `size ${size}, limit ${blocks} KB, child: ${JSON.stringify(result)}`;
    expect({ code: result.code, stderr: result.stderr }, seen).toEqual({ code: 0, stderr: '' });
    const report = JSON.parse(result.stdout.trim()) as { backup: { ok: boolean; error?: { code: string; message: string } }; readAfter: string };
    console.log(`faults-disk (backup under ulimit): ${JSON.stringify(report)}`);
    expect(report.backup.ok, seen).toBe(false);
    expect(report.backup.error, seen).toMatchObject({ code: 'workspace', message: expect.stringMatching(/backup could not be written/) as unknown });
    expect(report.readAfter, seen).toBe('ok');
    expect(readdirSync(join(tmp.dir, 'backups')), seen).toEqual([]);
    expect(sha256(path)).toBe(before);
    expect(integrity(path)).toEqual({ integrity: 'ok', foreignKeys: [] });
  });
});

export interface FillerReport {
  confirmed: number;
  errors: { code: string; message: string }[];
  readsAfterFailures: string;
}
