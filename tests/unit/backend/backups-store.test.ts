import { closeSync, copyFileSync, existsSync, openSync, readdirSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { BACKUP_ID } from '@shared/backups/contract';
import { AppError } from '@shared/errors';
import { openWorkspace } from '../../../electron/backend/db/connection';
import { migrations, SCHEMA_VERSION } from '../../../electron/backend/db/migrations';
import { backupsToKeep, DEFAULT_POLICY } from '../../../electron/backend/backups/rotation';
import { AutoBackup, AUTO_INTERVAL_MS, type Timers } from '../../../electron/backend/backups/schedule';
import { copyFromConnection, copyFromFile, verifyCopy, verifyInWorker } from '../../../electron/backend/backups/snapshot';
import { BackupStore, defaultBackupFolder } from '../../../electron/backend/backups/store';
import { fileState, ok, useBackend } from '../../support/backend';
import { organizationInput } from '../../support/samples';
import { tempDir } from '../../support/workspace';

function useTemp(): string {
  const tmp = tempDir('coalition-backups-');
  onTestFinished(() => tmp.cleanup());
  return tmp.dir;
}

describe('backup snapshots', () => {
  it('copies the workspace while writes go on, and the copy is one checked, consistent state', async () => {
    const { backend, path } = await useBackend();
    for (let i = 0; i < 20; i++) await ok(backend, 'organizations.create', organizationInput({ name: `Partner ${i}` }));
    const store = new BackupStore(join(useTemp(), 'backups'));

    // Start the backup and, without waiting, keep writing through the app's own connection.
    const backup = store.create('manual', copyFromFile(path));
    const writes = Promise.all(Array.from({ length: 10 }, (_, i) => ok(backend, 'organizations.create', organizationInput({ name: `During ${i}` }))));
    const [taken] = await Promise.all([backup, writes]);

    expect(taken.id).toMatch(BACKUP_ID);
    expect(taken.kind).toBe('manual');
    expect(taken.schemaVersion).toBe(SCHEMA_VERSION);
    // Either before or after any write, never half of one: the log and the records agree.
    const facts = verifyCopy(join(store.folder, taken.id));
    expect(facts.counts.organizations).toBeGreaterThanOrEqual(20);
    expect(facts.counts.organizations).toBeLessThanOrEqual(30);
    expect(facts.changeSeq).toBe(taken.changeSeq);
    expect(taken.counts).toEqual(facts.counts);
    expect(taken.sizeBytes).toBe(statSync(join(store.folder, taken.id)).size);
    // A standalone file: no -wal beside it, nothing half-written left over.
    expect(fileState(join(store.folder, taken.id))).toMatchObject({ wal: false, shm: false });
    expect(readdirSync(store.folder).sort()).toEqual([taken.id, `${taken.id}.json`]);
    expect(store.list().map((b) => b.id)).toEqual([taken.id]);
    // The app kept working: every write landed.
    expect((await ok(backend, 'organizations.list', {})).total).toBe(30);
  });

  it('finishes while another connection writes without pause (the copy is the state when it began)', async () => {
    const { backend, path } = await useBackend();
    for (let i = 0; i < 20; i++) await ok(backend, 'organizations.create', organizationInput({ name: `Partner ${i}` }));
    // A large table, so the copy takes many steps.
    await backend.bulkLoad((sqlite) => {
      sqlite.exec('create table ballast (x text)');
      const insert = sqlite.prepare('insert into ballast values (?)');
      for (let i = 0; i < 60_000; i++) insert.run(`row ${i} ${'x'.repeat(80)}`);
    });
    const store = new BackupStore(join(useTemp(), 'backups'));
    let done = false;
    let writes = 0;
    const writer = (async () => {
      while (!done) {
        await ok(backend, 'organizations.create', organizationInput({ name: `During ${writes++}` }));
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const taken = await store.create('manual', copyFromFile(path)).finally(() => {
      done = true;
    });
    await writer;
    expect(writes).toBeGreaterThan(0);
    expect(taken.counts.organizations).toBeGreaterThanOrEqual(20);
    expect(taken.counts.organizations).toBeLessThan(20 + writes);
  });

  it('reports a copy that fails its integrity check and does not keep it', async () => {
    const { backend, path } = await useBackend();
    for (let i = 0; i < 40; i++) await ok(backend, 'organizations.create', organizationInput({ name: `Partner ${i}` }));
    const store = new BackupStore(join(useTemp(), 'backups'));
    const good = await store.create('automatic', copyFromFile(path));

    // A copy damaged on its way to the disk: pages past the schema overwritten with garbage.
    const corrupting = async (dest: string) => {
      await copyFromFile(path)(dest);
      const size = statSync(dest).size;
      const fd = openSync(dest, 'r+');
      try {
        writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
      } finally {
        closeSync(fd);
      }
    };
    const failure = await store.create('manual', corrupting).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).message).toMatch(/integrity check|could not be read|malformed/);
    expect(store.lastFailure).toMatchObject({ kind: 'manual', message: (failure as AppError).message });
    // Only the good backup is there; the damaged copy was deleted.
    expect(store.list().map((b) => b.id)).toEqual([good.id]);
    expect(readdirSync(store.folder).sort()).toEqual([good.id, `${good.id}.json`]);
    // The next good backup clears the failure.
    await store.create('manual', copyFromFile(path));
    expect(store.lastFailure).toBeNull();
  });

  it('takes one backup at a time: a second one asked for during the first starts when it is done, even if the first fails', async () => {
    const { backend, path } = await useBackend();
    await ok(backend, 'organizations.create', organizationInput());
    const store = new BackupStore(join(useTemp(), 'backups'));
    const events: string[] = [];
    const traced = (name: string, fail = false) => async (dest: string) => {
      events.push(`${name} start`);
      await copyFromFile(path)(dest);
      await new Promise((resolve) => setTimeout(resolve, 30));
      events.push(`${name} end`);
      if (fail) throw new Error('the copy broke');
    };
    const first = store.create('automatic', traced('automatic', true));
    const second = store.create('manual', traced('manual'));
    await expect(first).rejects.toThrow('the copy broke');
    expect((await second).kind).toBe('manual');
    expect(events).toEqual(['automatic start', 'automatic end', 'manual start', 'manual end']);
  });

  it('checks in a worker thread when given one; a worker that fails or dies is a clear, kept-out failure', async () => {
    const { backend, path } = await useBackend();
    await ok(backend, 'organizations.create', organizationInput());
    const dir = useTemp();
    // Stand-ins for the built check worker (out/main/backupCheck.js), which the e2e run uses.
    const good = join(dir, 'good.mjs');
    writeFileSync(good, `import { parentPort, workerData } from 'node:worker_threads';
      parentPort.postMessage({ ok: true, facts: { schemaVersion: 9, changeSeq: 1, sizeBytes: 1, counts: { organizations: 1, people: 0, interactions: 0, charterVersions: 0 }, path: workerData.path } });`);
    const failing = join(dir, 'failing.mjs');
    writeFileSync(failing, `import { parentPort } from 'node:worker_threads'; parentPort.postMessage({ ok: false, message: 'The backup failed its integrity check: page 7' });`);
    const dying = join(dir, 'dying.mjs');
    writeFileSync(dying, `process.exit(3);`);

    const store = (script: string) => new BackupStore(join(dir, 'backups'), { verify: verifyInWorker(script) });
    expect((await store(good).create('manual', copyFromFile(path))).schemaVersion).toBe(9);
    await expect(store(failing).create('manual', copyFromFile(path))).rejects.toThrow('The backup failed its integrity check: page 7');
    await expect(store(dying).create('manual', copyFromFile(path))).rejects.toThrow(/stopped unexpectedly \(exit code 3\)/);
    expect(store(good).list()).toHaveLength(1);
  });

  it('refuses a copy that is not a Coalition Desk workspace', () => {
    const dir = useTemp();
    const other = join(dir, 'other.db');
    copyFileSync(join(import.meta.dirname, '../../../package.json'), other);
    expect(() => verifyCopy(other)).toThrow(/could not be read|integrity|not a Coalition Desk/);
  });

  it('puts backups next to the workspace by default', () => {
    expect(defaultBackupFolder('/home/ana/Northgate.coalition')).toBe('/home/ana/Northgate backups');
  });
});

describe('pre-migration backup', () => {
  const first = Object.fromEntries(Object.entries(migrations).slice(0, 2));

  it('is taken before an old workspace is upgraded, and opens as the old version', async () => {
    const dir = useTemp();
    const path = join(dir, 'old.coalition');
    const old = await openWorkspace(path, { create: true, migrations: first });
    old.sqlite.exec("insert into workspace_meta (key, value) values ('marker', 'before')");
    await old.close();
    const store = new BackupStore(join(dir, 'backups'));

    const upgraded = await openWorkspace(path, { create: false, beforeMigrate: async (sqlite) => void (await store.create('before-migration', copyFromConnection(sqlite))) });
    await upgraded.close();
    const [backup] = store.list();
    expect(backup).toMatchObject({ kind: 'before-migration', schemaVersion: 2 });
    const reopened = await openWorkspace(join(store.folder, backup!.id), { create: false, migrations: first });
    expect(reopened.sqlite.prepare("select value from workspace_meta where key = 'marker'").get()).toEqual({ value: 'before' });
    expect(reopened.schemaVersion).toBe(2);
    await reopened.close();
  });

  it('a migration that fails midway leaves the workspace as it was, and the backup opens', async () => {
    const dir = useTemp();
    const path = join(dir, 'old.coalition');
    const old = await openWorkspace(path, { create: true, migrations: first });
    await old.close();
    const store = new BackupStore(join(dir, 'backups'));
    const broken = {
      ...migrations,
      '999_broken': {
        up: () => Promise.reject(new Error('disk on fire')),
      },
    };
    const before = fileState(path);
    await expect(
      openWorkspace(path, { create: false, migrations: broken, beforeMigrate: async (sqlite) => void (await store.create('before-migration', copyFromConnection(sqlite))) }),
    ).rejects.toThrow(/could not be upgraded; it was left unchanged/);
    expect(fileState(path).hash).toBe(before.hash);
    const [backup] = store.list();
    const reopened = await openWorkspace(join(store.folder, backup!.id), { create: false, migrations: first });
    expect(reopened.schemaVersion).toBe(2);
    await reopened.close();
  });

  it('a new workspace needs no pre-migration backup', async () => {
    const dir = useTemp();
    let called = 0;
    const ws = await openWorkspace(join(dir, 'new.coalition'), { create: true, beforeMigrate: () => Promise.resolve(void called++) });
    await ws.close();
    expect(called).toBe(0);
  });

  it('if the pre-migration backup fails, nothing is migrated', async () => {
    const dir = useTemp();
    const path = join(dir, 'old.coalition');
    await (await openWorkspace(path, { create: true, migrations: first })).close();
    const before = fileState(path);
    await expect(openWorkspace(path, { create: false, beforeMigrate: () => Promise.reject(new AppError('workspace', 'no room')) })).rejects.toThrow('no room');
    expect(fileState(path).hash).toBe(before.hash);
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });
});

describe('rotation', () => {
  const at = (iso: string) => new Date(iso);
  const hourly = (from: string, hours: number) =>
    Array.from({ length: hours }, (_, i) => ({ id: `h${i}`, createdAt: new Date(at(from).getTime() + i * 3600_000) }));

  it('keeps the newest 10, one a day for 14 days, one a month for a year', () => {
    // One backup every 6 hours for 400 days.
    const backups = Array.from({ length: 400 * 4 }, (_, i) => ({ id: `b${String(i).padStart(4, '0')}`, createdAt: new Date(at('2025-10-22T00:00:00Z').getTime() + i * 6 * 3600_000) }));
    // The last backup is at 2026-11-25T18:00; "today" is the 25th.
    const now = at('2026-11-25T23:00:00Z');
    const keep = backupsToKeep(backups, now);
    const kept = backups.filter((b) => keep.has(b.id));
    // The newest 10.
    for (const b of backups.slice(-10)) expect(keep.has(b.id)).toBe(true);
    // One per day for the last 14 days (the newest of each day).
    const days = new Set(kept.filter((b) => now.getTime() - b.createdAt.getTime() < 14 * 86400_000).map((b) => b.createdAt.toISOString().slice(0, 10)));
    expect(days.size).toBe(14);
    // One per month for the 12 months up to this one; nothing older.
    const months = new Set(kept.map((b) => b.createdAt.toISOString().slice(0, 7)));
    expect([...months].sort()).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(kept.every((b) => b.createdAt >= at('2025-12-01T00:00:00Z'))).toBe(true);
    // 10 newest (all in the last 3 days) + 11 more days + 11 more months.
    expect(keep.size).toBe(10 + 11 + 11);
    expect(kept.find((b) => b.createdAt.toISOString().startsWith('2026-03'))?.createdAt.toISOString()).toBe('2026-03-31T18:00:00.000Z');
  });

  it('keeps everything while there are few backups', () => {
    const backups = hourly('2026-11-26T00:00:00Z', 8);
    expect(backupsToKeep(backups, at('2026-11-26T09:00:00Z')).size).toBe(8);
  });

  it('never drops a backup dated in the future by a wrong clock', () => {
    const backups = [...hourly('2026-11-20T00:00:00Z', 30), { id: 'future', createdAt: at('2027-01-01T00:00:00Z') }];
    expect(backupsToKeep(backups, at('2026-11-26T00:00:00Z'), { ...DEFAULT_POLICY, keepLast: 1 }).has('future')).toBe(true);
  });

  it('the store applies it after each backup, with its clock', async () => {
    const { backend, path } = await useBackend();
    await ok(backend, 'organizations.create', organizationInput());
    let now = at('2026-11-01T08:00:00Z');
    const store = new BackupStore(join(useTemp(), 'backups'), { now: () => now, policy: { keepLast: 2, dailyFor: 3, monthlyFor: 1 } });
    const taken: string[] = [];
    for (let day = 0; day < 6; day++) {
      now = new Date(at('2026-11-01T08:00:00Z').getTime() + day * 86400_000);
      taken.push((await store.create('automatic', copyFromFile(path))).id);
    }
    // Days 4-6 (daily for 3 days, covering the newest 2); the month's newest is day 6.
    expect(store.list().map((b) => b.id)).toEqual(taken.slice(3).reverse());
    expect(readdirSync(store.folder)).toHaveLength(6);
  });
});

describe('automatic schedule', () => {
  function fakeTimers() {
    const callbacks: { callback: () => void; ms: number }[] = [];
    const timers: Timers = {
      setInterval: (callback, ms) => callbacks.push({ callback, ms }),
      clearInterval: () => callbacks.splice(0),
    };
    return { timers, callbacks };
  }

  it('backs up at open, then every 15 minutes only when something changed', async () => {
    const { backend, path } = await useBackend();
    await ok(backend, 'organizations.create', organizationInput());
    const store = new BackupStore(join(useTemp(), 'backups'));
    const { timers, callbacks } = fakeTimers();
    const auto = new AutoBackup({
      changeSeq: () => backend.changeSeq(),
      newestBackupSeq: () => store.list()[0]?.changeSeq ?? null,
      take: async () => void (await store.create('automatic', copyFromFile(path))),
      timers,
    });
    await auto.start();
    expect(store.list()).toHaveLength(1);
    expect(callbacks.map((c) => c.ms)).toEqual([AUTO_INTERVAL_MS]);

    // Nothing changed: a tick takes no backup.
    await auto.tick();
    expect(store.list()).toHaveLength(1);
    // A change: the next tick backs it up, once.
    await ok(backend, 'organizations.create', organizationInput({ name: 'Changed Since' }));
    callbacks[0]!.callback();
    await auto.tick();
    expect(store.list()).toHaveLength(2);
    expect(store.list()[0]!.counts.organizations).toBe(2);
    await auto.tick();
    expect(store.list()).toHaveLength(2);

    await auto.stop();
    expect(callbacks).toHaveLength(0);
  });

  it('after a restore, the restored state counts as backed up until it changes', async () => {
    const { backend, path } = await useBackend();
    await ok(backend, 'organizations.create', organizationInput());
    const store = new BackupStore(join(useTemp(), 'backups'));
    const auto = new AutoBackup({
      changeSeq: () => backend.changeSeq(),
      newestBackupSeq: () => store.list()[0]?.changeSeq ?? null,
      take: async () => void (await store.create('automatic', copyFromFile(path))),
      timers: fakeTimers().timers,
    });
    await auto.start({ atOpen: false });
    await auto.tick();
    expect(store.list()).toHaveLength(0);
    await ok(backend, 'organizations.create', organizationInput({ name: 'After Restore' }));
    await auto.tick();
    expect(store.list()).toHaveLength(1);
  });

  it('skips the backup at open when the newest backup already holds this state, and for an empty workspace', async () => {
    const { backend, path } = await useBackend();
    const store = new BackupStore(join(useTemp(), 'backups'));
    const deps = {
      changeSeq: () => backend.changeSeq(),
      newestBackupSeq: () => store.list()[0]?.changeSeq ?? null,
      take: async () => void (await store.create('automatic', copyFromFile(path))),
      timers: fakeTimers().timers,
    };
    await new AutoBackup(deps).start();
    expect(store.list()).toHaveLength(0);
    await ok(backend, 'organizations.create', organizationInput());
    await new AutoBackup(deps).start();
    await new AutoBackup(deps).start();
    expect(store.list()).toHaveLength(1);
  });
});
