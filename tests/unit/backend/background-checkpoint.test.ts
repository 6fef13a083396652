import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { BACKGROUND_CHECKPOINT_CHANGES, backgroundCheckpoints } from '../../../electron/backend/db/checkpoints';
import { generateDirectory } from '../../../electron/backend/sample/directory';
import { ok, useBackend, useTempDir, useTempFile } from '../../support/backend';

// A call that writes a great deal commits without SQLite's automatic checkpoint, and the log is
// copied into the workspace file by a worker thread on a connection of its own (db/checkpoints.ts).

/** Whether every page of the database is in the file itself (none only in the write-ahead log). */
function allInFile(db: SqliteDatabase.Database, path: string): boolean {
  const pages = db.pragma('page_count', { simple: true }) as number;
  const size = db.pragma('page_size', { simple: true }) as number;
  return statSync(path).size === pages * size;
}

describe('checkpoints in the background', () => {
  it('copies the log of a connection that does not checkpoint into the file, while that connection stays open', async () => {
    const path = useTempFile('log.db');
    const db = new SqliteDatabase(path);
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('wal_autocheckpoint = 0');
      db.exec('create table notes (body text)');
      const insert = db.prepare('insert into notes (body) values (?)');
      db.transaction(() => {
        for (let i = 0; i < 3000; i++) insert.run(`${i} `.padEnd(1000, 'x'));
      })();
      expect(statSync(`${path}-wal`).size).toBeGreaterThan(3_000_000);
      expect(allInFile(db, path)).toBe(false);

      const checkpoints = backgroundCheckpoints(path);
      expect(checkpoints.available).toBe(true);
      checkpoints.request();
      // Asked again while one runs: another follows it, for what the first could not see.
      db.prepare('insert into notes (body) values (?)').run('written while the first checkpoint runs');
      checkpoints.request();
      await checkpoints.idle();

      expect(allInFile(db, path)).toBe(true);
      expect(statSync(path).size).toBeGreaterThan(3_000_000);
      expect(db.prepare('select count(*) as n from notes').get()).toEqual({ n: 3001 });
    } finally {
      db.close();
    }
  });

  it('a checkpoint that fails is reported and loses nothing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const checkpoints = backgroundCheckpoints(join(useTempDir(), 'missing.db'));
      checkpoints.request();
      await checkpoints.idle();
      expect(warn).toHaveBeenCalledWith('[backend] background checkpoint failed:', expect.stringMatching(/unable to open|does not exist/i));
    } finally {
      warn.mockRestore();
    }
  });

  it('a call that logs many changes leaves its checkpoint to the background, then the automatic checkpoint is back', async () => {
    const { backend, path } = await useBackend();
    await backend.bulkLoad((sqlite) => generateDirectory(sqlite, { organizations: 7000, people: 0, affiliations: 0, interactions: 0, seed: 3 }));
    const ids = await backend.bulkLoad((sqlite) => (sqlite.prepare("select id from organizations where stage <> 'declined'").pluck().all() as string[]));
    const { updated } = await ok(backend, 'organizations.bulkUpdate', { ids, stage: 'declined' });
    // Each organization's update and its stage change.
    expect(updated * 2).toBeGreaterThanOrEqual(BACKGROUND_CHECKPOINT_CHANGES);
    // The commit left the log as it was (the worker thread takes far longer to start than this check).
    expect(await backend.bulkLoad((sqlite) => allInFile(sqlite, path))).toBe(false);
    expect(await backend.bulkLoad((sqlite) => sqlite.pragma('wal_autocheckpoint', { simple: true }))).toBe(1000);
    await backend.idle();
    expect(await backend.bulkLoad((sqlite) => allInFile(sqlite, path))).toBe(true);
    expect(await backend.bulkLoad((sqlite) => sqlite.prepare("select count(*) from organizations where stage = 'declined'").pluck().get())).toBe(7000);
    await backend.close();
    // Closed last, the backend's connection took the log away.
    expect(existsSync(`${path}-wal`)).toBe(false);
  });
});
