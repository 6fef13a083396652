import { randomUUID } from 'node:crypto';
import type SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/backend';
import { DERIVED_METRIC_ROWS } from '../../../electron/backend/db/migrations/014_metrics';
import { ok } from '../../support/backend';
import { openTestBackend } from '../../support/workspace';
import { organizationInput, personInput } from '../../support/people';

// Every derived metric against a hand-counted fixture: the records on both sides of each period
// boundary, the ones that must not count (cancelled, opposed, not enacted, not resolved…), and
// money in two currencies that is never added up. Figures, series, drill-downs, and the
// dashboard's headlines equal to each metric's own figure.

const id = (key: string) => DERIVED_METRIC_ROWS.find((m) => m.key === key)?.id ?? '';
const Y2025 = { from: '2025-01-01', to: '2025-12-31' };

/** Inserts a row, filling every other NOT NULL column without a default with '' or 0. */
function insert(sqlite: SqliteDatabase.Database, table: string, values: Record<string, unknown>): string {
  const row: Record<string, unknown> = { id: randomUUID(), created_at: '2025-01-01T00:00:00.000Z', updated_at: '2025-01-01T00:00:00.000Z', ...values };
  const columns = sqlite.prepare(`pragma table_info(${table})`).all() as { name: string; type: string; notnull: number; dflt_value: unknown }[];
  for (const c of columns) {
    if (!(c.name in row) && c.notnull && c.dflt_value === null) row[c.name] = /int|real/i.test(c.type) ? 0 : '';
  }
  const names = Object.keys(row).filter((k) => columns.some((c) => c.name === k));
  sqlite.prepare(`insert into ${table} (${names.map((n) => `"${n}"`).join(', ')}) values (${names.map(() => '?').join(', ')})`).run(...names.map((n) => row[n] as never));
  return row['id'] as string;
}

let backend: Backend;
const orgs: Record<string, string> = {};
const meetings: Record<string, string> = {};

async function organization(name: string, sector: 'nonprofit' | 'community', changes: [string, string][]): Promise<void> {
  const org = await ok(backend, 'organizations.create', organizationInput(name, { sector, type: sector === 'nonprofit' ? 'advocacy_group' : 'faith_based', stage: 'identified' }));
  orgs[name] = org.id;
  await backend.bulkLoad((sqlite) => {
    sqlite.prepare('delete from organization_stage_changes where organization_id = ?').run(org.id);
    for (const [stage, on] of changes) insert(sqlite, 'organization_stage_changes', { organization_id: org.id, stage, changed_on: on });
  });
}

async function meeting(title: string, startsAt: string, timeZone: string, present: number, absent: number, status: 'scheduled' | 'cancelled' = 'scheduled'): Promise<void> {
  const end = new Date(Date.parse(startsAt) + 3_600_000).toISOString();
  const created = await ok(backend, 'meetings.create', { type: 'assembly', title, startsAt, endsAt: end, timeZone, location: '', videoUrl: '', organizerPersonId: null, workingGroupId: null, status });
  meetings[title] = created.id;
  const people = [];
  for (let i = 0; i < present + absent; i++) people.push((await ok(backend, 'people.create', personInput({ name: `${title} guest ${i}`, email: '' }))).id);
  await ok(backend, 'meetings.invite', { meetingId: created.id, personIds: people });
  if (present > 0) await ok(backend, 'meetings.respond', { meetingId: created.id, personIds: people.slice(0, present), attendance: 'present' });
  if (absent > 0) await ok(backend, 'meetings.respond', { meetingId: created.id, personIds: people.slice(present), attendance: 'absent' });
}

let cleanup: () => Promise<void>;
afterAll(() => cleanup());

beforeAll(async () => {
  const opened = await openTestBackend();
  backend = opened.backend;
  cleanup = () => opened.cleanup();
  // Members: A since March; B joined at the end of June and left in September; C joined on the
  // year's last day; D on the next year's first.
  await organization('Alder Trust', 'nonprofit', [['identified', '2025-01-01'], ['member', '2025-03-10']]);
  await organization('Birch Collective', 'community', [['engaged', '2025-02-01'], ['member', '2025-06-30'], ['inactive', '2025-09-01']]);
  await organization('Cedar Church', 'community', [['member', '2025-12-31']]);
  await organization('Dogwood Network', 'nonprofit', [['member', '2026-01-01']]);

  // Meetings: 23:30 on New Year's Eve in New York is 2026 in UTC but 2025 on the meeting's day.
  await meeting('Year-end assembly', '2026-01-01T04:30:00Z', 'America/New_York', 2, 1);
  await meeting('New Year assembly', '2026-01-01T10:00:00Z', 'UTC', 1, 0);
  await meeting('Cancelled assembly', '2025-06-01T16:00:00Z', 'UTC', 3, 0, 'cancelled');

  await backend.bulkLoad((sqlite) => {
    // Policy: two wins in 2025 (one enacted on the last day), an opposed bill, one not enacted, one enacted in 2026.
    const bill = (identifier: string, position: string, history: [string, string][], allocations: [number, string][] = []) => {
      const last = history[history.length - 1] ?? ['introduced', '2025-01-01'];
      const billId = insert(sqlite, 'bills', { identifier, title: `Bill ${identifier}`, kind: 'bill', level: 'state', status: last[0], status_on: last[1], position });
      for (const [status, on] of history) insert(sqlite, 'bill_status_changes', { bill_id: billId, status, changed_on: on });
      for (const [amount, currency] of allocations) insert(sqlite, 'funding_allocations', { bill_id: billId, amount, currency, program: 'Clinics', fiscal_year: 'FY2026' });
      return billId;
    };
    bill('SB 1', 'support', [['introduced', '2025-01-10'], ['enacted', '2025-03-01']], [[1_000_000, 'USD'], [50_000, 'EUR']]);
    bill('SB 2', 'support_if_amended', [['introduced', '2025-02-01'], ['enacted', '2025-12-31']], [[200_000, 'USD']]);
    bill('SB 3', 'oppose', [['enacted', '2025-05-01']], [[7, 'USD']]);
    bill('SB 4', 'support', [['passed_both', '2025-06-01']], [[9, 'USD']]);
    bill('SB 5', 'support', [['enacted', '2026-01-01']], [[11, 'USD']]);

    // Campaigns: one active in the first half of 2025, one undated in planning, one won in 2024.
    const c1 = insert(sqlite, 'campaigns', { name: 'Fund the clinics', status: 'active', starts_on: '2025-01-01', ends_on: '2025-06-30' });
    insert(sqlite, 'campaigns', { name: 'Housing first', status: 'planning' });
    insert(sqlite, 'campaigns', { name: 'Old win', status: 'won', starts_on: '2024-01-01', ends_on: '2024-12-31' });
    // Events: reach recorded (300), only attendance (80), neither (left out).
    const event = (title: string, startsAt: string, reached: number | null, attendance: number | null) =>
      insert(sqlite, 'public_events', { campaign_id: c1, kind: 'rally', title, starts_at: startsAt, ends_at: new Date(Date.parse(startsAt) + 3_600_000).toISOString(), time_zone: 'UTC', people_reached: reached, attendance });
    event('Spring rally', '2025-05-01T15:00:00.000Z', 300, 120);
    event('Town hall', '2025-05-02T15:00:00.000Z', null, 80);
    event('Unrecorded rally', '2025-05-03T15:00:00.000Z', null, null);
    // Grassroots: 120 letters and 30 calls in 2025, 5 visits on 2026-01-01.
    insert(sqlite, 'grassroots_actions', { campaign_id: c1, kind: 'letter', count: 120, action_on: '2025-02-01', district: '4' });
    insert(sqlite, 'grassroots_actions', { campaign_id: c1, kind: 'call', count: 30, action_on: '2025-12-31' });
    insert(sqlite, 'grassroots_actions', { campaign_id: c1, kind: 'visit', count: 5, action_on: '2026-01-01' });

    // Money: a USD fundraising campaign (goal 10,000.00) for 2025; payments of 100.50 and 200.00 USD
    // and 50.00 EUR in 2025, 999.00 USD on 2026-01-01.
    const fund = insert(sqlite, 'fundraising_campaigns', { name: 'Clinic fund', purpose: 'advocacy_campaign', goal_minor: 1_000_000, currency: 'USD', starts_on: '2025-01-01', ends_on: '2025-12-31' });
    const contribution = (currency: string) =>
      insert(sqlite, 'contributions', { fundraising_campaign_id: fund, contributor_type: 'individual', contributor_name: 'Rosa Díaz', pledged_minor: 100_000, currency, pledged_on: '2025-01-01', restricted: 0 });
    const usd = contribution('USD');
    const eur = contribution('EUR');
    for (const [c, minor, currency, on] of [[usd, 10_050, 'USD', '2025-01-01'], [usd, 20_000, 'USD', '2025-12-31'], [usd, 99_900, 'USD', '2026-01-01'], [eur, 5_000, 'EUR', '2025-06-01']] as const) {
      insert(sqlite, 'contribution_payments', { contribution_id: c, amount_minor: minor, currency, received_on: on });
    }

    // Trainings: two held in April 2025, one cancelled.
    const training = (title: string, startsAt: string, status: string) => {
      const meetingId = insert(sqlite, 'meetings', { type: 'training', title, starts_at: startsAt, ends_at: new Date(Date.parse(startsAt) + 3_600_000).toISOString(), time_zone: 'UTC', status });
      insert(sqlite, 'trainings', { meeting_id: meetingId, title, topic: 'public_speaking', format: 'in_person', starts_at: startsAt, status });
    };
    training('Speaking 101', '2025-04-01T15:00:00.000Z', 'scheduled');
    training('Speaking 102', '2025-04-02T15:00:00.000Z', 'cancelled');
    training('Media 101', '2025-04-03T15:00:00.000Z', 'scheduled');
    // Media: a press release published in March 2025 (reach 1,000), one in 2026, one approved but not
    // published; coverage with a reach of 5,000 and one without a recorded reach.
    insert(sqlite, 'outreach_items', { kind: 'press_release', title: 'Clinics report', status: 'published', date: '2025-03-01', reach: 1000 });
    insert(sqlite, 'outreach_items', { kind: 'op_ed', title: 'New year op-ed', status: 'published', date: '2026-01-01', reach: 400 });
    insert(sqlite, 'outreach_items', { kind: 'social_post', title: 'Draft post', status: 'approved', date: '2025-04-01', reach: 50 });
    insert(sqlite, 'coverage_entries', { outlet_name: 'Harbor Times', headline: 'Clinics win', published_on: '2025-05-01', reach: 5000, tone: 'positive' });
    insert(sqlite, 'coverage_entries', { outlet_name: 'Radio 9', headline: 'Interview', published_on: '2025-05-02', reach: null, tone: 'neutral' });
    // Assistance: resolved in July 2025 (counts), closed (does not), resolved on 2026-01-01 (next year).
    const request = (status: string, resolvedOn: string | null) =>
      insert(sqlite, 'ta_requests', { organization_id: orgs['Alder Trust'], category: 'legal', description: 'Lease review', urgency: 'low', status, opened_on: '2025-06-01', resolved_on: resolvedOn, hours_spent: 2 });
    request('resolved', '2025-07-01');
    request('closed', '2025-07-02');
    request('resolved', '2026-01-01');
  });
});

async function figure(key: string, period = Y2025) {
  return (await ok(backend, 'metrics.get', { id: id(key), ...period, grain: 'quarter' })).total;
}

async function drill(key: string, period = Y2025, part?: string) {
  return (await ok(backend, 'metrics.drill', { metricId: id(key), ...period, ...(part ? { part } : {}) })).rows;
}

describe('derived metrics', () => {
  it('members by sector: the members on the last day of the period, from the stage history', async () => {
    expect(await figure('members')).toEqual({ value: 2, parts: [{ key: 'community', label: 'Community & grassroots', value: 1 }, { key: 'nonprofit', label: 'Nonprofit', value: 1 }] });
    expect((await figure('members', { from: '2026-01-01', to: '2026-01-01' })).value).toBe(3);
    const series = (await ok(backend, 'metrics.get', { id: id('members'), ...Y2025, grain: 'quarter' })).series;
    // Q2 ends on the day B joined; B's leaving on 1 September ends it before Q3's last day.
    expect(series.map((p) => [p.period, p.value])).toEqual([['2025-Q1', 1], ['2025-Q2', 2], ['2025-Q3', 1], ['2025-Q4', 2]]);
    const community = await drill('members', Y2025, 'community');
    expect(community.map((r) => [r.label, r.date, r.detail, r.route])).toEqual([['Cedar Church', '2025-12-31', 'Joined in the period', `/directory/organizations/${orgs['Cedar Church']}`]]);
  });

  it('attendance at meetings: present invitees on the meeting’s own day, cancelled meetings left out', async () => {
    expect((await figure('meeting_attendance')).value).toBe(2);
    expect((await figure('meeting_attendance', { from: '2026-01-01', to: '2026-01-31' })).value).toBe(1);
    expect((await drill('meeting_attendance')).map((r) => [r.label, r.date, r.value, r.route])).toEqual([['Year-end assembly', '2025-12-31', 2, `/meetings/${meetings['Year-end assembly']}`]]);
  });

  it('policy wins and funding won: supported bills enacted in the period, allocations per currency never added', async () => {
    expect((await figure('policy_wins')).value).toBe(2);
    expect((await drill('policy_wins')).map((r) => [r.label, r.date])).toEqual([['SB 2 — Bill SB 2', '2025-12-31'], ['SB 1 — Bill SB 1', '2025-03-01']]);
    expect(await figure('funding_won')).toEqual({ value: null, parts: [{ key: 'USD', label: 'USD', value: 1_200_000 }, { key: 'EUR', label: 'EUR', value: 50_000 }] });
    // One currency alone is its value.
    expect(await figure('funding_won', { from: '2025-12-01', to: '2025-12-31' })).toEqual({ value: 200_000, parts: [{ key: 'USD', label: 'USD', value: 200_000 }] });
    expect((await drill('funding_won', Y2025, 'EUR')).map((r) => [r.value, r.part])).toEqual([[50_000, 'EUR']]);
  });

  it('people reached by events, grassroots actions and campaigns under way', async () => {
    expect(await figure('event_reach')).toEqual({ value: 380, parts: [{ key: 'rally', label: 'Rally', value: 380 }] });
    expect((await drill('event_reach')).map((r) => [r.label, r.value, r.detail])).toEqual([['Town hall', 80, '80 attended'], ['Spring rally', 300, '300 reached']]);
    expect(await figure('grassroots_actions')).toEqual({ value: 150, parts: [{ key: 'letter', label: 'Letters', value: 120 }, { key: 'call', label: 'Calls', value: 30 }] });
    expect((await figure('grassroots_actions', { from: '2026-01-01', to: '2026-12-31' })).value).toBe(5);
    expect(await figure('campaigns')).toEqual({ value: 2, parts: [{ key: 'active', label: 'Active', value: 1 }, { key: 'planning', label: 'Planning', value: 1 }] });
    expect((await figure('campaigns', { from: '2025-07-01', to: '2025-12-31' })).value).toBe(1);
  });

  it('media items published and media reach (coverage and published items)', async () => {
    expect(await figure('media_published')).toEqual({ value: 1, parts: [{ key: 'press_release', label: 'Press releases', value: 1 }] });
    expect(await figure('media_reach')).toEqual({ value: 6000, parts: [{ key: 'coverage', label: 'Coverage earned', value: 5000 }, { key: 'published', label: 'Items published', value: 1000 }] });
    expect((await drill('media_reach')).map((r) => [r.label, r.value, r.route])).toEqual([['Clinics win', 5000, '/media/coverage'], ['Clinics report', 1000, '/media']]);
  });

  it('money raised per currency, trainings delivered and assistance resolved', async () => {
    expect(await figure('money_raised')).toEqual({ value: null, parts: [{ key: 'USD', label: 'USD', value: 300.5 }, { key: 'EUR', label: 'EUR', value: 50 }] });
    expect(await figure('money_raised', { from: '2026-01-01', to: '2026-01-01' })).toEqual({ value: 999, parts: [{ key: 'USD', label: 'USD', value: 999 }] });
    expect((await drill('money_raised', Y2025, 'USD')).map((r) => [r.label, r.date, r.value])).toEqual([['Rosa Díaz', '2025-12-31', 200], ['Rosa Díaz', '2025-01-01', 100.5]]);
    expect((await figure('trainings_delivered')).value).toBe(2);
    expect((await figure('assistance_resolved')).value).toBe(1);
    expect((await drill('assistance_resolved')).map((r) => [r.label, r.date])).toEqual([['Alder Trust', '2025-07-01']]);
  });

  it('the dashboard’s headlines are each metric’s own figure for the period, with the year’s target', async () => {
    await ok(backend, 'metrics.setTargets', { metricId: id('policy_wins'), targets: [{ period: '2025', value: 3 }, { period: '2025-Q1', value: 1 }] });
    const dashboard = await ok(backend, 'metrics.dashboard', Y2025);
    expect(dashboard.grain).toBe('month');
    for (const headline of dashboard.headlines) {
      if (!headline.available) continue;
      const own = await figure(headline.key ?? '');
      expect({ key: headline.key, value: headline.value, parts: headline.parts }).toEqual({ key: headline.key, value: own.value, parts: own.parts });
    }
    expect(dashboard.headlines.find((h) => h.key === 'policy_wins')).toMatchObject({ value: 2, target: 3 });
    expect(dashboard.series['policy_wins']?.filter((p) => p.value).map((p) => p.period)).toEqual(['2025-03', '2025-12']);
    expect(dashboard.fundraising).toEqual([
      { currency: 'EUR', raised: 50, goal: null },
      { currency: 'USD', raised: 300.5, goal: 10_000 },
    ]);
    // Targets against actuals: the quarter's target on its quarter, months have none.
    const quarterly = await ok(backend, 'metrics.dashboard', { ...Y2025, grain: 'quarter' });
    const wins = quarterly.targets.find((t) => t.key === 'policy_wins');
    expect(wins?.points.map((p) => [p.period, p.value, p.target])).toEqual([['2025-Q1', 1, 1], ['2025-Q2', 0, null], ['2025-Q3', 0, null], ['2025-Q4', 1, null]]);
  });
});
