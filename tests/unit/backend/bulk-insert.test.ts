import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../electron/backend/db/schema';
import { fillDerived } from '../../../electron/backend/directory/bulkInsert';
import { ok, useBackend, withSqlite } from '../../support/backend';
import { personInput } from '../../support/people';
import { organizationInput } from '../../support/samples';

// A large import lifts the label and search insert triggers and fills both indexes from the new
// rows in one statement each (directory/bulkInsert.ts). What it fills must be exactly what the
// triggers of the workspace's schema fill, or filters and search would answer differently after
// an import: records made through the normal path (triggers) are indexed again by `fillDerived`
// and the two indexes compared row for row.

const INDEXES = {
  organizations: { labels: 'organization_labels', search: 'organization_search' },
  people: { labels: 'person_labels', search: 'person_search' },
} as const;

describe('bulk indexing fills what the insert triggers fill', () => {
  for (const table of ['organizations', 'people'] as const) {
    it(`${table}: labels and full-text rows identical`, async () => {
      const { backend, path } = await useBackend();
      if (table === 'organizations') {
        await ok(backend, 'organizations.create', organizationInput());
        await ok(backend, 'organizations.create', organizationInput({ name: 'Bayview Tenants', otherNames: [], tags: [], notes: '', regions: ['Harbor', 'Bayview'], email: '' }));
        await ok(backend, 'organizations.create', organizationInput({ name: 'Народная Помощь', city: 'Hà Nội', tags: ['mutual aid', 'Ελληνικά'] }));
      } else {
        await ok(backend, 'people.create', personInput());
        await ok(backend, 'people.create', personInput({ name: 'Nguyễn Thị Lan', languages: [], tags: [], notes: '', pronouns: '', email: '' }));
      }
      const { labels, search } = INDEXES[table];
      const read = () =>
        withSqlite(path, (db) => ({
          labels: db.prepare(`select record_rowid, field, value from ${labels} order by 1, 2, 3`).all(),
          search: db.prepare(`select rowid, * from ${search} order by rowid`).all(),
        }));
      const byTriggers = read();
      expect(byTriggers.labels.length).toBeGreaterThan(3);
      expect(byTriggers.search.length).toBe(table === 'organizations' ? 3 : 2);

      withSqlite(path, (db) => db.exec(`delete from ${labels}; delete from ${search};`));
      expect(read()).toEqual({ labels: [], search: [] });
      const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SqliteDatabase(path) }) });
      await kysely.transaction().execute((trx) => fillDerived(trx, table, 0));
      await kysely.destroy();
      expect(read()).toEqual(byTriggers);
    });
  }
});
