import { randomUUID } from 'node:crypto';
import type SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Input } from '@shared/contract';
import type { Backend } from '../../../electron/backend/backend';
import { generateDirectory, SAMPLE_DIRECTORY } from '../../../electron/backend/sample/directory';
import { ok, useBackend, withSqlite } from '../../support/backend';
import { uploadImport } from '../../support/imports';
import { organizationInput } from '../../support/samples';

// Migration 018 keeps the stage history as runs of membership (member_spans) and per-day member
// counts (member_count_changes) by triggers; the dashboard's members by sector reads them. Here:
// the kept rows always equal the same rows computed afresh after every kind of write (stage and
// sector changes, bulk stage changes, merge, delete, undo, a large import and the sample generator,
// which set the triggers aside), and the members on a day equal an independent count: the
// organizations whose latest change on or before that day (same day: the later recorded) is to member.

interface State {
  kept: unknown[];
  afresh: unknown[];
  counts: unknown[];
  summed: unknown[];
}

function state(path: string): State {
  return withSqlite(path, (db) => ({
    kept: db.prepare('select organization_id, sector, start, "end" from member_spans order by 1, 3').all(),
    afresh: db.prepare('select organization_id, sector, start, "end" from organization_member_spans order by 1, 3').all(),
    counts: db.prepare('select day, sector, delta from member_count_changes order by 1, 2').all(),
    summed: db
      .prepare(
        `select day, sector, sum(delta) as delta from (
          select start as day, sector, 1 as delta from organization_member_spans
          union all select "end", sector, -1 from organization_member_spans where "end" is not null)
        group by day, sector having sum(delta) <> 0 order by 1, 2`,
      )
      .all(),
  }));
}

function expectConsistent(path: string): State {
  const now = state(path);
  expect(now.kept).toEqual(now.afresh);
  expect(now.counts).toEqual(now.summed);
  return now;
}

/** Members per sector on a day, counted without the spans. */
function membersOn(path: string, day: string): Record<string, number> {
  return withSqlite(path, (db) => {
    const rows = db
      .prepare(
        `select o.sector, count(*) as n from organizations o
          where (select c.stage from organization_stage_changes c where c.organization_id = o.id and c.changed_on <= ?
                 order by c.changed_on desc, c.rowid desc limit 1) = 'member'
          group by o.sector`,
      )
      .all(day) as { sector: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.sector, r.n]));
  });
}

async function dashboardMembers(backend: Backend, day: string): Promise<Record<string, number>> {
  const dashboard = await ok(backend, 'metrics.dashboard', { from: day, to: day });
  const members = dashboard.headlines.find((h) => h.key === 'members');
  return Object.fromEntries((members?.parts ?? []).map((p) => [p.key, p.value]));
}

function history(sqlite: SqliteDatabase.Database, organizationId: string, changes: [string, string][]): void {
  const insert = sqlite.prepare('insert into organization_stage_changes (id, organization_id, stage, changed_on) values (?, ?, ?, ?)');
  for (const [stage, on] of changes) insert.run(randomUUID(), organizationId, stage, on);
}

describe('member spans', () => {
  it('follow stage histories, sector changes, bulk stage changes, merge, delete and undo', async () => {
    const { backend, path } = await useBackend();
    const org = async (name: string, sector: 'nonprofit' | 'community' | 'private', stage: 'member' | 'engaged' = 'engaged') =>
      (await ok(backend, 'organizations.create', organizationInput({ name, sector, type: 'other', stage, tier: stage === 'member' ? 'member' : null, email: '', website: '', phone: '' }))).id;
    const alder = await org('Alder Trust', 'nonprofit');
    const birch = await org('Birch Collective', 'community');
    const cedar = await org('Cedar Church', 'private');
    const dogwood = await org('Dogwood Network', 'nonprofit');
    await backend.bulkLoad((sqlite) => {
      // Alder: member in March, again in May (one run), inactive in September, member again in November.
      history(sqlite, alder, [['member', '2025-03-10'], ['member', '2025-05-01'], ['inactive', '2025-09-01'], ['member', '2025-11-15']]);
      // Birch: member and declined the same day (recorded in that order): never a member on any day;
      // then declined and member the same day, in that order: a member from that day.
      history(sqlite, birch, [['member', '2025-04-01'], ['declined', '2025-04-01'], ['declined', '2025-06-01'], ['member', '2025-06-01']]);
      // Cedar: member on the last day of the year.
      history(sqlite, cedar, [['member', '2025-12-31']]);
    });
    let now = expectConsistent(path);
    expect(now.kept.length).toBe(4);
    for (const day of ['2025-03-09', '2025-03-10', '2025-04-01', '2025-05-01', '2025-06-01', '2025-08-31', '2025-09-01', '2025-11-15', '2025-12-30', '2025-12-31']) {
      expect(await dashboardMembers(backend, day), day).toEqual(membersOn(path, day));
    }
    expect(await dashboardMembers(backend, '2025-12-31')).toEqual({ nonprofit: 1, community: 1, private: 1 });
    expect(await dashboardMembers(backend, '2025-09-01')).toEqual({ community: 1 });

    // Today's stage changes through the app: Dogwood becomes a member, Alder leaves.
    const today = new Date().toISOString().slice(0, 10);
    await ok(backend, 'organizations.bulkUpdate', { ids: [dogwood, alder], stage: 'member' });
    await ok(backend, 'organizations.bulkUpdate', { ids: [alder], stage: 'inactive' });
    expectConsistent(path);
    expect(await dashboardMembers(backend, today)).toEqual(membersOn(path, today));
    expect((await dashboardMembers(backend, today))['nonprofit']).toBe(1);

    // A change of sector moves the spans and their counts.
    const detail = await ok(backend, 'organizations.get', { id: cedar });
    await ok(backend, 'organizations.update', { id: cedar, organization: organizationInput({ name: 'Cedar Church', sector: 'community', type: 'other', stage: detail.stage, tier: detail.tier, email: '', website: '', phone: '' }) });
    now = expectConsistent(path);
    expect(await dashboardMembers(backend, '2025-12-31')).toEqual({ nonprofit: 1, community: 2 });

    // Merging Birch into Cedar moves Birch's history: the runs are recomputed from both.
    await ok(backend, 'duplicates.merge', { entity: 'organization', survivorId: cedar, mergedId: birch, fields: {} });
    expectConsistent(path);
    expect(await dashboardMembers(backend, '2025-12-31')).toEqual(membersOn(path, '2025-12-31'));
    await ok(backend, 'history.undo', {});
    expect(expectConsistent(path).kept).toEqual(now.kept);

    await ok(backend, 'organizations.delete', { id: alder });
    expectConsistent(path);
    expect(await dashboardMembers(backend, '2025-04-01')).toEqual({});
    await ok(backend, 'history.undo', {});
    expect(expectConsistent(path)).toEqual(now);
  });

  it('count nothing for periods to come, and the current period as of today', async () => {
    const { backend } = await useBackend();
    await ok(backend, 'organizations.create', organizationInput({ name: 'Alder Trust', sector: 'nonprofit', stage: 'member', tier: 'member' }));
    const today = new Date().toISOString().slice(0, 10);
    const year = today.slice(0, 4);
    const dashboard = await ok(backend, 'metrics.dashboard', { from: `${year}-01-01`, to: `${year}-12-31`, grain: 'month' });
    const month = Number(today.slice(5, 7));
    const values = (dashboard.series['members'] ?? []).map((p) => p.value);
    expect(values).toEqual(Array.from({ length: 12 }, (_, i) => (i + 1 < month ? 0 : i + 1 === month ? 1 : null)));
    expect(dashboard.headlines.find((h) => h.key === 'members')?.value).toBe(1);
    const membersId = dashboard.headlines.find((h) => h.key === 'members')?.metricId ?? '';
    expect((await ok(backend, 'metrics.drill', { metricId: membersId, from: `${year}-01-01`, to: `${year}-12-31` })).rows.map((r) => r.label)).toEqual(['Alder Trust']);
    const next = String(Number(year) + 1);
    expect((await ok(backend, 'metrics.dashboard', { from: `${next}-01-01`, to: `${next}-12-31` })).headlines.find((h) => h.key === 'members')?.value).toBeNull();
    expect((await ok(backend, 'metrics.drill', { metricId: membersId, from: `${next}-01-01`, to: `${next}-12-31` })).rows).toEqual([]);
  });

  // Into a workspace with a stage history (the import's organizations' spans recomputed) and into an empty one (every span read at once).
  it.each([1, 0])('are brought up to date after a large import, which sets their triggers aside (%i organizations before)', async (before) => {
    const { backend, path } = await useBackend();
    if (before) await ok(backend, 'organizations.create', organizationInput({ sector: 'nonprofit' }));
    const rows = Array.from({ length: 10_000 }, (_, i) => `Partner ${i},${i % 3 ? 'Member' : 'Engaged'},${i % 2 ? 'Community & grassroots' : 'Nonprofit'}`);
    const content = ['Name,Stage,Sector', ...rows].join('\r\n');
    const importId = await uploadImport((method, input) => ok(backend, method, input as never), { entity: 'organization', fileName: 'partners.csv', content });
    const preview = await ok(backend, 'imports.open', { importId });
    expect((await ok(backend, 'imports.run', { importId, entity: 'organization', mapping: preview.mapping, duplicates: 'create' } as Input<'imports.run'>)).created).toBe(10_000);
    const now = expectConsistent(path);
    expect(now.kept.length).toBe(before + Math.floor((10_000 * 2) / 3));
    const today = new Date().toISOString().slice(0, 10);
    expect(await dashboardMembers(backend, today)).toEqual(membersOn(path, today));
    expect(withSqlite(path, (db) => db.prepare("select name from sqlite_schema where name like 'member_spans_stage_%' order by 1").all())).toEqual([
      { name: 'member_spans_stage_delete' },
      { name: 'member_spans_stage_insert' },
      { name: 'member_spans_stage_update' },
    ]);
  });

  it('are computed for a generated directory, whose load sets their triggers aside', async () => {
    const { backend, path } = await useBackend();
    await backend.bulkLoad((sqlite) => generateDirectory(sqlite, { ...SAMPLE_DIRECTORY, seed: 7 }));
    const now = expectConsistent(path);
    expect(now.kept.length).toBeGreaterThan(5);
    for (const day of ['2024-06-30', '2025-12-31', '2026-11-01']) expect(await dashboardMembers(backend, day), day).toEqual(membersOn(path, day));
  });
});
