import type { Migration } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend/backend';
import { openWorkspace } from '../../../electron/backend/db/connection';
import { migrations } from '../../../electron/backend/db/migrations';
import { ok, useTempFile, withSqlite } from '../../support/backend';

// Migration 019 rebuilds the directory's sort indexes other than the names' without the id (ties
// go by rowid, lists.ts tieBreaker). A workspace made before it keeps its records and lists them
// in the same order by every field once upgraded, ties in the order the records were added.

const BEFORE_019 = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '019')) as Record<string, Migration>;

describe('migration 019: sort indexes without the id', () => {
  it('upgrades a workspace with records: the indexes hold the column alone, names keep the id, lists tie by rowid', async () => {
    const path = useTempFile();
    const old = await openWorkspace(path, { create: true, migrations: BEFORE_019 });
    await old.close();
    // Ids that sort against the order of insertion, so a tie broken by id would show.
    const added = ['c', 'b', 'a'].map((letter) => `${letter}0000000-0000-4000-8000-000000000000`);
    withSqlite(path, (db) => {
      const insert = db.prepare(`insert into organizations (id, name, sector, type, stage, stage_changed_on, city, created_at, updated_at)
        values (?, ?, 'community', 'grassroots_group', 'member', '2026-01-01', 'Riverside', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`);
      added.forEach((id, i) => insert.run(id, `Tenants ${i}`));
      // The name index's order (name, then id) is unchanged: two records with the same name.
      db.prepare(`update organizations set name = 'Same Name' where id in (?, ?)`).run(added[0], added[1]);
    });

    const backend = await createBackend({ workspacePath: path, create: false });
    try {
      for (const field of ['city', 'stage', 'sector', 'updatedAt'] as const) {
        const page = await ok(backend, 'organizations.list', { sort: { field, direction: 'asc' } });
        expect(page.rows.map((r) => r.id), field).toEqual(added);
        const reversed = await ok(backend, 'organizations.list', { sort: { field, direction: 'desc' } });
        expect(reversed.rows.map((r) => r.id), field).toEqual([...added].reverse());
      }
      const byName = await ok(backend, 'organizations.list', { sort: { field: 'name', direction: 'asc' } });
      expect(byName.rows.map((r) => r.id)).toEqual([added[1], added[0], added[2]]);
      expect((await ok(backend, 'organizations.list', { filters: { text: 'riverside' } })).total).toBe(3);
    } finally {
      await backend.close();
    }

    const definitions = withSqlite(path, (db) =>
      Object.fromEntries(
        (db.prepare(`select name, sql from sqlite_schema where type = 'index' and name in ('organizations_city', 'organizations_stage', 'organizations_name', 'people_district', 'people_name')`).all() as {
          name: string;
          sql: string;
        }[]).map((index) => [index.name, index.sql.replace(/\s+/g, ' ')]),
      ),
    );
    expect(definitions).toEqual({
      organizations_city: 'CREATE INDEX organizations_city on organizations(city collate nocase)',
      organizations_stage: 'CREATE INDEX organizations_stage on organizations(stage)',
      organizations_name: 'CREATE INDEX organizations_name on organizations(name collate nocase, id)',
      people_district: 'CREATE INDEX people_district on people(district collate nocase)',
      people_name: 'CREATE INDEX people_name on people(name collate nocase, id)',
    });
  });
});
