import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupList } from '@shared/backups/contract';
import { contract } from '@shared/contract';
import type { RpcResult } from '@shared/rpc';
import { openWorkspace } from '../../../electron/backend/db/connection';
import { migrations, SCHEMA_VERSION } from '../../../electron/backend/db/migrations';
import { defaultBackupFolder } from '../../../electron/backend/backups/store';
import { Host } from '../../../electron/backend/host/host';
import { expectNoStack, fails, fileState, ok } from '../../support/backend';
import { useHost, type TestHost } from '../../support/host';
import { organizationInput } from '../../support/samples';

const FAST = { log2N: 12, r: 8, p: 1 };
const PASS = 'a long enough passphrase';

function fastHost(options: { started?: boolean } = {}) {
  return useHost({ ...options, host: { scrypt: FAST } });
}

async function names(h: TestHost): Promise<string[]> {
  const list = await ok(h, 'organizations.list', { limit: 100 });
  return list.rows.map((r) => r.name).sort();
}

function value<T>(result: RpcResult): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('backups in the host', () => {
  it('an empty new workspace gets no backup at open; "Back up now" lists one with its counts', async () => {
    const h = await fastHost();
    const empty = await ok(h, 'backups.list', {});
    expect(empty).toEqual({ folder: defaultBackupFolder(h.defaultPath), folderIsDefault: true, backups: [], lastFailure: null });

    await ok(h, 'organizations.create', organizationInput({ name: 'Harbor Legal Aid' }));
    const backup = await ok(h, 'backups.create', {});
    expect(contract['backups.create'].output.parse(backup)).toEqual(backup);
    expect(backup).toMatchObject({ kind: 'manual', schemaVersion: SCHEMA_VERSION, counts: { organizations: 1, people: 0, interactions: 0, charterVersions: 0 } });
    expect(backup).not.toHaveProperty('changeSeq');
    const list = await ok(h, 'backups.list', {});
    expect(list.backups).toEqual([backup]);
    expect(existsSync(join(list.folder, backup.id))).toBe(true);
  });

  it('does not hold up the opening for the backup at open: calls answer while it runs, and the backups list waits for it', async () => {
    const first = await fastHost();
    await ok(first, 'organizations.create', organizationInput({ name: 'Harbor Legal Aid' }));
    await first.send({ kind: 'shutdown' });
    // A backup check that takes as long as the test says (a large workspace's takes most of a minute).
    const gate = join(first.dir, 'check-may-finish');
    const slowCheck = join(first.dir, 'slow-check.mjs');
    writeFileSync(
      slowCheck,
      `import { existsSync } from 'node:fs';
      import { parentPort, workerData } from 'node:worker_threads';
      const wait = () => existsSync(${JSON.stringify(gate)}) ? parentPort.postMessage({ ok: true, facts: { schemaVersion: ${SCHEMA_VERSION}, changeSeq: 1, sizeBytes: 1, counts: { organizations: 1, people: 0, interactions: 0, charterVersions: 0 } } }) : setTimeout(wait, 10);
      wait();`,
    );
    const host = new Host({ workspace: first.defaultPath, workspacesDir: first.dir, appVersion: 'test', backupCheckWorker: slowCheck }, () => undefined);
    await host.start();
    const call = (id: number, method: string) => host.handle({ kind: 'call', id, method, input: {} });
    const listed = call(1, 'backups.list');
    const rows = await call(2, 'organizations.list');
    expect(rows.kind === 'result' && rows.result.ok).toBe(true);
    const pending = await Promise.race([listed.then(() => 'listed'), new Promise((resolve) => setTimeout(() => resolve('waiting'), 200))]);
    expect(pending).toBe('waiting');

    writeFileSync(gate, '');
    const reply = await listed;
    const list = reply.kind === 'result' ? value<BackupList>(reply.result) : null;
    expect(list?.backups.map((b) => b.kind)).toEqual(['automatic']);
    await host.handle({ kind: 'shutdown', id: 3 });
  });

  it('backs up a workspace with data when it opens', async () => {
    const first = await fastHost();
    await ok(first, 'organizations.create', organizationInput());
    await first.send({ kind: 'shutdown' });
    // The same files, opened again by a new host.
    const host = new Host({ workspace: first.defaultPath, workspacesDir: first.dir, appVersion: 'test' }, () => undefined);
    await host.start();
    const reply = await host.handle({ kind: 'call', id: 1, method: 'backups.list', input: {} });
    const list = reply.kind === 'result' ? value<BackupList>(reply.result) : null;
    expect(list?.backups.map((b) => [b.kind, b.counts.organizations])).toEqual([['automatic', 1]]);
    await host.handle({ kind: 'shutdown', id: 2 });
  });

  it('restore backs up the current state first, then replaces it, and the window is told', async () => {
    const h = await fastHost();
    await ok(h, 'organizations.create', organizationInput({ name: 'Before Backup' }));
    const backup = await ok(h, 'backups.create', {});
    await ok(h, 'organizations.create', organizationInput({ name: 'After Backup' }));
    expect(await names(h)).toEqual(['After Backup', 'Before Backup']);

    const result = await ok(h, 'backups.restore', { id: backup.id });
    expect(result.restored).toEqual(backup);
    expect(result.safetyBackup).toMatchObject({ kind: 'before-restore', counts: { organizations: 2 } });
    expect(await names(h)).toEqual(['Before Backup']);
    expect(h.events).toContainEqual({ type: 'workspace-changed', fileName: 'default.coalition' });
    expect(await ok(h, 'workspace.info', {})).toMatchObject({ path: h.defaultPath, isSample: false });
    // The state before the restore can itself be restored.
    await ok(h, 'backups.restore', { id: result.safetyBackup.id });
    expect(await names(h)).toEqual(['After Backup', 'Before Backup']);
    // Nothing half-done is left next to the workspace.
    expect(readdirSync(h.dir).filter((f) => f.includes('restoring') || f.includes('partial'))).toEqual([]);
  });

  it('refuses to restore a backup that is not in the folder, or one that fails its check, changing nothing', async () => {
    const h = await fastHost();
    await ok(h, 'organizations.create', organizationInput({ name: 'Kept' }));
    const backup = await ok(h, 'backups.create', {});
    expect(await fails(h, 'backups.restore', { id: '20200101T000000000Z-manual.coalition' })).toMatchObject({ code: 'not_found' });
    expect((await fails(h, 'backups.restore', { id: '../default.coalition' })).code).toBe('validation');

    // The backup file was damaged on disk after it was taken.
    const folder = (await ok(h, 'backups.list', {})).folder;
    writeFileSync(join(folder, backup.id), 'not a database any more');
    await ok(h, 'organizations.create', organizationInput({ name: 'Added Later' }));
    const error = await fails(h, 'backups.restore', { id: backup.id });
    expect(error.code).toBe('workspace');
    expectNoStack(error);
    expect(await names(h)).toEqual(['Added Later', 'Kept']);
    expect((await ok(h, 'backups.list', {})).backups.map((b) => b.kind)).toEqual(['manual']);
  });

  it('backs up before a merge (and would before an import), after the input is valid', async () => {
    const h = await fastHost();
    const a = await ok(h, 'organizations.create', organizationInput({ name: 'Alder Health' }));
    const b = await ok(h, 'organizations.create', organizationInput({ name: 'Alder Health Partners' }));
    expect((await fails(h, 'duplicates.merge', { entity: 'organization' })).code).toBe('validation');
    expect((await ok(h, 'backups.list', {})).backups).toEqual([]);
    await ok(h, 'duplicates.merge', { entity: 'organization', survivorId: a.id, mergedId: b.id, fields: {} });
    const [backup] = (await ok(h, 'backups.list', {})).backups;
    expect(backup).toMatchObject({ kind: 'before-merge', counts: { organizations: 2 } });
    await ok(h, 'backups.restore', { id: backup!.id });
    expect(await names(h)).toEqual(['Alder Health', 'Alder Health Partners']);
  });

  it('backs up an old workspace before upgrading it, and that backup restores', async () => {
    const h = await fastHost({ started: false });
    const old = await openWorkspace(h.defaultPath, { create: true, migrations: Object.fromEntries(Object.entries(migrations).slice(0, 2)) });
    old.sqlite.exec("insert into coalition_profile (id, name, short_name, region, founded_on, updated_at) values ('coalition', 'Old Coalition', '', '', null, '2020-01-01T00:00:00Z')");
    await old.close();
    await h.host.start();
    const list = await ok(h, 'backups.list', {});
    expect(list.backups.map((b) => [b.kind, b.schemaVersion])).toEqual([['before-migration', 2]]);
    expect(await ok(h, 'profile.get', {})).toMatchObject({ name: 'Old Coalition' });
  });

  it('opens a backup read-only to copy records out, then goes back to the workspace', async () => {
    const h = await fastHost();
    await ok(h, 'organizations.create', organizationInput({ name: 'Only In The Backup' }));
    const backup = await ok(h, 'backups.create', {});
    const gone = (await ok(h, 'organizations.list', {})).rows[0]!;
    await ok(h, 'organizations.delete', { id: gone.id });
    const backupBytes = fileState(join((await ok(h, 'backups.list', {})).folder, backup.id)).hash;

    const info = await ok(h, 'backups.openReadOnly', { id: backup.id });
    expect(info.viewingBackup).toEqual({ id: backup.id, createdAt: backup.createdAt, kind: 'manual' });
    expect(h.events.at(-1)).toMatchObject({ type: 'workspace-changed' });
    // The record is there to read (and copy out)…
    const record = await ok(h, 'organizations.get', { id: gone.id });
    expect(record.name).toBe('Only In The Backup');
    // …and nothing can change, in the backup or anywhere.
    const refused = await fails(h, 'organizations.create', organizationInput({ name: 'Written Into A Backup' }));
    expect(refused).toMatchObject({ code: 'conflict', message: expect.stringMatching(/read-only/) as unknown });
    expect((await fails(h, 'backups.create', {})).code).toBe('conflict');
    expect((await fails(h, 'backups.restore', { id: backup.id })).code).toBe('conflict');
    expect((await h.send({ kind: 'exportEncrypted', path: join(h.dir, 'x.cdbackup'), passphrase: PASS })).ok).toBe(false);
    // The Backups screen still lists the workspace's backups.
    expect((await ok(h, 'backups.list', {})).backups.map((b) => b.id)).toEqual([backup.id]);

    const back = await ok(h, 'backups.closeReadOnly', {});
    expect(back).toMatchObject({ path: h.defaultPath, fileName: 'default.coalition' });
    expect(back.viewingBackup).toBeUndefined();
    expect((await ok(h, 'organizations.list', {})).total).toBe(0);
    // The backup itself was never opened: its bytes are as taken.
    expect(fileState(join((await ok(h, 'backups.list', {})).folder, backup.id)).hash).toBe(backupBytes);
  });

  it('keeps backups in a folder the coordinator chose, and back in the default one', async () => {
    const h = await fastHost();
    await ok(h, 'organizations.create', organizationInput());
    const chosen = join(h.dir, 'Elsewhere', 'Backups');
    const moved = value<BackupList>(await h.send({ kind: 'backupFolder', path: chosen }));
    expect(moved).toMatchObject({ folder: chosen, folderIsDefault: false });
    const backup = await ok(h, 'backups.create', {});
    expect(existsSync(join(chosen, backup.id))).toBe(true);
    // Remembered for this workspace.
    expect(JSON.parse(readFileSync(join(h.dir, 'backup-folders.json'), 'utf8'))).toEqual({ [h.defaultPath]: chosen });
    const back = await ok(h, 'backups.useDefaultFolder', {});
    expect(back).toMatchObject({ folder: defaultBackupFolder(h.defaultPath), folderIsDefault: true, backups: [] });
  });

  it('writes an encrypted file and restores from it, backing up first; a wrong passphrase changes nothing', async () => {
    const h = await fastHost();
    await ok(h, 'organizations.create', organizationInput({ name: 'In The File' }));
    const file = join(h.dir, 'moving.cdbackup');
    const saved = value<{ saved: boolean; fileName: string; sizeBytes: number }>(await h.send({ kind: 'exportEncrypted', path: file, passphrase: PASS }));
    expect(saved).toMatchObject({ saved: true, fileName: 'moving.cdbackup' });
    expect(saved.sizeBytes).toBeGreaterThan(4096);
    await ok(h, 'organizations.create', organizationInput({ name: 'Not In The File' }));

    const before = fileState(h.defaultPath);
    const wrong = await h.send({ kind: 'importEncrypted', path: file, passphrase: 'wrong passphrase!' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'validation', message: 'The passphrase does not match this backup file. Nothing was restored.' } });
    expect(fileState(h.defaultPath).hash).toBe(before.hash);
    expect(await names(h)).toEqual(['In The File', 'Not In The File']);
    const short = await h.send({ kind: 'exportEncrypted', path: join(h.dir, 'x.cdbackup'), passphrase: 'short' });
    expect(short).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(existsSync(join(h.dir, 'x.cdbackup'))).toBe(false);

    const restored = value<{ restored: boolean; safetyBackup: { kind: string } }>(await h.send({ kind: 'importEncrypted', path: file, passphrase: PASS }));
    expect(restored).toMatchObject({ restored: true, safetyBackup: { kind: 'before-restore' } });
    expect(await names(h)).toEqual(['In The File']);
  });

  it('moves a workspace to another laptop: the file opens as another coalition’s workspace', async () => {
    const from = await fastHost();
    await ok(from, 'profile.save', { name: 'Travelling Coalition', shortName: '', region: '', foundedOn: null });
    const file = join(from.dir, 'travel.cdbackup');
    value(await from.send({ kind: 'exportEncrypted', path: file, passphrase: PASS }));
    const to = await fastHost();
    value(await to.send({ kind: 'importEncrypted', path: file, passphrase: PASS }));
    expect(await ok(to, 'profile.get', {})).toMatchObject({ name: 'Travelling Coalition' });
  });
});
