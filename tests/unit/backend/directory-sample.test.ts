import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend/backend';
import { SAMPLE_SEED } from '../../../electron/backend/host/host';
import { generateDirectory, SAMPLE_DIRECTORY } from '../../../electron/backend/sample/directory';
import { generateSample } from '../../../electron/backend/sample/generate';
import { ok, snapshot, useBackend, useTempDir, withSqlite } from '../../support/backend';

// The directory's sample generator: deterministic, consistent, and leaves the workspace's
// triggers and indexes exactly as the migration made them.

const DIRECTORY_TABLES = [
  'organizations',
  'people',
  'organization_stage_changes',
  'affiliations',
  'organization_relationships',
  'interactions',
  'interaction_participants',
  'organization_labels',
  'person_labels',
  'organization_search',
  'person_search',
];

const schemaOf = (path: string) =>
  withSqlite(path, (db) => db.prepare("select type, name, sql from sqlite_schema where type in ('trigger', 'index') order by name").all());

async function generated(dir: string, name: string, seed: number) {
  const path = join(dir, name);
  const backend = await createBackend({ workspacePath: path, create: true });
  try {
    const counts = await backend.bulkLoad((sqlite) => generateDirectory(sqlite, { ...SAMPLE_DIRECTORY, seed }));
    return { path, counts };
  } finally {
    await backend.close();
  }
}

function directoryDigest(path: string) {
  const all = snapshot(path);
  return Object.fromEntries(DIRECTORY_TABLES.map((t) => [t, all[t]]));
}

describe('the directory sample generator', () => {
  it('gives the same data for the same seed, and other data for another seed', async () => {
    const dir = useTempDir();
    const a = await generated(dir, 'a.coalition', 11);
    const b = await generated(dir, 'b.coalition', 11);
    const c = await generated(dir, 'c.coalition', 12);
    expect(a.counts).toMatchObject({ organizations: 60, people: 150, affiliations: 200, interactions: 300, relationships: 12 });
    expect(directoryDigest(a.path)).toEqual(directoryDigest(b.path));
    expect(directoryDigest(a.path).organizations).not.toEqual(directoryDigest(c.path).organizations);
    expect(directoryDigest(a.path).organizations?.rows).toBe(60);
  });

  it('puts the triggers and indexes back as the migration made them, and fills the label and search indexes', async () => {
    const dir = useTempDir();
    const empty = join(dir, 'empty.coalition');
    await (await createBackend({ workspacePath: empty, create: true })).close();
    const { path } = await generated(dir, 'sample.coalition', 3);
    expect(schemaOf(path)).toEqual(schemaOf(empty));
    withSqlite(path, (db) => {
      const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      // One label row per list item, and one search row per record.
      expect(count("select count(*) as n from organization_labels where field = 'tag'")).toBe(
        count('select count(*) as n from organizations, json_each(organizations.tags_json)'),
      );
      expect(count('select count(*) as n from person_labels')).toBe(
        count('select count(*) as n from people p, json_each(p.languages_json)') + count('select count(*) as n from people p, json_each(p.tags_json)'),
      );
      expect(count('select count(*) as n from organization_search')).toBe(60);
      expect(count('select count(*) as n from person_search')).toBe(150);
    });
  });

  it('is consistent: last contacts, stage histories, primary affiliations, types within sectors', async () => {
    const { path } = await generated(useTempDir(), 'sample.coalition', 5);
    withSqlite(path, (db) => {
      const rows = (sql: string) => db.prepare(sql).all();
      expect(
        rows(`select o.id from organizations o where o.last_contacted_on is not
              (select max(p.occurred_on) from interaction_participants p where p.organization_id = o.id)`),
      ).toEqual([]);
      expect(
        rows(`select x.id from people x where x.last_contacted_on is not
              (select max(p.occurred_on) from interaction_participants p where p.person_id = x.id)`),
      ).toEqual([]);
      expect(
        rows(`select o.id from organizations o where o.stage is not
              (select s.stage from organization_stage_changes s where s.organization_id = o.id order by s.changed_on desc, s.rowid desc limit 1)
              or o.stage_changed_on is not (select max(changed_on) from organization_stage_changes s where s.organization_id = o.id)`),
      ).toEqual([]);
      expect(rows('select person_id from affiliations where is_primary = 1 group by person_id having count(*) > 1')).toEqual([]);
      expect(rows("select id from organizations where tier is not null and stage <> 'member'")).toEqual([]);
      expect(rows('select i.id from interactions i where not exists (select 1 from interaction_participants p where p.interaction_id = i.id)')).toEqual([]);
      expect(rows('select p.id from interaction_participants p join interactions i on i.id = p.interaction_id where p.occurred_on <> i.occurred_on')).toEqual([]);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    });
  });

  it('writes records the contract accepts, that search and filters find (the sample coalition)', async () => {
    const { backend } = await useBackend();
    await generateSample(backend, { seed: SAMPLE_SEED });
    const page = await ok(backend, 'organizations.list', { limit: 500 });
    expect(page.total).toBe(61); // 60 bulk-loaded, plus one entered twice by hand
    const pairs = await ok(backend, 'duplicates.find', { entity: 'organization' });
    expect(pairs.pairs.some((pair) => pair.b.name.endsWith(' Inc.') || pair.a.name.endsWith(' Inc.'))).toBe(true);
    const summary = await ok(backend, 'representation.summary', {});
    expect(summary.targets.map((t) => t.note)).toEqual(
      expect.arrayContaining(['At least 30% of members are grassroots and faith groups.', 'Every region has a member.']),
    );
    const first = page.rows[0];
    if (!first) throw new Error('no organizations');
    // useBackend checks every output against the contract: the detail of each organization is valid.
    for (const row of page.rows.slice(0, 20)) await ok(backend, 'organizations.get', { id: row.id });
    const city = (await ok(backend, 'organizations.get', { id: first.id })).city;
    const hits = await ok(backend, 'directory.search', { query: city.normalize('NFD').replace(/[\u0300-\u036f]/g, ''), limit: 50 });
    expect(hits.map((h) => h.id)).toContain(first.id);
    const members = await ok(backend, 'organizations.list', { filters: { stage: ['member'] }, limit: 500 });
    expect(members.rows.every((r) => r.stage === 'member')).toBe(true);
    expect(members.total).toBeGreaterThan(0);
    // Generating again leaves a workspace that already has a profile alone.
    const before = snapshot(backend.workspace.path);
    await generateSample(backend, { seed: SAMPLE_SEED });
    expect(snapshot(backend.workspace.path)).toEqual(before);
  });
});
