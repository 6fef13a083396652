import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../electron/backend/db/schema';
import { serialize, Writer } from '../../../electron/backend/db/writer';
import { fillDerived } from '../../../electron/backend/directory/bulkInsert';
import { changeLog, ok, useBackend, withSqlite } from '../../support/backend';
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
      // The full-text index (written in one segment, not flushed a megabyte at a time) agrees with its rows and finds them.
      withSqlite(path, (db) => {
        db.exec(`insert into ${search}(${search}) values ('integrity-check')`);
        const found = db.prepare(`select rowid from ${search} where ${search} match ? order by rowid`).all(table === 'organizations' ? 'ha*' : 'nguyen') as { rowid: number }[];
        expect(found.length).toBeGreaterThan(0);
      });
    });
  }
});

// The Writer's bulk insert logs each new row's after-image from SQLite (json_object over the row as
// stored) rather than from JavaScript: the log must still say exactly what is in the table.
describe('Writer.insertMany logs what SQLite stored', () => {
  it('each new row, in order, equal to the stored record; blobs (and their rows) logged as base64 from JavaScript', async () => {
    const { backend, path } = await useBackend();
    await ok(backend, 'organizations.create', organizationInput({ name: 'Already There' }));
    await backend.close();
    const sqlite = new SqliteDatabase(path);
    const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    const now = '2026-03-01T10:00:00.000Z';
    const tricky = ['quote " and backslash \\', 'line\nbreak\ttab', 'Ελληνικά 😀', ''];
    const people = tricky.map((text, i) => ({
      id: `00000000-0000-4000-8000-00000000010${i}`,
      name: `Person ${i} ${text}`,
      pronouns: '',
      title: text,
      languages_json: JSON.stringify([text]),
      email: '',
      phone: '',
      city: '',
      district: '',
      community_leader: i % 2,
      tags_json: '[]',
      notes: text,
      consent_may_contact: 0,
      consent_channels_json: '[]',
      consent_recorded_on: null,
      consent_recorded_by: '',
      last_contacted_on: null,
      created_at: now,
      updated_at: now,
    }));
    const logo = Buffer.from([0, 1, 2, 250, 255]);
    await kysely.transaction().execute(async (trx) => {
      const write = new Writer(trx, sqlite, 'batch-1', now);
      await write.insertMany('people', people);
      await write.insertMany('coalition_profile', [{ id: 'coalition', name: 'Harbor Coalition', short_name: 'HC', region: '', founded_on: null, logo_mime: 'image/png', logo_data: logo, updated_at: now }] as never);
      expect(write.changes).toBe(people.length + 1);
    });
    await kysely.destroy();
    const log = changeLog(path).filter((l) => l.batch === 'batch-1');
    expect(log.map((l) => `${l.entity}:${l.action}:${l.entity_id}`)).toEqual([...people.map((p) => `people:create:${p.id}`), 'coalition_profile:create:coalition']);
    withSqlite(path, (db) => {
      for (const entry of log) {
        const stored = db.prepare(`select * from ${entry.entity} where id = ?`).get(entry.entity_id) as Record<string, unknown>;
        expect(JSON.parse(entry.after_json ?? 'null')).toEqual(serialize(stored));
        expect(entry.before_json).toBeNull();
      }
    });
    expect(JSON.parse(log.at(-1)?.after_json ?? '{}')).toMatchObject({ logo_data: { base64: logo.toString('base64') } });
  });
});
