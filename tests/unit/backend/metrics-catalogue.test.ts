import { describe, expect, it } from 'vitest';
import { DERIVED_KEYS } from '@shared/metrics/contract';
import { buckets, exactPeriod, grainFor } from '../../../electron/backend/metrics/periods';
import { changeLog, fails, issuesOf, ok, snapshot, useBackend } from '../../support/backend';
import { organizationInput } from '../../support/people';
import { draftInput } from '../../support/samples';

// The catalogue: the derived metrics every workspace has, entered metrics with monthly values
// added up per their aggregation, targets per year / quarter / month, goal links, and refusals
// that write nothing.

describe('periods', () => {
  it('cuts a range into months, quarters and years, clipped, and knows a whole period', () => {
    expect(buckets('2025-11-15', '2026-02-10', 'month').map((b) => [b.period, b.from, b.to, b.whole])).toEqual([
      ['2025-11', '2025-11-15', '2025-11-30', false],
      ['2025-12', '2025-12-01', '2025-12-31', true],
      ['2026-01', '2026-01-01', '2026-01-31', true],
      ['2026-02', '2026-02-01', '2026-02-10', false],
    ]);
    expect(buckets('2024-01-01', '2024-12-31', 'quarter').map((b) => [b.label, b.to])).toEqual([['Q1 2024', '2024-03-31'], ['Q2 2024', '2024-06-30'], ['Q3 2024', '2024-09-30'], ['Q4 2024', '2024-12-31']]);
    expect(buckets('2024-02-01', '2024-02-29', 'month')[0]?.whole).toBe(true);
    expect(exactPeriod('2026-04-01', '2026-06-30')).toBe('2026-Q2');
    expect(exactPeriod('2026-01-01', '2026-12-31')).toBe('2026');
    expect(exactPeriod('2026-02-01', '2026-02-28')).toBe('2026-02');
    expect(exactPeriod('2026-02-01', '2026-03-15')).toBeNull();
    expect([grainFor('2026-01-01', '2026-12-31'), grainFor('2022-01-01', '2026-12-31'), grainFor('2010-01-01', '2026-12-31')]).toEqual(['month', 'quarter', 'year']);
  });
});

describe('metric catalogue', () => {
  it('lists the derived metrics with fixed keys; they cannot be removed nor take entered values', async () => {
    const { backend } = await useBackend();
    const list = await ok(backend, 'metrics.catalogue', {});
    expect(list.filter((m) => m.kind === 'derived').map((m) => m.key)).toEqual([...DERIVED_KEYS]);
    const members = list.find((m) => m.key === 'members');
    expect(members).toMatchObject({ available: true, additive: true });
    expect(list.find((m) => m.key === 'money_raised')).toMatchObject({ additive: false });
    expect((await fails(backend, 'metrics.delete', { id: members?.id })).message).toMatch(/derived .* cannot be removed/);
    expect(issuesOf(await fails(backend, 'metrics.setValues', { metricId: members?.id, values: [{ month: '2026-01', value: 3 }] }))[0]?.path).toBe('metricId');
    // A derived metric's name and goal change; its unit stays.
    const renamed = await ok(backend, 'metrics.save', { id: members?.id, metric: { name: 'Member organizations', unit: 'whatever', description: 'Ours.', goalId: null } });
    expect(renamed).toMatchObject({ name: 'Member organizations', unit: 'organizations', key: 'members' });
  });

  it('adds up an entered metric’s months by sum, average or last value, with targets per period', async () => {
    const { backend, path } = await useBackend();
    const { goals } = await ok(backend, 'charter.saveDraft', draftInput());
    const goal = goals[1];
    const visits = await ok(backend, 'metrics.save', { metric: { name: 'Website visits', unit: 'visits', description: '', aggregation: 'sum', goalId: goal?.id ?? null } });
    expect(visits).toMatchObject({ kind: 'entered', key: null, goalTitle: 'Make housing insecurity visible' });
    const followers = await ok(backend, 'metrics.save', { metric: { name: 'Followers', unit: 'people', description: '', aggregation: 'last', goalId: null } });
    const rating = await ok(backend, 'metrics.save', { metric: { name: 'Engagement rate', unit: '%', description: '', aggregation: 'average', goalId: null } });
    const months = [['2026-01', 100], ['2026-02', 200], ['2026-03', 0.3], ['2026-04', 400]] as const;
    for (const m of [visits, followers, rating]) await ok(backend, 'metrics.setValues', { metricId: m.id, values: months.map(([month, value]) => ({ month, value })) });
    const q1 = { from: '2026-01-01', to: '2026-03-31', grain: 'quarter' as const };
    expect((await ok(backend, 'metrics.get', { id: visits.id, ...q1 })).total.value).toBe(300.3);
    expect((await ok(backend, 'metrics.get', { id: followers.id, ...q1 })).total.value).toBe(0.3);
    expect((await ok(backend, 'metrics.get', { id: rating.id, ...q1 })).total.value).toBe(100.1);
    // A month with no value is not a zero: an empty period is null.
    expect((await ok(backend, 'metrics.get', { id: visits.id, from: '2025-01-01', to: '2025-12-31', grain: 'year' })).total.value).toBeNull();

    // Change one month, clear another; targets for the year and a quarter.
    expect(await ok(backend, 'metrics.setValues', { metricId: visits.id, values: [{ month: '2026-02', value: 250 }, { month: '2026-04', value: null }, { month: '2026-05', value: 10, note: 'launch' }] })).toEqual({ changed: 3 });
    await ok(backend, 'metrics.setTargets', { metricId: visits.id, targets: [{ period: '2026', value: 5000 }, { period: '2026-Q1', value: 400 }] });
    const year = await ok(backend, 'metrics.get', { id: visits.id, from: '2026-01-01', to: '2026-12-31', grain: 'quarter' });
    expect(year.series.map((p) => [p.period, p.value, p.target])).toEqual([['2026-Q1', 350.3, 400], ['2026-Q2', 10, null], ['2026-Q3', null, null], ['2026-Q4', null, null]]);
    expect(year.values.map((v) => [v.month, v.value, v.note])).toEqual([['2026-05', 10, 'launch'], ['2026-03', 0.3, ''], ['2026-02', 250, ''], ['2026-01', 100, '']]);
    expect(year.targets).toEqual([{ period: '2026-Q1', value: 400 }, { period: '2026', value: 5000 }]);
    const dashboard = await ok(backend, 'metrics.dashboard', { from: '2026-01-01', to: '2026-12-31', grain: 'quarter' });
    expect(dashboard.targets.find((t) => t.metricId === visits.id)?.points[0]).toMatchObject({ value: 350.3, target: 400 });
    // The drill-down of an entered metric: its monthly values.
    expect((await ok(backend, 'metrics.drill', { metricId: visits.id, from: '2026-01-01', to: '2026-03-31' })).rows.map((r) => [r.label, r.value])).toEqual([
      ['Website visits, Mar 2026', 0.3],
      ['Website visits, Feb 2026', 250],
      ['Website visits, Jan 2026', 100],
    ]);

    // Removing the goal from the charter unlinks the metric (through the Writer).
    await ok(backend, 'charter.saveDraft', { ...draftInput(), goals: goals.slice(0, 1) });
    expect((await ok(backend, 'metrics.catalogue', {})).find((m) => m.id === visits.id)).toMatchObject({ goalId: null, values: 4, targets: 2 });
    // Deleting the metric takes its values and targets, each logged.
    await ok(backend, 'metrics.delete', { id: visits.id });
    const rows = changeLog(path);
    const last = rows[rows.length - 1]?.batch;
    const log = rows.filter((r) => r.action === 'delete' && r.batch === last).map((r) => r.entity);
    expect(log.filter((e) => e === 'metric_values')).toHaveLength(4);
    expect(log.filter((e) => e === 'metric_targets')).toHaveLength(2);
    // One undo brings it all back.
    await ok(backend, 'history.undo', {});
    expect((await ok(backend, 'metrics.get', { id: visits.id, ...q1 })).total.value).toBe(350.3);
  });

  it('refuses bad values, repeated months, unknown goals and duplicate names, writing nothing', async () => {
    const { backend, path } = await useBackend();
    const m = await ok(backend, 'metrics.save', { metric: { name: 'Website visits', unit: 'visits', description: '', goalId: null } });
    const before = snapshot(path);
    expect(issuesOf(await fails(backend, 'metrics.setValues', { metricId: m.id, values: [{ month: '2026-13', value: 1 }] }))).toEqual([{ path: 'values.0.month', message: 'Use a month in the form YYYY-MM.' }]);
    expect(issuesOf(await fails(backend, 'metrics.setValues', { metricId: m.id, values: [{ month: '2026-01', value: 'many' }] }))[0]?.path).toBe('values.0.value');
    expect(issuesOf(await fails(backend, 'metrics.setValues', { metricId: m.id, values: [{ month: '2026-01', value: 1 }, { month: '2026-01', value: 2 }] }))).toEqual([{ path: 'values.1.month', message: '2026-01 appears twice.' }]);
    expect(issuesOf(await fails(backend, 'metrics.setTargets', { metricId: m.id, targets: [{ period: '2026-Q5', value: 1 }] }))[0]?.message).toMatch(/year \(2026\), a quarter/);
    expect((await fails(backend, 'metrics.save', { metric: { name: 'website VISITS', unit: '', description: '', goalId: null } })).code).toBe('conflict');
    expect(issuesOf(await fails(backend, 'metrics.save', { metric: { name: 'Reach', unit: '', description: '', goalId: '00000000-0000-4000-8000-000000000999' } }))[0]?.path).toBe('metric.goalId');
    expect(issuesOf(await fails(backend, 'metrics.dashboard', { from: '2026-12-31', to: '2026-01-01' }))[0]?.path).toBe('to');
    expect(snapshot(path)).toEqual(before);
  });

  it('counts members again after a change (the spans kept by migration 018 follow every write)', async () => {
    const { backend } = await useBackend();
    const members = (await ok(backend, 'metrics.catalogue', {})).find((m) => m.key === 'members')?.id ?? '';
    const day = new Date().toISOString().slice(0, 10);
    const count = async () => (await ok(backend, 'metrics.get', { id: members, from: day, to: day, grain: 'month' })).total.value;
    const alder = await ok(backend, 'organizations.create', organizationInput('Alder Trust', { stage: 'member' }));
    expect(await count()).toBe(1);
    await ok(backend, 'organizations.create', organizationInput('Birch Collective', { stage: 'member' }));
    expect(await count()).toBe(2);
    await ok(backend, 'organizations.update', { id: alder.id, organization: organizationInput('Alder Trust', { stage: 'inactive' }) });
    expect(await count()).toBe(1);
    await ok(backend, 'history.undo', {});
    expect(await count()).toBe(2);
  });
});
