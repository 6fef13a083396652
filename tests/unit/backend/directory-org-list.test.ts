import { describe, expect, it } from 'vitest';
import type { Input } from '@shared/contract';
import type { Backend } from '../../../electron/backend/backend';
import { fails, ok, useBackend, withSqlite } from '../../support/backend';
import { organizationInput } from '../../support/samples';

// organizations.list: every filter and sort, checked against the records that should come back.

type OrgInput = Input<'organizations.create'>;

const FIXTURES: (Partial<OrgInput> & { name: string; lastContactedOn?: string })[] = [
  {
    name: 'Ánimo Health Clinic',
    sector: 'nonprofit',
    type: 'public_health',
    stage: 'member',
    tier: 'steering',
    city: 'São Paulo',
    issueAreas: ['Healthcare access'],
    regions: ['Eastside'],
    populations: ['Immigrants'],
    contributions: ['meeting_space'],
    tags: ['clinic'],
    alignment: { score: 5, note: '' },
    lastContactedOn: '2026-03-10',
  },
  {
    name: 'bayview tenants union',
    sector: 'nonprofit',
    type: 'advocacy_group',
    stage: 'engaged',
    tier: null,
    city: 'harbor city',
    issueAreas: ['Housing'],
    regions: ['Harbor'],
    populations: ['Low-income families'],
    contributions: ['volunteers'],
    tags: ['tenants'],
    alignment: { score: 3, note: '' },
    lastContactedOn: '2025-11-02',
  },
  {
    name: 'City Housing Authority',
    sector: 'government',
    type: 'government_body',
    stage: 'contacted',
    tier: null,
    city: 'Riverside',
    issueAreas: ['Housing', 'Education'],
    regions: ['Eastside', 'Harbor'],
    populations: [],
    contributions: ['data_research'],
    tags: [],
    alignment: { score: null, note: '' },
  },
  {
    name: 'Dawn Foundation',
    sector: 'private',
    type: 'philanthropy',
    stage: 'member',
    tier: 'ally',
    city: 'Cedar Valley',
    issueAreas: ['Food security'],
    regions: ['Valley'],
    populations: ['Youth'],
    contributions: ['funding'],
    tags: ['funder', 'clinic'],
    alignment: { score: 4, note: '' },
    lastContactedOn: '2026-06-01',
  },
  {
    name: 'Eastside Youth Council',
    sector: 'community',
    type: 'youth_student',
    stage: 'identified',
    tier: null,
    city: 'Riverside',
    issueAreas: ['Youth', 'Education'],
    regions: ['Eastside'],
    populations: ['Youth'],
    contributions: [],
    tags: ['youth-led'],
    alignment: { score: 2, note: '' },
    notes: 'Meets at the Lincoln library.',
  },
];

async function seed(backend: Backend, path: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const { lastContactedOn, ...fixture } of FIXTURES) {
    const created = await ok(backend, 'organizations.create', organizationInput({ otherNames: [], notes: '', email: '', website: '', ...fixture }));
    ids.set(fixture.name, created.id);
    if (lastContactedOn) withSqlite(path, (db) => db.prepare('update organizations set last_contacted_on = ? where id = ?').run(lastContactedOn, created.id));
  }
  return ids;
}

async function names(backend: Backend, input: Input<'organizations.list'>): Promise<string[]> {
  const result = await ok(backend, 'organizations.list', input);
  expect(result.total).toBeGreaterThanOrEqual(result.rows.length);
  return result.rows.map((r) => r.name);
}

describe('organizations.list filters', () => {
  const cases: [string, NonNullable<Input<'organizations.list'>['filters']>, string[]][] = [
    ['no filter', {}, ['Ánimo Health Clinic', 'bayview tenants union', 'City Housing Authority', 'Dawn Foundation', 'Eastside Youth Council']],
    ['text (prefix, accent-insensitive)', { text: 'anim heal' }, ['Ánimo Health Clinic']],
    ['text in the city', { text: 'sao paulo' }, ['Ánimo Health Clinic']],
    ['text in the notes', { text: 'lincoln' }, ['Eastside Youth Council']],
    ['text with only punctuation matches everything', { text: '"*^' }, ['Ánimo Health Clinic', 'bayview tenants union', 'City Housing Authority', 'Dawn Foundation', 'Eastside Youth Council']],
    ['stage', { stage: ['member', 'identified'] }, ['Ánimo Health Clinic', 'Dawn Foundation', 'Eastside Youth Council']],
    ['sector', { sector: ['government', 'private'] }, ['City Housing Authority', 'Dawn Foundation']],
    ['type', { type: ['advocacy_group'] }, ['bayview tenants union']],
    ['tier', { tier: ['ally'] }, ['Dawn Foundation']],
    ['issue area (any of)', { issueArea: ['Housing', 'Food security'] }, ['bayview tenants union', 'City Housing Authority', 'Dawn Foundation']],
    // Counted from the label index alone: an organization with both areas is one match.
    ['issue area (any of, one organization with both)', { issueArea: ['Housing', 'Education'] }, ['bayview tenants union', 'City Housing Authority', 'Eastside Youth Council']],
    ['labels and text combine with and', { text: 'riverside', issueArea: ['Education', 'Housing'], region: ['Eastside', 'Harbor'] }, ['City Housing Authority', 'Eastside Youth Council']],
    ['a label and a column combine with and', { tag: ['clinic'], sector: ['private'] }, ['Dawn Foundation']],
    ['region', { region: ['Harbor'] }, ['bayview tenants union', 'City Housing Authority']],
    ['population', { population: ['Youth'] }, ['Dawn Foundation', 'Eastside Youth Council']],
    ['contribution', { contribution: ['funding', 'volunteers'] }, ['bayview tenants union', 'Dawn Foundation']],
    ['tag', { tag: ['clinic'] }, ['Ánimo Health Clinic', 'Dawn Foundation']],
    ['last contacted from', { lastContacted: { from: '2026-01-01' } }, ['Ánimo Health Clinic', 'Dawn Foundation']],
    ['last contacted to', { lastContacted: { to: '2026-03-10' } }, ['Ánimo Health Clinic', 'bayview tenants union']],
    ['last contacted within', { lastContacted: { from: '2026-01-01', to: '2026-05-31' } }, ['Ánimo Health Clinic']],
    ['never contacted', { lastContacted: { never: true } }, ['City Housing Authority', 'Eastside Youth Council']],
    ['not since 2026, or never', { lastContacted: { to: '2025-12-31', never: true } }, ['bayview tenants union', 'City Housing Authority', 'Eastside Youth Council']],
    ['contacted at some point', { lastContacted: { never: false } }, ['Ánimo Health Clinic', 'bayview tenants union', 'Dawn Foundation']],
    ['fields combine with and', { issueArea: ['Education'], region: ['Eastside'], stage: ['identified'] }, ['Eastside Youth Council']],
    ['empty lists are unset filters', { stage: [], tag: [] }, ['Ánimo Health Clinic', 'bayview tenants union', 'City Housing Authority', 'Dawn Foundation', 'Eastside Youth Council']],
    ['nothing matches', { tag: ['no-such-tag'] }, []],
  ];
  it.each(cases)('%s', async (_label, filters, expected) => {
    const { backend, path } = await useBackend();
    await seed(backend, path);
    const result = await ok(backend, 'organizations.list', { filters, sort: { field: 'name', direction: 'asc' } });
    // (Order is checked by the sorting tests: "nocase" folds ASCII only, so "Á" sorts after "z".)
    expect(result.rows.map((r) => r.name).sort()).toEqual([...expected].sort());
    expect(result.total).toBe(expected.length);
  });

  it('returns the row shape of the directory table', async () => {
    const { backend, path } = await useBackend();
    const ids = await seed(backend, path);
    const { rows } = await ok(backend, 'organizations.list', { filters: { tier: ['steering'] } });
    expect(rows).toEqual([
      {
        id: ids.get('Ánimo Health Clinic'),
        name: 'Ánimo Health Clinic',
        sector: 'nonprofit',
        type: 'public_health',
        stage: 'member',
        tier: 'steering',
        city: 'São Paulo',
        regions: ['Eastside'],
        issueAreas: ['Healthcare access'],
        tags: ['clinic'],
        email: '',
        alignmentScore: 5,
        lastContactedOn: '2026-03-10',
        updatedAt: expect.any(String) as unknown,
        custom: {},
      },
    ]);
  });

  it('FTS syntax typed into the text filter is searched for, not interpreted', async () => {
    const { backend, path } = await useBackend();
    await seed(backend, path);
    for (const text of ['"', 'health"', '*', 'AND', 'health AND', 'NEAR(', 'NEAR(health, 2)', '^', 'name:health', '(', 'OR OR', '-health']) {
      const result = await ok(backend, 'organizations.list', { filters: { text } });
      expect(result.total, text).toBeGreaterThanOrEqual(0);
    }
    expect(await names(backend, { filters: { text: 'health AND' } })).toEqual([]);
    expect(await names(backend, { filters: { text: 'NEAR(health' } })).toEqual([]);
    expect(await names(backend, { filters: { text: 'health*' } })).toEqual(['Ánimo Health Clinic']);
  });
});

describe('organizations.list sorting and paging', () => {
  // Case-insensitive ("bayview" before "City"); SQLite's nocase folds ASCII only, so "Ánimo" sorts after "Z".
  const BY_NAME = ['bayview tenants union', 'City Housing Authority', 'Dawn Foundation', 'Eastside Youth Council', 'Ánimo Health Clinic'];

  it('sorts by name case-insensitively, with ties broken by id', async () => {
    const { backend, path } = await useBackend();
    await seed(backend, path);
    expect(await names(backend, { sort: { field: 'name', direction: 'asc' } })).toEqual(BY_NAME);
    expect(await names(backend, { sort: { field: 'name', direction: 'desc' } })).toEqual([...BY_NAME].reverse());
  });

  it.each(['sector', 'type', 'stage', 'alignmentScore'] as const)('sorts by %s in both directions, ties by id (alignment: in the order the records were added)', async (field) => {
    const { backend, path } = await useBackend();
    const ids = await seed(backend, path);
    const added = [...ids.values()];
    const asc = await ok(backend, 'organizations.list', { sort: { field, direction: 'asc' } });
    const desc = await ok(backend, 'organizations.list', { sort: { field, direction: 'desc' } });
    const key = (row: (typeof asc.rows)[number]) => (field === 'alignmentScore' ? row.alignmentScore : row[field]);
    // Checked against an independent sort of the same rows: by the field (nulls first), then id or the order added.
    const tie = (a: (typeof asc.rows)[number], b: (typeof asc.rows)[number]) => (field === 'alignmentScore' ? added.indexOf(a.id) - added.indexOf(b.id) : compare(a.id, b.id));
    const reference = [...asc.rows].sort((a, b) => compare(key(a), key(b)) || tie(a, b));
    expect(asc.rows.map((r) => r.id)).toEqual(reference.map((r) => r.id));
    expect(desc.rows.map((r) => r.id)).toEqual([...reference].reverse().map((r) => r.id));
    expect(ids.size).toBe(5);
    if (field === 'sector') expect(asc.rows.map((r) => r.sector)).toEqual(['community', 'government', 'nonprofit', 'nonprofit', 'private']);
    if (field === 'alignmentScore') expect(asc.rows.map((r) => r.alignmentScore)).toEqual([null, 2, 3, 4, 5]);
  });

  it('sorts by city case-insensitively, by last contact (never first) and by last update', async () => {
    const { backend, path } = await useBackend();
    const created = [...(await seed(backend, path)).values()];
    const byCity = await ok(backend, 'organizations.list', { sort: { field: 'city', direction: 'asc' } });
    expect(byCity.rows.map((r) => r.city)).toEqual(['Cedar Valley', 'harbor city', 'Riverside', 'Riverside', 'São Paulo']);
    // Ties in the order the records were added (rowid).
    const riverside = byCity.rows.filter((r) => r.city === 'Riverside').map((r) => r.id);
    expect(riverside).toEqual(created.filter((id) => riverside.includes(id)));
    const byContact = await ok(backend, 'organizations.list', { sort: { field: 'lastContactedOn', direction: 'desc' } });
    expect(byContact.rows.map((r) => r.lastContactedOn)).toEqual(['2026-06-01', '2026-03-10', '2025-11-02', null, null]);
    // Each was last updated when it was added: by update time (ties by rowid) is the order they were added.
    const byUpdate = await ok(backend, 'organizations.list', { sort: { field: 'updatedAt', direction: 'asc' } });
    expect(byUpdate.rows.map((r) => r.id)).toEqual(created);
  });

  it('pages without overlaps or gaps, even when every sort value is the same', async () => {
    const { backend } = await useBackend();
    for (let i = 0; i < 23; i++) await ok(backend, 'organizations.create', organizationInput({ name: i % 2 ? 'Same Name' : 'same name', city: 'Riverside' }));
    for (const field of ['name', 'city', 'stage'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const seen: string[] = [];
        for (let offset = 0; offset < 23; offset += 5) {
          const page = await ok(backend, 'organizations.list', { sort: { field, direction }, offset, limit: 5 });
          expect(page.total).toBe(23);
          seen.push(...page.rows.map((r) => r.id));
        }
        expect(seen).toHaveLength(23);
        expect(new Set(seen).size).toBe(23);
        const all = await ok(backend, 'organizations.list', { sort: { field, direction }, limit: 500 });
        expect(all.rows.map((r) => r.id)).toEqual(seen);
      }
    }
  });

  it('gives the same rows whether a page walks the sort index (early pages, testing rows or probing the matches) or sorts the matches (deep pages)', async () => {
    const { backend, path } = await useBackend();
    const stages = ['member', 'engaged'] as const;
    for (let i = 0; i < 40; i++) {
      const stage = stages[i % 2] ?? 'member';
      await ok(backend, 'organizations.create', organizationInput({ name: `Group ${(i * 7) % 13}`, city: `City ${i % 5}`, stage, tier: null, tags: i % 3 ? ['x'] : ['y'] }));
    }
    // Last contacts spread over a year (a third never contacted), as logged interactions leave them.
    withSqlite(path, (db) => db.exec("update organizations set last_contacted_on = case when rowid % 3 = 0 then null else date('2026-01-01', '+' || ((rowid * 37) % 365) || ' days') end"));
    const filterings = [
      { stage: ['engaged' as const] },
      { tag: ['x'] },
      { stage: ['member' as const], tag: ['x'] },
      { lastContacted: { from: '2026-02-01', to: '2026-09-30' } },
      { lastContacted: { never: true } },
    ];
    for (const field of ['name', 'city', 'updatedAt', 'lastContactedOn'] as const) {
      for (const filters of filterings) {
        const whole = await ok(backend, 'organizations.list', { filters, sort: { field, direction: 'desc' }, limit: 500 });
        const paged: string[] = [];
        for (let offset = 0; offset < whole.total; offset += 3) {
          const page = await ok(backend, 'organizations.list', { filters, sort: { field, direction: 'desc' }, offset, limit: 3 });
          expect(page.total).toBe(whole.total);
          paged.push(...page.rows.map((r) => r.id));
        }
        expect(paged).toEqual(whole.rows.map((r) => r.id));
      }
    }
    expect(await ok(backend, 'organizations.list', { filters: { stage: ['engaged'] }, offset: 20 })).toEqual({ total: 20, rows: [] });
  });

  it('refuses an unknown sort field and a page size over 500', async () => {
    const { backend } = await useBackend();
    expect((await fails(backend, 'organizations.list', { sort: { field: 'notes', direction: 'asc' } })).code).toBe('validation');
    expect((await fails(backend, 'organizations.list', { limit: 501 })).code).toBe('validation');
  });
});

describe('organizations.list query plans', () => {
  it('uses the sort indexes and the label index instead of scanning and sorting the table', async () => {
    const { path } = await useBackend();
    const plan = (query: string) =>
      withSqlite(path, (db) => (db.prepare(`explain query plan ${query}`).all() as { detail: string }[]).map((r) => r.detail).join(' | '));
    expect(plan('select o.id, o.name, o.city, o.tags_json from organizations o order by o.name collate nocase, o.id limit 100')).toMatch(/USING (COVERING )?INDEX organizations_name/);
    expect(plan('select id from organizations o order by o.name collate nocase, o.id limit 100')).not.toMatch(/TEMP B-TREE/);
    expect(plan('select id from organizations o order by o.last_contacted_on desc, o.id desc limit 100')).toMatch(/organizations_last_contacted_on/);
    expect(plan('select o.id from organizations o order by o.stage, o.id limit 100')).toMatch(/SCAN o USING COVERING INDEX organizations_stage$/);
    // A column the list only sorts by has an index of the column alone; its entries end with the rowid, which breaks the ties.
    expect(plan('select o.rowid from organizations o order by o.city collate nocase, o.rowid limit 100')).toMatch(/SCAN o USING COVERING INDEX organizations_city$/);
    // A page with filters walks the sort index (the filtered columns are written +column) and stops after the page.
    const page = plan(
      "select o.rowid from organizations o where +o.stage in ('member') and +o.rowid in (select record_rowid from organization_labels where field = 'tag' and value in ('a')) order by o.city collate nocase, o.rowid limit 100",
    );
    expect(page).toMatch(/SCAN o USING (COVERING )?INDEX organizations_city/);
    expect(page).not.toMatch(/TEMP B-TREE/);
    // A deep page of one filtered column probes the matches' rowids, read from that column's index, and reads no row while it walks.
    const probing = plan(
      "select o.rowid from organizations o where +o.rowid in (select o.rowid from organizations o where o.last_contacted_on >= '2026-01-01' and o.last_contacted_on <= '2026-06-30') order by o.name collate nocase, o.id limit 100 offset 2000",
    );
    expect(probing).toMatch(/SCAN o USING COVERING INDEX organizations_name/);
    expect(probing).toMatch(/SEARCH o USING COVERING INDEX organizations_last_contacted_on/);
    expect(probing).not.toMatch(/TEMP B-TREE/);
    expect(plan("select count(*) from organizations o where o.tier in ('steering')")).toMatch(/COVERING INDEX organizations_tier/);
    expect(plan("select id from organizations o where o.rowid in (select record_rowid from organization_labels where field = 'tag' and value in ('a'))")).toMatch(
      /organization_labels_lookup/,
    );
  });
});

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  return (a as number | string) < (b as number | string) ? -1 : 1;
}
