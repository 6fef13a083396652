import type { Kysely } from 'kysely';
import type { DerivedKey } from '@shared/metrics/contract';
import { MEETING_TYPES } from '@shared/meetings/contract';
import { defaultReportTitle, type Audience, type Digest, type DigestList } from '@shared/reports/contract';
import { addDays, nextPeriod, periodDays, periodLabel, type Period } from '@shared/reports/period';
import type { Database } from '../db/schema';
import { localDate } from '../meetings/common';
import { drillDown } from '../metrics/dashboard';
import { coalitionIdentity } from '../pdf/identity';
import { meetingsHeld, PUBLIC_MEETING_TYPES } from './model';
import { DIGEST_SOURCES } from './digestSources';

// The update digest: what happened in the period (meetings held, decisions, campaign milestones,
// wins, coverage) and what is coming after it (meetings, events, hearings, grant deadlines), with
// the coordinator's "how to get involved". The wins and coverage are the records behind the
// metrics dashboard's figures (drillDown), so the digest lists exactly what the figures count.
// Other areas add their dated records through DIGEST_SOURCES (digestSources.ts).

type Db = Kysely<Database>;

/** The most lines one list of the digest shows. */
const LIST_LIMIT = 25;

/**
 * What is coming: the next month after a month's digest, the next quarter after a quarter's; after
 * a year or a custom period as many days as it has, 30 at least and 92 at most.
 */
export function comingWindow(period: Period): Period {
  if (period.kind === 'month' || period.kind === 'quarter') return nextPeriod(period);
  const days = Math.min(92, Math.max(30, periodDays(period.from, period.to)));
  const from = addDays(period.to, 1);
  return { kind: 'custom', from, to: addDays(from, days - 1) };
}

async function metricRows(db: Db, key: DerivedKey, period: Period): Promise<DigestList['items']> {
  const metric = await db.selectFrom('metrics').select('id').where('key', '=', key).executeTakeFirst();
  if (!metric) return [];
  const rows = await drillDown(db, { metricId: metric.id, from: period.from, to: period.to });
  return rows.map((r) => ({ on: r.date ?? '', title: r.label, detail: r.detail }));
}

/** Earned coverage of the period from the media area's coverage log (headline and outlet). */
async function coverageIn(db: Db, period: Period): Promise<DigestList['items']> {
  const rows = await db
    .selectFrom('coverage_entries as c')
    .leftJoin('media_outlets as o', 'o.id', 'c.outlet_id')
    .select(['c.headline', 'c.outlet_name', 'o.name as outlet', 'c.published_on', 'c.reach'])
    .where('c.published_on', '>=', period.from)
    .where('c.published_on', '<=', period.to)
    .execute();
  return rows.map((r) => ({ on: r.published_on, title: r.headline, detail: [r.outlet ?? r.outlet_name, r.reach !== null ? `reach ${r.reach.toLocaleString('en')}` : ''].filter(Boolean).join(' · ') }));
}

async function upcomingMeetings(db: Db, window: Period, audience: Audience): Promise<DigestList['items']> {
  const rows = await db
    .selectFrom('meetings')
    .select(['id', 'title', 'type', 'starts_at', 'time_zone', 'location'])
    .where('starts_at', '>=', `${addDays(window.from, -1)}T00:00:00.000Z`)
    .where('starts_at', '<', `${addDays(window.to, 2)}T00:00:00.000Z`)
    .where('status', '=', 'scheduled')
    .orderBy('starts_at')
    .execute();
  return rows
    .map((m) => ({ ...m, on: localDate(m.starts_at, m.time_zone) }))
    .filter((m) => m.on >= window.from && m.on <= window.to)
    .filter((m) => audience !== 'public' || PUBLIC_MEETING_TYPES.has(m.type as keyof typeof MEETING_TYPES))
    .map((m) => ({
      on: m.on,
      title: m.title,
      detail: [MEETING_TYPES[m.type as keyof typeof MEETING_TYPES] ?? m.type, new Intl.DateTimeFormat('en-GB', { timeZone: m.time_zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(m.starts_at)), m.location].filter(Boolean).join(' · '),
    }));
}

async function decisionsIn(db: Db, period: Period): Promise<DigestList['items']> {
  const held = await meetingsHeld(db, period);
  if (held.length === 0) return [];
  const byId = new Map(held.map((m) => [m.id, m]));
  const rows: { meeting_id: string; text: string; passed: number }[] = [];
  for (let i = 0; i < held.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom('decisions')
        .select(['meeting_id', 'text', 'passed'])
        .where('meeting_id', 'in', held.slice(i, i + 500).map((m) => m.id))
        .orderBy('created_at')
        .execute()),
    );
  }
  return rows
    .map((d) => ({ d, m: byId.get(d.meeting_id) }))
    .filter((x): x is { d: (typeof rows)[number]; m: NonNullable<typeof x.m> } => x.m !== undefined)
    .sort((a, b) => a.m.on.localeCompare(b.m.on))
    .map(({ d, m }) => ({ on: m.on, title: d.text.replace(/\s+/g, ' ').trim(), detail: `${d.passed ? 'Passed' : 'Not passed'} · ${m.title}` }));
}

function list(key: string, heading: string, items: DigestList['items'], empty: string): DigestList {
  const sorted = [...items].sort((a, b) => a.on.localeCompare(b.on));
  const shown = sorted.slice(0, LIST_LIMIT);
  if (sorted.length > shown.length) shown.push({ on: '', title: `…and ${sorted.length - shown.length} more`, detail: '' });
  return { key, heading, items: shown, empty };
}

export interface DigestInput {
  period: Period;
  audience: Audience;
  getInvolvedMd: string;
  title: string;
}

export async function buildDigest(db: Db, input: DigestInput): Promise<Digest> {
  const { period, audience } = input;
  const label = periodLabel(period);
  const window = comingWindow(period);
  const held = await meetingsHeld(db, period);
  const shownHeld = audience === 'public' ? held.filter((m) => PUBLIC_MEETING_TYPES.has(m.type)) : held;

  const happened: DigestList[] = [
    list(
      'meetings',
      'Meetings held',
      shownHeld.map((m) => ({ on: m.on, title: m.title, detail: `${MEETING_TYPES[m.type]}${m.present > 0 ? ` · ${m.present} present` : ''}` })),
      `No ${audience === 'public' ? 'public ' : ''}meetings were held in ${label}.`,
    ),
  ];
  if (audience !== 'public') happened.push(list('decisions', 'Decisions', await decisionsIn(db, period), `No decisions were recorded in ${label}.`));
  happened.push(list('wins', 'Wins', [...(await metricRows(db, 'policy_wins', period)), ...(await metricRows(db, 'funding_won', period))], `No policy wins or funding allocations in ${label}.`));
  happened.push(list('coverage', 'Coverage', [...(await coverageIn(db, period)), ...(await metricRows(db, 'media_published', period))], `No coverage or published media in ${label}.`));
  const upcoming: DigestList[] = [list('meetings', 'Meetings', await upcomingMeetings(db, window, audience), 'No meetings are scheduled yet.')];

  for (const source of DIGEST_SOURCES) {
    const part = await source(db, { period, window, audience });
    for (const entry of part) {
      const target = entry.when === 'happened' ? happened : upcoming;
      target.push(list(entry.key, entry.heading, entry.items, entry.empty));
    }
  }
  const coalition = await coalitionIdentity({ db });
  return {
    title: input.title.trim() || defaultReportTitle('digest', period),
    coalitionName: coalition.name,
    periodLabel: label,
    coming: { from: window.from, to: window.to, label: periodLabel(window) },
    happened,
    upcoming,
    getInvolvedMd: input.getInvolvedMd,
  };
}
