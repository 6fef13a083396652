import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { salvage } from '../../../electron/backend/backups/salvage';
import { withSqlite } from '../../support/backend';
import { tempDir } from '../../support/workspace';

// Salvage on a real SQLite file with one large table and zeroed leaf pages: a rowid range that
// hits a damaged page is split down to single rows, so only the rows on that page are lost.
// (The host's workspace.salvage, its folder and CSV format: recovery.test.ts.)

describe('salvaging a table with a damaged page in the middle', () => {
  const ROWS = 3000;
  const original = (id: number) => [String(id), `Member ${id}`, `note ${'x'.repeat(80)} ${id}`];

  /** A real SQLite file with one large table; then the leaf pages picked by `pick` are zeroed. Returns the rows each held. */
  function damagedTable(dir: string, pick: (leaves: number) => number[]): { path: string; lostOnPages: number } {
    const path = join(dir, 'members.coalition');
    const leaves = withSqlite(
      path,
      (db) => {
        db.exec('create table members (id integer primary key, name text not null, note text not null)');
        const insert = db.prepare('insert into members (id, name, note) values (?, ?, ?)');
        db.transaction(() => {
          for (let id = 1; id <= ROWS; id++) insert.run(...original(id));
        })();
        return db.prepare("select pageno, ncell from dbstat where name = 'members' and pagetype = 'leaf' order by path").all() as { pageno: number; ncell: number }[];
      },
      { create: true },
    );
    const bytes = readFileSync(path);
    const pageSize = bytes.readUInt16BE(16) === 1 ? 65536 : bytes.readUInt16BE(16);
    let lostOnPages = 0;
    for (const index of pick(leaves.length)) {
      const leaf = leaves[index];
      if (!leaf) throw new Error(`no leaf page ${index}`);
      bytes.fill(0, (leaf.pageno - 1) * pageSize, leaf.pageno * pageSize);
      lostOnPages += leaf.ncell;
    }
    writeFileSync(path, bytes);
    return { path, lostOnPages };
  }

  /** The exported rows (the test's text has no commas or quotes), checked equal to the originals. */
  function exportedIds(folder: string): number[] {
    const [header, ...lines] = readFileSync(join(folder, 'members.csv'), 'utf8').split('\r\n').filter((l) => l.length > 0);
    expect(header).toBe('id,name,note');
    return lines.map((l) => {
      const cells = l.split(',');
      expect(cells).toEqual(original(Number(cells[0])));
      return Number(cells[0]);
    });
  }

  it('loses only the rows on the damaged page, not the whole 500-row range around it', () => {
    const tmp = tempDir('coalition-salvage-');
    try {
      const { path, lostOnPages } = damagedTable(tmp.dir, (n) => [Math.floor(n / 2)]);
      expect(lostOnPages).toBeGreaterThan(0);
      const { folder, tables } = salvage(path);
      const ids = exportedIds(folder);
      const lost = ROWS - ids.length;
      expect(lost).toBe(lostOnPages);
      expect(lost).toBeLessThan(500 - 1);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(new Set(ids).size).toBe(ids.length);
      expect(tables).toEqual([{ name: 'members', rows: ids.length, unreadableRows: lost, skippedRanges: 0, stoppedSplitting: false }]);
    } finally {
      tmp.cleanup();
    }
  });

  it('stops splitting a badly damaged table after a fixed number of failed reads, and says so', () => {
    const tmp = tempDir('coalition-salvage-');
    try {
      const { path, lostOnPages } = damagedTable(tmp.dir, (n) => [Math.floor(n / 4), Math.floor(n / 2), Math.floor((3 * n) / 4)]);
      const { folder, tables } = salvage(path, new Date(), 5);
      const ids = exportedIds(folder);
      const [members] = tables;
      expect(members).toMatchObject({ name: 'members', rows: ids.length, stoppedSplitting: true });
      expect(members?.skippedRanges).toBeGreaterThan(0);
      // Readable rows were left in the ranges skipped whole; every rowid is either exported or counted.
      expect(ids.length).toBeLessThan(ROWS - lostOnPages);
      expect(ids.length + (members?.unreadableRows ?? 0)).toBeGreaterThanOrEqual(ROWS);
      expect(ids.length + (members?.unreadableRows ?? 0)).toBeLessThanOrEqual(ROWS + 1);
    } finally {
      tmp.cleanup();
    }
  });
});
