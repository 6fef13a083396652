import { describe, expect, it } from 'vitest';
import type { Input, Output } from '@shared/contract';
import type { Backend } from '../../../electron/backend/backend';
import { changeLog, fails, issuesOf, ok, snapshot, useBackend } from '../../support/backend';
import { organizationInput } from '../../support/people';

// Representation: members by sector, type, region and population, against targets.

type OrgOverrides = Partial<Input<'organizations.create'>>;

async function add(backend: Backend, name: string, overrides: OrgOverrides): Promise<string> {
  return (await ok(backend, 'organizations.create', organizationInput(name, { tier: null, ...overrides }))).id;
}

/**
 * 5 members, 2 engaged, 1 declined:
 *  members: 2 nonprofit advocacy (North; Immigrants), 1 nonprofit legal aid (North, South; none),
 *           1 community local group (South; Immigrants, Seniors), 1 community faith (no region; Seniors)
 *  engaged: 1 government body (East; Youth), 1 community youth group (East; Youth)
 *  declined: 1 private philanthropy (West)
 */
async function seed(backend: Backend): Promise<void> {
  await add(backend, 'A Advocacy', { stage: 'member', regions: ['North'], populations: ['Immigrants'] });
  await add(backend, 'B Advocacy', { stage: 'member', regions: ['North'], populations: ['Immigrants'] });
  await add(backend, 'C Legal', { stage: 'member', type: 'legal_aid', regions: ['North', 'South'], populations: [] });
  await add(backend, 'D Neighbors', { stage: 'member', sector: 'community', type: 'local_community_group', regions: ['South'], populations: ['Immigrants', 'Seniors'] });
  await add(backend, 'E Faith', { stage: 'member', sector: 'community', type: 'faith_based', regions: [], populations: ['Seniors'] });
  await add(backend, 'F Council', { stage: 'engaged', sector: 'government', type: 'government_body', regions: ['East'], populations: ['Youth'] });
  await add(backend, 'G Youth', { stage: 'engaged', sector: 'community', type: 'youth_student', regions: ['East'], populations: ['Youth'] });
  await add(backend, 'H Fund', { stage: 'declined', sector: 'private', type: 'philanthropy', regions: ['West'], populations: [] });
}

type Summary = Output<'representation.summary'>;
type Row = Summary['dimensions']['sector'][number];

function byValue(rows: readonly Row[]): Record<string, [number, number]> {
  return Object.fromEntries(rows.filter((r) => r.count > 0).map((r) => [r.value, [r.count, r.share]]));
}

function targetFor(summary: Summary, id: string) {
  const found = summary.targets.find((t) => t.id === id);
  if (!found) throw new Error(`no status for target ${id}`);
  return found;
}

describe('representation.summary', () => {
  it('counts members (stage member by default) by sector, type, region and population with shares', async () => {
    const { backend } = await useBackend();
    await seed(backend);
    const summary = await ok(backend, 'representation.summary', {});
    expect(summary.stages).toEqual(['member']);
    expect(summary.members).toBe(5);
    expect(byValue(summary.dimensions.sector)).toEqual({ nonprofit: [3, 60], community: [2, 40] });
    expect(byValue(summary.dimensions.type)).toEqual({ advocacy_group: [2, 40], legal_aid: [1, 20], local_community_group: [1, 20], faith_based: [1, 20] });
    expect(byValue(summary.dimensions.region)).toEqual({ North: [3, 60], South: [2, 40] });
    expect(byValue(summary.dimensions.population)).toEqual({ Immigrants: [3, 60], Seniors: [2, 40] });
    expect(summary.unlisted).toEqual({ region: 1, population: 1 });

    // Every sector and type of the taxonomy is listed (zeros included), with labels.
    expect(summary.dimensions.sector.map((r) => r.label)).toEqual(['Nonprofit', 'Community & grassroots', 'Government & policy', 'Private sector']);
    expect(summary.dimensions.type).toHaveLength(11);
    // Regions listed anywhere in the workspace appear even with no member there; populations follow the vocabulary.
    expect(summary.dimensions.region.map((r) => r.value)).toEqual(['East', 'North', 'South', 'West']);
    expect(summary.dimensions.population.find((r) => r.value === 'Youth')).toEqual({ value: 'Youth', label: 'Youth', count: 0, share: 0 });
  });

  it('counts the chosen stages', async () => {
    const { backend } = await useBackend();
    await seed(backend);
    const summary = await ok(backend, 'representation.summary', { stages: ['member', 'engaged'] });
    expect(summary.members).toBe(7);
    expect(byValue(summary.dimensions.sector)).toEqual({ nonprofit: [3, 42.86], community: [3, 42.86], government: [1, 14.29] });
    expect(byValue(summary.dimensions.region)).toEqual({ North: [3, 42.86], South: [2, 28.57], East: [2, 28.57] });
    const engaged = await ok(backend, 'representation.summary', { stages: ['engaged'] });
    expect(engaged.members).toBe(2);
    expect(byValue(engaged.dimensions.population)).toEqual({ Youth: [2, 100] });
    expect(engaged.unlisted).toEqual({ region: 0, population: 0 });
  });

  it('answers zeros (not NaN) for a workspace without members', async () => {
    const { backend } = await useBackend();
    const summary = await ok(backend, 'representation.summary', {});
    expect(summary.members).toBe(0);
    expect(summary.dimensions.sector.every((r) => r.count === 0 && r.share === 0)).toBe(true);
    expect(summary.dimensions.region).toEqual([]);
  });

  it('reports each target kind met or unmet with the right gap', async () => {
    const { backend } = await useBackend();
    await seed(backend);
    const save = (input: Input<'representation.targets.save'>) => ok(backend, 'representation.targets.save', input);
    const grassroots30 = await save({ dimension: 'sector', value: 'community', kind: 'min_share', amount: 30, note: 'At least 30% grassroots' });
    const grassroots50 = await save({ dimension: 'sector', value: 'community', kind: 'min_count', amount: 5, note: '' });
    const government = await save({ dimension: 'sector', value: 'government', kind: 'min_share', amount: 10, note: '' });
    const legal = await save({ dimension: 'type', value: 'legal_aid', kind: 'min_count', amount: 1, note: '' });
    const seniors = await save({ dimension: 'population', value: 'Seniors', kind: 'min_share', amount: 45.5, note: '' });
    const disabled = await save({ dimension: 'population', value: 'People with disabilities', kind: 'min_count', amount: 2, note: '' });
    const north = await save({ dimension: 'region', value: 'North', kind: 'min_count', amount: 3, note: '' });

    const summary = await ok(backend, 'representation.summary', {});
    expect(targetFor(summary, grassroots30.id)).toMatchObject({ label: 'Community & grassroots', actual: 40, met: true, gap: 0, shortfalls: [] });
    expect(targetFor(summary, grassroots50.id)).toMatchObject({ actual: 2, met: false, gap: 3 });
    expect(targetFor(summary, government.id)).toMatchObject({ label: 'Government & policy', actual: 0, met: false, gap: 10 });
    expect(targetFor(summary, legal.id)).toMatchObject({ label: 'Legal aid organization', actual: 1, met: true, gap: 0 });
    expect(targetFor(summary, seniors.id)).toMatchObject({ actual: 40, met: false, gap: 5.5 });
    expect(targetFor(summary, disabled.id)).toMatchObject({ actual: 0, met: false, gap: 2 });
    expect(targetFor(summary, north.id)).toMatchObject({ actual: 3, met: true, gap: 0 });
    // Targets are listed by dimension: sector, type, region, population.
    expect(summary.targets.map((t) => t.dimension)).toEqual(['sector', 'sector', 'sector', 'type', 'region', 'population', 'population']);

    // With engaged organizations counted too, the government share target is met (1 of 7 = 14.29%).
    const wider = await ok(backend, 'representation.summary', { stages: ['member', 'engaged'] });
    expect(targetFor(wider, government.id)).toMatchObject({ actual: 14.29, met: true, gap: 0 });
  });

  it('decides a share target exactly at the boundary', async () => {
    const { backend } = await useBackend();
    await seed(backend);
    const exact = await ok(backend, 'representation.targets.save', { dimension: 'sector', value: 'community', kind: 'min_share', amount: 40, note: '' });
    const above = await ok(backend, 'representation.targets.save', { dimension: 'sector', value: 'nonprofit', kind: 'min_share', amount: 60.01, note: '' });
    const summary = await ok(backend, 'representation.summary', {});
    expect(targetFor(summary, exact.id)).toMatchObject({ actual: 40, met: true, gap: 0 });
    expect(targetFor(summary, above.id)).toMatchObject({ actual: 60, met: false, gap: 0.01 });
  });

  it("'*' region target: every region listed in the workspace needs a member", async () => {
    const { backend } = await useBackend();
    await seed(backend);
    const every = await ok(backend, 'representation.targets.save', { dimension: 'region', value: '*', kind: 'min_count', amount: 1, note: 'Every region has a member' });
    expect(every.label).toBe('Every region');
    const summary = await ok(backend, 'representation.summary', {});
    // East (engaged only) and West (declined only) are listed in the workspace but have no member.
    expect(targetFor(summary, every.id)).toMatchObject({
      actual: 0,
      met: false,
      gap: 1,
      shortfalls: [
        { value: 'East', actual: 0, gap: 1 },
        { value: 'West', actual: 0, gap: 1 },
      ],
    });

    // Counting engaged organizations covers East; West is still short.
    const wider = await ok(backend, 'representation.summary', { stages: ['member', 'engaged'] });
    expect(targetFor(wider, every.id)).toMatchObject({ met: false, gap: 1, shortfalls: [{ value: 'West', actual: 0, gap: 1 }] });

    // A member in West: every region is covered; the worst region has 1 member.
    await add(backend, 'I West Members', { stage: 'member', regions: ['West', 'East'] });
    const covered = await ok(backend, 'representation.summary', {});
    expect(targetFor(covered, every.id)).toMatchObject({ actual: 1, met: true, gap: 0, shortfalls: [] });

    // A share per region works the same way: 6 members, South has 2 (33.33%), East and West 1 (16.67%).
    const share = await ok(backend, 'representation.targets.save', { dimension: 'region', value: '*', kind: 'min_share', amount: 20, note: '' });
    const shares = await ok(backend, 'representation.summary', {});
    expect(targetFor(shares, share.id)).toMatchObject({
      actual: 16.67,
      met: false,
      gap: 3.33,
      shortfalls: [
        { value: 'East', actual: 16.67, gap: 3.33 },
        { value: 'West', actual: 16.67, gap: 3.33 },
      ],
    });
  });
});

describe('representation targets', () => {
  it('are created, replaced and deleted through the Writer, with change-log rows', async () => {
    const { backend, path } = await useBackend();
    const created = await ok(backend, 'representation.targets.save', { dimension: 'sector', value: 'community', kind: 'min_share', amount: 30, note: ' Grassroots ' });
    expect(created).toMatchObject({ dimension: 'sector', value: 'community', label: 'Community & grassroots', kind: 'min_share', amount: 30, note: 'Grassroots' });
    const replaced = await ok(backend, 'representation.targets.save', { id: created.id, dimension: 'sector', value: 'community', kind: 'min_share', amount: 35, note: 'Raised' });
    expect(replaced).toMatchObject({ id: created.id, amount: 35, note: 'Raised' });
    expect((await ok(backend, 'representation.summary', {})).targets.map((t) => [t.id, t.amount])).toEqual([[created.id, 35]]);
    expect(await ok(backend, 'representation.targets.delete', { id: created.id })).toEqual({ deleted: true });
    expect((await ok(backend, 'representation.summary', {})).targets).toEqual([]);

    const log = changeLog(path).filter((r) => r.entity === 'representation_targets');
    expect(log.map((r) => [r.entity_id, r.action])).toEqual([
      [created.id, 'create'],
      [created.id, 'update'],
      [created.id, 'delete'],
    ]);
    expect(JSON.parse(log[1]?.before_json ?? '{}')).toMatchObject({ amount: 30, note: 'Grassroots' });
    expect(JSON.parse(log[1]?.after_json ?? '{}')).toMatchObject({ amount: 35, note: 'Raised' });
    expect(new Set(log.map((r) => r.batch)).size).toBe(3);
  });

  it('refuses bad input with field errors and changes nothing', async () => {
    const { backend, path } = await useBackend();
    const before = snapshot(path);
    const cases: [unknown, string, RegExp][] = [
      [{ dimension: 'sector', value: 'grassroots', kind: 'min_share', amount: 30, note: '' }, 'value', /sector of the taxonomy/],
      [{ dimension: 'type', value: 'book_club', kind: 'min_count', amount: 1, note: '' }, 'value', /organization type of the taxonomy/],
      [{ dimension: 'population', value: '*', kind: 'min_count', amount: 1, note: '' }, 'value', /only for region/],
      [{ dimension: 'region', value: '  ', kind: 'min_count', amount: 1, note: '' }, 'value', /Value is required/],
      [{ dimension: 'sector', value: 'community', kind: 'min_share', amount: 101, note: '' }, 'amount', /0 to 100/],
      [{ dimension: 'sector', value: 'community', kind: 'min_share', amount: -1, note: '' }, 'amount', /0 to 100/],
      [{ dimension: 'region', value: 'North', kind: 'min_count', amount: 2.5, note: '' }, 'amount', /whole number/],
      [{ dimension: 'region', value: 'North', kind: 'min_count', amount: -3, note: '' }, 'amount', /whole number/],
      [{ dimension: 'region', value: 'North', kind: 'min_count', amount: '3', note: '' }, 'amount', /must be a number/],
      [{ dimension: 'district', value: 'North', kind: 'min_count', amount: 3, note: '' }, 'dimension', /sector, type, region or population/],
      [{ dimension: 'region', value: 'North', kind: 'max_share', amount: 3, note: '' }, 'kind', /share or a number/],
    ];
    for (const [input, path, message] of cases) {
      const error = await fails(backend, 'representation.targets.save', input);
      expect(error.code, JSON.stringify(input)).toBe('validation');
      expect(issuesOf(error), JSON.stringify(input)).toEqual(expect.arrayContaining([{ path, message: expect.stringMatching(message) as unknown }]));
    }
    expect((await fails(backend, 'representation.summary', { stages: [] })).code).toBe('validation');
    expect((await fails(backend, 'representation.summary', { stages: ['partner'] })).code).toBe('validation');
    expect(snapshot(path)).toEqual(before);
  });

  it('refuses a second target of the same kind for the same value, and unknown ids', async () => {
    const { backend, path } = await useBackend();
    await ok(backend, 'representation.targets.save', { dimension: 'region', value: 'North', kind: 'min_count', amount: 1, note: '' });
    const before = snapshot(path);
    const clash = await fails(backend, 'representation.targets.save', { dimension: 'region', value: 'North', kind: 'min_count', amount: 2, note: '' });
    expect(clash.code).toBe('conflict');
    expect(issuesOf(clash)).toEqual([{ path: 'value', message: 'This value already has a target of this kind.' }]);
    // A share target for the same region is a different target.
    const missing = '00000000-0000-4000-8000-000000000999';
    expect((await fails(backend, 'representation.targets.save', { id: missing, dimension: 'region', value: 'South', kind: 'min_count', amount: 1, note: '' })).code).toBe('not_found');
    expect((await fails(backend, 'representation.targets.delete', { id: missing })).code).toBe('not_found');
    expect(snapshot(path)).toEqual(before);
    await ok(backend, 'representation.targets.save', { dimension: 'region', value: 'North', kind: 'min_share', amount: 10, note: '' });
  });
});
