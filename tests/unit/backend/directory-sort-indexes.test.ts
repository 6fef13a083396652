import SqliteDatabase from 'better-sqlite3';
import { Kysely, sql, SqliteDialect, type CompiledQuery, type Migration } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ORGANIZATION_SORT_FIELDS } from '@shared/directory/organizations';
import { PERSON_SORT_FIELDS } from '@shared/directory/people';
import { createBackend } from '../../../electron/backend/backend';
import { openWorkspace } from '../../../electron/backend/db/connection';
import { migrations } from '../../../electron/backend/db/migrations';
import type { Database } from '../../../electron/backend/db/schema';
import { matchingOrganizations } from '../../../electron/backend/directory/organizations/service';
import { matchingPeople } from '../../../electron/backend/directory/people/service';
import { ok, useBackend, useTempFile, withSqlite } from '../../support/backend';

// Migration 019 rebuilds the indexes of the columns the directory's lists only sort by without the
// id (their ties go by rowid, lists.ts tieBreaker); the name's and the filtered columns' keep it. A
// workspace made before it keeps its records and lists them by every field once upgraded.

const BEFORE_019 = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '019')) as Record<string, Migration>;

describe('migration 019: sort-only indexes without the id', () => {
  it('upgrades a workspace with records: sort-only indexes hold the column alone and tie by rowid, the others keep the id', async () => {
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
      const byId = [...added].sort();
      for (const [field, order] of [['city', added], ['updatedAt', added], ['stage', byId], ['sector', byId]] as const) {
        const page = await ok(backend, 'organizations.list', { sort: { field, direction: 'asc' } });
        expect(page.rows.map((r) => r.id), field).toEqual(order);
        const reversed = await ok(backend, 'organizations.list', { sort: { field, direction: 'desc' } });
        expect(reversed.rows.map((r) => r.id), field).toEqual([...order].reverse());
      }
      const byName = await ok(backend, 'organizations.list', { sort: { field: 'name', direction: 'asc' } });
      expect(byName.rows.map((r) => r.id)).toEqual([added[1], added[0], added[2]]);
      expect((await ok(backend, 'organizations.list', { filters: { text: 'riverside' } })).total).toBe(3);
    } finally {
      await backend.close();
    }

    const definitions = withSqlite(path, (db) =>
      Object.fromEntries(
        (db.prepare(`select name, sql from sqlite_schema where type = 'index' and name in ('organizations_city', 'organizations_stage', 'organizations_name', 'people_city', 'people_district')`).all() as {
          name: string;
          sql: string;
        }[]).map((index) => [index.name, index.sql.replace(/\s+/g, ' ')]),
      ),
    );
    expect(definitions).toEqual({
      organizations_city: 'CREATE INDEX organizations_city on organizations(city collate nocase)',
      organizations_stage: 'CREATE INDEX organizations_stage on organizations(stage, id)',
      organizations_name: 'CREATE INDEX organizations_name on organizations(name collate nocase, id)',
      people_city: 'CREATE INDEX people_city on people(city collate nocase)',
      people_district: 'CREATE INDEX people_district on people(district collate nocase, id)',
    });
  });
});

describe('list ties follow the sort indexes', () => {
  it('a page of organizations or people by any built-in sort, either direction, walks its index without sorting', async () => {
    const { path } = await useBackend();
    const sqlite = new SqliteDatabase(path);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    try {
      const plan = (query: CompiledQuery) =>
        (sqlite.prepare(`explain query plan ${query.sql}`).all(...(query.parameters as unknown[])) as { detail: string }[]).map((r) => r.detail).join(' | ');
      for (const direction of ['asc', 'desc'] as const) {
        for (const field of ORGANIZATION_SORT_FIELDS) {
          const query = matchingOrganizations({ db }, {}, { field, direction }).limit(100).compile();
          expect(plan(query), `organizations by ${field} ${direction}`).not.toMatch(/TEMP B-TREE/);
        }
        for (const field of PERSON_SORT_FIELDS) {
          const query = sql`${matchingPeople(sql`people.rowid`, {}, { field, direction }, true)} limit 100`.compile(db);
          expect(plan(query), `people by ${field} ${direction}`).not.toMatch(/TEMP B-TREE/);
        }
      }
    } finally {
      await db.destroy();
    }
  });
});
