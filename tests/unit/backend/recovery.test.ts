import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RecoveryInfo } from '@shared/backups/contract';
import { contract } from '@shared/contract';
import { defaultBackupFolder } from '../../../electron/backend/backups/store';
import { expectNoStack, fails, ok, withSqlite } from '../../support/backend';
import { useHost, type TestHost } from '../../support/host';
import { organizationInput } from '../../support/samples';

// The recovery screen's host methods: a damaged workspace is moved aside (kept byte for byte)
// and a checked backup put in its place; a restore that fails leaves the damaged file as it was.

async function names(h: TestHost): Promise<string[]> {
  const list = await ok(h, 'organizations.list', { limit: 100 });
  return list.rows.map((r) => r.name).sort();
}

/** Zeroes every page after the first: the schema page still says SQLite, the tables are gone. */
function damage(path: string): Buffer {
  const bytes = readFileSync(path);
  const pageSize = bytes.readUInt16BE(16) === 1 ? 65536 : bytes.readUInt16BE(16);
  bytes.fill(0, pageSize);
  writeFileSync(path, bytes);
  return bytes;
}

/** A workspace with two organizations and an automatic backup (taken at the second open), then damaged. */
async function damagedWorkspace(): Promise<{ h: TestHost; bytes: Buffer }> {
  const h = await useHost();
  await ok(h, 'organizations.create', organizationInput({ name: 'Harbor Legal Aid' }));
  await ok(h, 'organizations.create', organizationInput({ name: 'Eastside Tenants Union' }));
  await h.send({ kind: 'shutdown' });
  await h.host.start();
  expect((await ok(h, 'backups.list', {})).backups.map((b) => b.kind)).toEqual(['automatic']);
  await h.send({ kind: 'shutdown' });
  const bytes = damage(h.defaultPath);
  await expect(h.host.start()).rejects.toMatchObject({ code: 'workspace', details: expect.objectContaining({ damaged: true }) as unknown });
  return { h, bytes };
}

/** The workspace files in the folder (side files aside: the failed open's check may leave an empty -wal / -shm). */
async function recoveryOf(h: TestHost): Promise<RecoveryInfo> {
  const recovery = await ok(h, 'workspace.recovery', {});
  if (!recovery) throw new Error('workspace.recovery answered null: the workspace is open');
  return recovery;
}

function workspaceFiles(h: TestHost): string[] {
  return readdirSync(h.dir)
    .filter((f) => f.endsWith('.coalition') || f.includes('restoring'))
    .sort();
}

describe('recovering a damaged workspace', () => {
  it('lists the backups next to the damaged file, checked; restoring one keeps the damaged file under a new name', async () => {
    const { h, bytes } = await damagedWorkspace();

    const recovery = await recoveryOf(h);
    expect(contract['workspace.recovery'].output.parse(recovery)).toEqual(recovery);
    expect(recovery).toMatchObject({ fileName: 'default.coalition', damaged: true, folder: defaultBackupFolder(h.defaultPath) });
    expect(recovery.message).toMatch(/damaged/);
    expect(recovery.backups).toHaveLength(1);
    expect(recovery.backups[0]).toMatchObject({ kind: 'automatic', ok: true, checked: true, problem: null, counts: { organizations: 2 } });

    const result = await ok(h, 'workspace.recoverFromBackup', { id: recovery.backups[0]?.id ?? '' });
    expect(result.restored.id).toBe(recovery.backups[0]?.id);
    expect(result.damagedKeptAs).toMatch(/^default\.damaged-\d{8}T\d{9}Z\.coalition$/);
    expect(result.workspace).toMatchObject({ fileName: 'default.coalition', isSample: false });
    expect(h.events).toContainEqual({ type: 'workspace-changed', fileName: 'default.coalition' });

    expect(await names(h)).toEqual(['Eastside Tenants Union', 'Harbor Legal Aid']);
    expect(readFileSync(join(h.dir, result.damagedKeptAs)).equals(bytes)).toBe(true);
    expect(workspaceFiles(h).filter((f) => f.includes('restoring'))).toEqual([]);
    // Open again: there is nothing to recover any more.
    expect(await ok(h, 'workspace.recovery', {})).toBeNull();
  });

  it('a workspace overwritten with something that is not SQLite is recovered the same way', async () => {
    const h = await useHost();
    await ok(h, 'organizations.create', organizationInput({ name: 'Harbor Legal Aid' }));
    await ok(h, 'backups.create', {});
    await h.send({ kind: 'shutdown' });
    writeFileSync(h.defaultPath, 'Not a database: a sync tool wrote its conflict note here.\n'.repeat(20));
    await expect(h.host.start()).rejects.toMatchObject({ code: 'workspace', details: expect.objectContaining({ damaged: true }) as unknown });

    const recovery = await recoveryOf(h);
    expect(recovery).toMatchObject({ damaged: true, backups: [expect.objectContaining({ ok: true, checked: true }) as unknown] });
    const result = await ok(h, 'workspace.recoverFromBackup', { id: recovery.backups[0]?.id ?? '' });
    expect(await names(h)).toEqual(['Harbor Legal Aid']);
    expect(readFileSync(join(h.dir, result.damagedKeptAs), 'utf8')).toMatch(/^Not a database/);
  });

  it('a backup that fails its check is listed as failed, and is not restored', async () => {
    const { h, bytes } = await damagedWorkspace();
    const [backup] = (await recoveryOf(h)).backups;
    const backupPath = join(defaultBackupFolder(h.defaultPath), backup?.id ?? '');
    damage(backupPath);

    const recovery = await recoveryOf(h);
    expect(recovery.backups[0]).toMatchObject({ id: backup?.id, ok: false, problem: expect.stringMatching(/.{10,}/) as unknown });
    const error = await fails(h, 'workspace.recoverFromBackup', { id: backup?.id });
    expect(error).toMatchObject({ code: 'workspace', message: expect.stringMatching(/damaged file is where it was/) as unknown });
    expectNoStack(error);
    expect(readFileSync(h.defaultPath).equals(bytes)).toBe(true);
    expect(workspaceFiles(h)).toEqual(['default.coalition']);
  });

  it('checks the backups newest first until one passes; the older ones keep the check they passed when taken', async () => {
    const h = await useHost();
    await ok(h, 'organizations.create', organizationInput({ name: 'Harbor Legal Aid' }));
    const older = await ok(h, 'backups.create', {});
    await ok(h, 'organizations.create', organizationInput({ name: 'Eastside Tenants Union' }));
    const newer = await ok(h, 'backups.create', {});
    await h.send({ kind: 'shutdown' });
    damage(h.defaultPath);
    await expect(h.host.start()).rejects.toMatchObject({ code: 'workspace' });

    expect((await recoveryOf(h)).backups.map((b) => [b.id, b.ok, b.checked])).toEqual([
      [newer.id, true, true],
      [older.id, true, false],
    ]);
    damage(join(defaultBackupFolder(h.defaultPath), newer.id));
    expect((await recoveryOf(h)).backups.map((b) => [b.id, b.ok, b.checked])).toEqual([
      [newer.id, false, true],
      [older.id, true, true],
    ]);
    await ok(h, 'workspace.recoverFromBackup', { id: older.id });
    expect(await names(h)).toEqual(['Harbor Legal Aid']);
  });

  it('a backup deleted between the list and the restore: a clear error, the damaged file stays in place, recovery still answers', async () => {
    const { h, bytes } = await damagedWorkspace();
    const [backup] = (await recoveryOf(h)).backups;
    const folder = defaultBackupFolder(h.defaultPath);
    rmSync(join(folder, backup?.id ?? ''));

    const error = await fails(h, 'workspace.recoverFromBackup', { id: backup?.id });
    expect(error).toMatchObject({ code: 'not_found', message: expect.stringMatching(/no longer in the backups folder/) as unknown });
    expect(readFileSync(h.defaultPath).equals(bytes)).toBe(true);
    expect(workspaceFiles(h)).toEqual(['default.coalition']);
    expect((await recoveryOf(h)).backups).toEqual([]);
    expect((await fails(h, 'profile.get', {})).details).toMatchObject({ damaged: true });
  });

  it('a backup that passes its check but cannot be opened: the damaged file is put back, byte for byte', async () => {
    const { h, bytes } = await damagedWorkspace();
    const [backup] = (await recoveryOf(h)).backups;
    // Make the open fail after the files were swapped: the backup passes its check, but says it
    // is at schema 1 with every later migration forgotten while holding their tables, so the upgrade fails.
    const backupPath = join(defaultBackupFolder(h.defaultPath), backup?.id ?? '');
    const original = readFileSync(backupPath);
    withSqlite(backupPath, (db) => {
      db.pragma('user_version = 1');
      db.exec('delete from kysely_migration where name > (select min(name) from kysely_migration)');
    });
    const error = await fails(h, 'workspace.recoverFromBackup', { id: backup?.id });
    writeFileSync(backupPath, original);
    expect(error).toMatchObject({ code: 'workspace', message: expect.stringMatching(/damaged file was put back/) as unknown });
    expect(readFileSync(h.defaultPath).equals(bytes)).toBe(true);
    expect(workspaceFiles(h)).toEqual(['default.coalition']);
    // And a second try works.
    await ok(h, 'workspace.recoverFromBackup', { id: backup?.id ?? '' });
    expect(await names(h)).toEqual(['Eastside Tenants Union', 'Harbor Legal Aid']);
  });

  it('starting over sets the damaged file aside, byte for byte, and opens a new, empty workspace in its place; its backups stay listed', async () => {
    const { h, bytes } = await damagedWorkspace();
    const result = await ok(h, 'workspace.startOver', {});
    if (!result) throw new Error('workspace.startOver answered null: the workspace is open');
    expect(contract['workspace.startOver'].output.parse(result)).toEqual(result);
    expect(result.damagedKeptAs).toMatch(/^default\.damaged-\d{8}T\d{9}Z\.coalition$/);
    expect(result.workspace).toMatchObject({ fileName: 'default.coalition', isSample: false });
    expect(h.events).toContainEqual({ type: 'workspace-changed', fileName: 'default.coalition' });
    expect(readFileSync(join(h.dir, result.damagedKeptAs)).equals(bytes)).toBe(true);
    expect(await names(h)).toEqual([]);
    expect(await ok(h, 'profile.get', {})).toBeNull();
    // The damaged workspace's backups are still there to restore from later (Data & backups).
    expect((await ok(h, 'backups.list', {})).backups.map((b) => b.counts.organizations)).toContain(2);
    expect(await ok(h, 'workspace.recovery', {})).toBeNull();
    // A new workspace works like any other, and survives a restart.
    await ok(h, 'organizations.create', organizationInput({ name: 'Northside Food Bank' }));
    await h.send({ kind: 'shutdown' });
    await h.host.start();
    expect(await names(h)).toEqual(['Northside Food Bank']);
  });

  it('has nothing to recover when the workspace opened normally', async () => {
    const h = await useHost();
    expect(await ok(h, 'workspace.startOver', {})).toBeNull();
    expect(await ok(h, 'workspace.recovery', {})).toBeNull();
    expect((await fails(h, 'workspace.recoverFromBackup', { id: '20261126T065423123Z-automatic.coalition' })).code).toBe('conflict');
    expect((await fails(h, 'workspace.recoverFromBackup', { id: '../default.coalition' })).code).toBe('validation');
  });
});

describe('salvaging a damaged workspace', () => {
  it('exports what can still be read, table by table, to a new folder next to it; the damaged file is untouched', async () => {
    const h = await useHost();
    for (let i = 0; i < 30; i++) await ok(h, 'organizations.create', organizationInput({ name: `Tenant Union ${i}` }));
    await ok(h, 'organizations.create', organizationInput({ name: '=HYPERLINK("http://x.example")' }));
    await h.send({ kind: 'shutdown' });
    // One page in the middle zeroed (not the first two): some tables still read.
    const bytes = readFileSync(h.defaultPath);
    const pageSize = bytes.readUInt16BE(16) === 1 ? 65536 : bytes.readUInt16BE(16);
    const pages = bytes.length / pageSize;
    bytes.fill(0, Math.floor(pages / 2) * pageSize, (Math.floor(pages / 2) + 1) * pageSize);
    writeFileSync(h.defaultPath, bytes);
    await expect(h.host.start()).rejects.toMatchObject({ code: 'workspace' });

    const result = await ok(h, 'workspace.salvage', {});
    if (!result) throw new Error('workspace.salvage answered null');
    expect(contract['workspace.salvage'].output.parse(result)).toEqual(result);
    expect(result.folderName).toMatch(/^default salvaged \d{8}T\d{9}Z$/);
    const files = readdirSync(join(h.dir, result.folderName)).sort();
    expect(files).toEqual(result.tables.map((t) => `${t.name}.csv`).sort());
    const organizations = result.tables.find((t) => t.name === 'organizations');
    expect(organizations).toBeDefined();
    const csv = readFileSync(join(h.dir, result.folderName, 'organizations.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/(^|,)name(,|$)/);
    expect(csv.split('\r\n').filter((l) => l.length > 0)).toHaveLength((organizations?.rows ?? 0) + 1);
    expect(result.tables.reduce((n, t) => n + t.rows, 0)).toBeGreaterThan(0);
    // Text a spreadsheet would run as a formula is neutralized, as in every export.
    expect(csv).toContain(`"'=HYPERLINK(""http://x.example"")"`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    // The damaged file, byte for byte; and it still needs recovering.
    expect(readFileSync(h.defaultPath).equals(bytes)).toBe(true);
    expect((await recoveryOf(h)).damaged).toBe(true);
  });

  it('has nothing to salvage when the workspace opened normally', async () => {
    const h = await useHost();
    expect(await ok(h, 'workspace.salvage', {})).toBeNull();
  });
});
