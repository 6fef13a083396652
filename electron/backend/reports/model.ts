import type { Dashboard, DerivedKey, DrillRow, SeriesPoint } from '@shared/metrics/contract';
import { MEETING_TYPES, type MeetingType } from '@shared/meetings/contract';
import { parseNarrative, type NarrativeBlock } from '@shared/reports/narrative';
import { addDays, periodContaining, periodDays, periodLabel, type Period } from '@shared/reports/period';
import { REPORT_SECTIONS, type Audience, type Headline, type ReportSection } from '@shared/reports/contract';
import { ORGANIZATION_TYPES, SECTORS, type OrganizationType, type Sector } from '@shared/taxonomy';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { localDate } from '../meetings/common';
import { dashboardData, drillDown } from '../metrics/dashboard';
import type { ChartSeries, ChartSpec } from '../pdf/charts';
import { compact } from '../pdf/charts';
import type { TableColumn } from '../pdf/table';
import { usableStories, type UsableStory } from '../stories/usable';
import { listFundraising } from '../resources/fundraising';
import { listGrants } from '../resources/grants';
import { listInKind } from '../resources/inKind';
import { formatMoney } from '@shared/resources/money';
import { IN_KIND_KINDS } from '@shared/resources/contract';

// What an impact report says for a period and an audience, gathered once and printed by
// impact.ts (and summarized by the editor's preview). The headline figures, the series behind
// the charts and the records behind each figure all come from the metrics domain's dashboard
// (`dashboardData`, `drillDown`): the report and the dashboard can never disagree. The sections
// that need more read it from the areas that keep it: meetings by type, usable stories (the
// stories domain's consent rule) and the member organizations.

export interface ModelTable {
  title: string;
  columns: readonly TableColumn[];
  rows: string[][];
  empty: string;
  /** "…and 12 more." when the list was cut. */
  more: string | null;
  /** A long list printed compactly: one line per row (its cells joined), in columns, without a grid. */
  compact?: boolean;
}

export interface SectionModel {
  section: ReportSection;
  heading: string;
  /** One sentence on what the section holds (the editor's preview line, and the section's first line). */
  summary: string;
  hasData: boolean;
  figures: Headline[];
  charts: ChartSpec[];
  tables: ModelTable[];
  narrative: NarrativeBlock[];
  stories: UsableStory[];
}

export interface ImpactModel {
  period: Period;
  periodLabel: string;
  audience: Audience;
  headlines: Headline[];
  sections: SectionModel[];
}

type Db = Kysely<Database>;

/** Per section: the dashboard figures it prints, charts, and lists of records (the drill-down). */
const SECTION_KEYS: Partial<Record<ReportSection, { figures: DerivedKey[]; charts: DerivedKey[]; tables: DerivedKey[] }>> = {
  activities: { figures: ['meeting_attendance', 'event_reach', 'trainings_delivered'], charts: ['meeting_attendance', 'event_reach'], tables: ['event_reach'] },
  successes: { figures: ['policy_wins', 'funding_won', 'campaigns'], charts: ['policy_wins', 'funding_won', 'campaigns'], tables: ['policy_wins', 'funding_won', 'campaigns'] },
  engagement: { figures: ['media_published', 'media_reach', 'event_reach', 'grassroots_actions'], charts: ['media_published', 'media_reach', 'grassroots_actions'], tables: ['media_published'] },
  capacity: { figures: ['trainings_delivered', 'assistance_resolved'], charts: ['trainings_delivered', 'assistance_resolved'], tables: ['trainings_delivered', 'assistance_resolved'] },
  resources: { figures: ['money_raised'], charts: ['money_raised'], tables: ['money_raised'] },
  members: { figures: ['members'], charts: ['members'], tables: [] },
};

/** What a section says when the period has nothing for it. */
export const NO_DATA: Record<ReportSection, (period: string) => string> = {
  summary: (p) => `No figures were recorded for ${p}.`,
  activities: (p) => `No meetings, events or trainings were recorded for ${p}.`,
  successes: (p) => `No policy wins, funding allocations or campaigns were recorded for ${p}.`,
  engagement: (p) => `No media coverage, events or grassroots actions were recorded for ${p}.`,
  capacity: (p) => `No trainings or technical assistance were recorded for ${p}.`,
  resources: (p) => `No money, grants or in-kind support were recorded for ${p}.`,
  stories: () => 'No stories may be printed in this report: none has consent covering reports on the report’s date.',
  challenges: () => 'No challenges were written for this report.',
  nextSteps: () => 'No next steps were written for this report.',
  members: () => 'The coalition has no member organizations recorded.',
};

/** Stocks (a count at a date) are drawn as lines; flows as bars. */
const STOCKS: ReadonlySet<DerivedKey> = new Set(['members', 'campaigns', 'media_reach']);
const MONEY_UNITS = new Set(['money', 'amount']);

/** How many records a list shows per audience (funders see the resources in full). */
function listLimit(audience: Audience, key: DerivedKey): number {
  if (key === 'money_raised' || key === 'funding_won') return audience === 'funders' ? 500 : audience === 'members' ? 10 : 0;
  return audience === 'public' ? 10 : 25;
}

const MEMBER_LIST_LIMIT = 1000;
const STORY_LIMIT = 8;

export function formatNumber(value: number): string {
  return value.toLocaleString('en', { maximumFractionDigits: 2 });
}

/** A headline as printed: "12", "48,500 USD", "12,000 USD · 3,000 EUR", or "None recorded". */
export function figureDisplay(figure: { value: number | null; parts: readonly { key: string; label: string; value: number }[] }, unit: string): string {
  if (MONEY_UNITS.has(unit)) {
    if (figure.parts.length > 0) return figure.parts.map((p) => `${formatNumber(p.value)} ${p.label}`).join(' · ');
    return figure.value === null || figure.value === 0 ? 'None recorded' : formatNumber(figure.value);
  }
  if (figure.value === null) return figure.parts.length > 0 ? figure.parts.map((p) => `${formatNumber(p.value)} ${p.label}`).join(' · ') : 'None recorded';
  return formatNumber(figure.value);
}

function hasFigure(h: Pick<Headline, 'value'> & { parts?: readonly unknown[] }): boolean {
  return (h.value !== null && h.value !== 0) || (h.parts?.length ?? 0) > 0;
}

/** The dashboard's headline figures for the period, as the report prints them (the areas not built yet left out). */
export function headlinesOf(dashboard: Dashboard): (Headline & { parts: Dashboard['headlines'][number]['parts']; metricId: string; dKey: DerivedKey | null })[] {
  return dashboard.headlines
    .filter((h) => h.available)
    .map((h) => ({ key: h.key ?? h.metricId, label: h.name, value: h.value, unit: h.unit, display: figureDisplay(h, h.unit), parts: h.parts, metricId: h.metricId, dKey: h.key }));
}

/**
 * The dashboard for the report's period (THE headline numbers) and, for charts, the series over
 * at least six months: a month's report draws the six months up to its end, so a chart is a trend
 * rather than one bar.
 */
export async function reportDashboards(db: Db, period: Period): Promise<{ figures: Dashboard; trend: Dashboard; trendLabel: string | null }> {
  const figures = await dashboardData(db, { from: period.from, to: period.to });
  if (periodDays(period.from, period.to) >= 85) return { figures, trend: figures, trendLabel: null };
  const from = periodContaining('month', addDays(periodContaining('month', period.to).from, -150)).from;
  const trend = await dashboardData(db, { from, to: period.to, grain: 'month' });
  return { figures, trend, trendLabel: 'the six months to the period’s end' };
}

function seriesChart(name: string, unit: string, key: DerivedKey, points: readonly SeriesPoint[], trendLabel: string | null): ChartSpec {
  const title = trendLabel ? `${name} (${trendLabel})` : name;
  const categories = points.map((p) => p.label);
  const money = MONEY_UNITS.has(unit);
  const format = (v: number) => (money ? compact(v) : formatNumber(v));
  const partKeys = [...new Set(points.flatMap((p) => p.parts.map((part) => part.key)))];
  const partLabel = new Map(points.flatMap((p) => p.parts.map((part) => [part.key, part.label] as const)));
  const hasTarget = points.some((p) => p.target !== null);
  if (hasTarget) {
    return {
      kind: 'line',
      title: `${title}: actual and target`,
      categories,
      format,
      series: [
        { name: 'Actual', values: points.map((p) => p.value) },
        { name: 'Target', values: points.map((p) => p.target), dashed: true },
      ],
    };
  }
  if ((partKeys.length > 1 && !STOCKS.has(key)) || (money && partKeys.length > 0)) {
    // Parts: currencies side by side (never added), other parts stacked (the top five and the rest).
    const ranked = partKeys
      .map((k) => ({ k, total: points.reduce((sum, p) => sum + (p.parts.find((part) => part.key === k)?.value ?? 0), 0) }))
      .sort((a, b) => b.total - a.total)
      .map((x) => x.k);
    const shown = money ? ranked.slice(0, 6) : ranked.slice(0, 5);
    const rest = money ? [] : ranked.slice(5);
    const series: ChartSeries[] = shown.map((k) => ({ name: partLabel.get(k) ?? k, values: points.map((p) => p.parts.find((part) => part.key === k)?.value ?? 0) }));
    if (rest.length > 0) series.push({ name: 'Other', values: points.map((p) => p.parts.filter((part) => rest.includes(part.key)).reduce((s, part) => s + part.value, 0)) });
    return { kind: 'bar', title, categories, series, stacked: !money, format };
  }
  // A stock's line is its total (its parts are drawn as a donut where the section wants them).
  const values = points.map((p) => p.value ?? (p.parts.length > 0 ? p.parts.reduce((sum, part) => sum + part.value, 0) : null));
  if (STOCKS.has(key)) return { kind: 'line', title: partKeys.length > 0 ? `${title}: all together` : title, categories, series: [{ name, values }], format };
  return { kind: 'bar', title, categories, series: [{ name, values: values.map((v) => v ?? 0) }], format };
}

function drillTable(name: string, unit: string, rows: readonly DrillRow[], limit: number, empty: string): ModelTable {
  const money = MONEY_UNITS.has(unit);
  const shown = rows.slice(0, limit);
  return {
    title: name,
    columns: [
      { header: 'Date', width: 0.9 },
      { header: 'Record', width: 2.6 },
      { header: 'Detail', width: 2.2 },
      { header: money ? 'Amount' : 'Count', width: 1, align: 'right' },
    ],
    rows: shown.map((r) => [r.date ?? '', r.label, r.detail, r.value === null ? '' : `${formatNumber(r.value)}${money && r.part ? ` ${r.part}` : ''}`]),
    empty,
    more: rows.length > shown.length ? `…and ${formatNumber(rows.length - shown.length)} more.` : null,
  };
}

/** The period's meetings held (not cancelled), by type, with how many were present; on each meeting's own day. */
export async function meetingsHeld(db: Db, period: Period): Promise<{ id: string; on: string; title: string; type: MeetingType; present: number }[]> {
  const rows = await db
    .selectFrom('meetings as m')
    .leftJoin('meeting_invitees as i', (join) => join.onRef('i.meeting_id', '=', 'm.id').on('i.attendance', '=', 'present'))
    .select(['m.id', 'm.title', 'm.type', 'm.starts_at', 'm.time_zone', (eb) => eb.fn.count<number>('i.id').as('present')])
    .where('m.starts_at', '>=', `${addDays(period.from, -1)}T00:00:00.000Z`)
    .where('m.starts_at', '<', `${addDays(period.to, 2)}T00:00:00.000Z`)
    .where('m.status', '=', 'scheduled')
    .groupBy('m.id')
    .orderBy('m.starts_at')
    .execute();
  return rows
    .map((r) => ({ id: r.id, on: localDate(r.starts_at, r.time_zone), title: r.title, type: r.type as MeetingType, present: Number(r.present) }))
    .filter((m) => m.on >= period.from && m.on <= period.to);
}

/** Meeting types open to the public: a public report names these and counts the others. */
export const PUBLIC_MEETING_TYPES: ReadonlySet<MeetingType> = new Set(['town_hall', 'assembly', 'training']);

export interface ModelInput {
  period: Period;
  audience: Audience;
  /** The report's date: stories are printed only where consent covers reports on it. */
  day: string;
  sections: readonly ReportSection[];
  challengesMd: string;
  nextStepsMd: string;
}

export async function impactModel(db: Db, input: ModelInput): Promise<ImpactModel> {
  const { period, audience } = input;
  const label = periodLabel(period);
  const { figures, trend, trendLabel } = await reportDashboards(db, period);
  const headlines = headlinesOf(figures);
  const byKey = new Map(headlines.filter((h) => h.dKey).map((h) => [h.dKey as DerivedKey, h]));
  const publicHeadline = (h: (typeof headlines)[number]): Headline => ({ key: h.key, label: h.label, value: h.value, display: h.display, unit: h.unit });
  const sections: SectionModel[] = [];

  for (const section of input.sections) {
    const base: SectionModel = { section, heading: REPORT_SECTIONS[section], summary: '', hasData: false, figures: [], charts: [], tables: [], narrative: [], stories: [] };
    const keys = SECTION_KEYS[section];
    if (section === 'summary') {
      base.figures = headlines.map(publicHeadline);
      base.hasData = headlines.some(hasFigure);
      base.summary = base.hasData ? `${headlines.filter(hasFigure).length} of ${headlines.length} figures have values for ${label}.` : NO_DATA.summary(label);
    } else if (keys) {
      const present = keys.figures.map((k) => byKey.get(k)).filter((h): h is NonNullable<typeof h> => h !== undefined);
      base.figures = present.map(publicHeadline);
      for (const key of keys.charts) {
        const h = byKey.get(key);
        const points = trend.series[key];
        // A chart with nothing to draw is left out (the figures above already say 0).
        if (h && points && points.some((p) => hasFigure(p))) base.charts.push(seriesChart(h.label, h.unit, key, points, trendLabel));
      }
      for (const key of keys.tables) {
        const h = byKey.get(key);
        const limit = listLimit(audience, key);
        if (!h || limit === 0) continue;
        const rows = await drillDown(db, { metricId: h.metricId, from: period.from, to: period.to });
        if (rows.length === 0) continue;
        base.tables.push(drillTable(h.label, h.unit, rows, limit, `Nothing recorded for ${label}.`));
      }
      base.hasData = present.some(hasFigure) || base.tables.some((t) => t.rows.length > 0);
      if (section === 'activities') await activities(db, base, period, audience);
      if (section === 'members') await members(db, base, audience, byKey.get('members'));
      if (section === 'resources') await resources(db, base, period, audience);
      const said = [base.summary, ...present.filter(hasFigure).map((h) => `${h.label}: ${h.display}`)].filter(Boolean).join('; ');
      base.summary = base.hasData ? `${said || 'Recorded'}.` : NO_DATA[section](label);
    } else if (section === 'stories') {
      base.stories = (await usableStories(db, { use: 'reports', day: input.day })).slice(0, STORY_LIMIT);
      base.hasData = base.stories.length > 0;
      base.summary = base.hasData ? `${base.stories.length} ${base.stories.length === 1 ? 'story' : 'stories'} with consent covering reports on ${input.day}.` : NO_DATA.stories(label);
    } else {
      const source = section === 'challenges' ? input.challengesMd : input.nextStepsMd;
      base.narrative = parseNarrative(source);
      base.hasData = base.narrative.length > 0;
      base.summary = base.hasData ? `${source.trim().split(/\s+/).length} words.` : NO_DATA[section](label);
    }
    sections.push(base);
  }
  return { period, periodLabel: label, audience, headlines: headlines.map(publicHeadline), sections };
}

async function activities(db: Db, model: SectionModel, period: Period, audience: Audience): Promise<void> {
  const held = await meetingsHeld(db, period);
  if (held.length === 0) return;
  model.hasData = true;
  const byType = new Map<MeetingType, number>();
  for (const m of held) byType.set(m.type, (byType.get(m.type) ?? 0) + 1);
  model.charts.unshift({
    kind: 'donut',
    title: 'Meetings held, by type',
    centerLabel: held.length === 1 ? 'meeting' : 'meetings',
    slices: [...byType].sort((a, b) => b[1] - a[1]).map(([type, count]) => ({ label: MEETING_TYPES[type], value: count })),
  });
  const listed = audience === 'public' ? held.filter((m) => PUBLIC_MEETING_TYPES.has(m.type)) : held;
  model.tables.unshift({
    title: audience === 'public' ? 'Public meetings held' : 'Meetings held',
    columns: [
      { header: 'Date', width: 0.9 },
      { header: 'Meeting', width: 3.2 },
      { header: 'Type', width: 1.6 },
      { header: 'Present', width: 0.8, align: 'right' },
    ],
    rows: listed.slice(0, 40).map((m) => [m.on, m.title, MEETING_TYPES[m.type], String(m.present)]),
    empty: 'No public meetings were held in this period.',
    more: listed.length > 40 ? `…and ${formatNumber(listed.length - 40)} more.` : null,
  });
  model.summary = `${held.length} ${held.length === 1 ? 'meeting' : 'meetings'} held`;
}

async function members(db: Db, model: SectionModel, audience: Audience, headline: { parts: readonly { key: string; label: string; value: number }[] } | undefined): Promise<void> {
  if (headline && headline.parts.length > 0) {
    model.charts.unshift({ kind: 'donut', title: 'Members by sector', centerLabel: 'members', slices: headline.parts.map((p) => ({ label: p.label, value: p.value })) });
  }
  const rows = await db
    .selectFrom('organizations')
    .select(['name', 'sector', 'type', 'city', 'email', 'phone', 'website'])
    .where('stage', '=', 'member')
    .orderBy('name')
    .limit(MEMBER_LIST_LIMIT + 1)
    .execute();
  const total = Number((await db.selectFrom('organizations').select((eb) => eb.fn.countAll<number>().as('n')).where('stage', '=', 'member').executeTakeFirst())?.n ?? 0);
  const contacts = audience === 'members';
  const typeLabel = (sector: string, type: string) => ORGANIZATION_TYPES[type as OrganizationType]?.label ?? SECTORS[sector as Sector] ?? sector;
  model.tables.push({
    title: contacts ? 'Member organizations and their contacts' : 'Member organizations',
    columns: contacts
      ? [
          { header: 'Organization', width: 2 },
          { header: 'Type', width: 1.4 },
          { header: 'City', width: 0.9 },
          { header: 'Email', width: 2.2 },
          { header: 'Phone', width: 1.1 },
        ]
      : [
          { header: 'Organization', width: 2.6 },
          { header: 'Type', width: 2 },
          { header: 'City', width: 1.2 },
        ],
    rows: rows.slice(0, MEMBER_LIST_LIMIT).map((o) => (contacts ? [o.name, typeLabel(o.sector, o.type), o.city, o.email, o.phone] : [o.name, typeLabel(o.sector, o.type), o.city])),
    empty: NO_DATA.members(''),
    compact: true,
    more: total > MEMBER_LIST_LIMIT ? `…and ${formatNumber(total - MEMBER_LIST_LIMIT)} more member organizations.` : null,
  });
  model.hasData = model.hasData || total > 0;
  if (total > 0) model.summary = `${formatNumber(total)} member ${total === 1 ? 'organization' : 'organizations'}`;
}

/**
 * The resources section beyond the money raised: fundraising campaigns of the period against
 * their goals (a chart), in-kind support given in the period (totals by kind; every gift for
 * funders) and, for funders, the grants awarded. Read through the resources domain's own lists.
 */
async function resources(db: Db, model: SectionModel, period: Period, audience: Audience): Promise<void> {
  const ctx = { db };
  const campaigns = (await listFundraising(ctx)).filter((c) => (c.startsOn === null || c.startsOn <= period.to) && (c.endsOn === null || c.endsOn >= period.from) && c.progress.goalMinor > 0);
  if (campaigns.length > 0) {
    model.hasData = true;
    const currencies = new Set(campaigns.map((c) => c.progress.currency));
    const currency = currencies.size === 1 ? [...currencies][0] ?? '' : '';
    model.charts.push({
      kind: 'hbar',
      title: `Fundraising: share of the goal received${currency ? ` (${currency})` : ''}`,
      categories: campaigns.slice(0, 8).map((c) => c.name),
      series: [{ name: 'Received', values: campaigns.slice(0, 8).map((c) => Math.round((c.progress.receivedMinor / c.progress.goalMinor) * 100)) }],
      format: (v) => `${v}%`,
    });
    model.tables.push({
      title: 'Fundraising campaigns',
      columns: [
        { header: 'Campaign', width: 2.6 },
        { header: 'Goal', width: 1.2, align: 'right' },
        { header: 'Pledged', width: 1.2, align: 'right' },
        { header: 'Received', width: 1.2, align: 'right' },
      ],
      rows: campaigns.map((c) => [c.name, formatMoney(c.progress.goalMinor, c.progress.currency, 'en'), formatMoney(c.progress.pledgedMinor, c.progress.currency, 'en'), formatMoney(c.progress.receivedMinor, c.progress.currency, 'en')]),
      empty: '',
      more: null,
    });
  }
  const gifts = (await listInKind(ctx)).filter((g) => g.givenOn >= period.from && g.givenOn <= period.to);
  if (gifts.length > 0) {
    model.hasData = true;
    const byKind = new Map<string, { count: number; hours: number }>();
    for (const g of gifts) {
      const seen = byKind.get(g.kind) ?? { count: 0, hours: 0 };
      byKind.set(g.kind, { count: seen.count + 1, hours: seen.hours + (g.hours ?? 0) });
    }
    model.charts.push({
      kind: 'donut',
      title: 'In-kind support, by kind',
      centerLabel: gifts.length === 1 ? 'gift' : 'gifts',
      slices: [...byKind].sort((a, b) => b[1].count - a[1].count).map(([kind, v]) => ({ label: IN_KIND_KINDS[kind as keyof typeof IN_KIND_KINDS] ?? kind, value: v.count })),
    });
    const value = (g: (typeof gifts)[number]) => (g.valueMinor !== null && g.currency ? formatMoney(g.valueMinor, g.currency, 'en') : '');
    model.tables.push(
      audience === 'funders'
        ? {
            title: 'In-kind support',
            columns: [
              { header: 'Date', width: 0.9 },
              { header: 'From', width: 1.8 },
              { header: 'Support', width: 2.6 },
              { header: 'Hours', width: 0.7, align: 'right' },
              { header: 'Value', width: 1, align: 'right' },
            ],
            rows: gifts.slice(0, 500).map((g) => [g.givenOn, g.contributor.name, `${IN_KIND_KINDS[g.kind]}${g.description ? `: ${g.description}` : ''}`, g.hours === null ? '' : formatNumber(g.hours), value(g)]),
            empty: '',
            more: gifts.length > 500 ? `…and ${formatNumber(gifts.length - 500)} more.` : null,
          }
        : {
            title: 'In-kind support',
            columns: [
              { header: 'Kind', width: 2.5 },
              { header: 'Gifts', width: 1, align: 'right' },
              { header: 'Hours', width: 1, align: 'right' },
            ],
            rows: [...byKind].map(([kind, v]) => [IN_KIND_KINDS[kind as keyof typeof IN_KIND_KINDS] ?? kind, formatNumber(v.count), formatNumber(v.hours)]),
            empty: '',
            more: null,
          },
    );
  }
  if (audience === 'funders') {
    const awarded = await listGrants(ctx, { statuses: ['awarded'] });
    if (awarded.length > 0) {
      model.hasData = true;
      model.tables.push({
        title: 'Grants awarded',
        columns: [
          { header: 'Grant', width: 2.6 },
          { header: 'Funder', width: 2 },
          { header: 'Awarded', width: 1.2, align: 'right' },
        ],
        rows: awarded.map((g) => [g.title, g.funder.name, g.awardedMinor === null ? '' : formatMoney(g.awardedMinor, g.currency, 'en')]),
        empty: '',
        more: null,
      });
    }
  }
}
