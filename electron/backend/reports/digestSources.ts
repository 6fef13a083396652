import type { Kysely } from 'kysely';
import type { Audience, DigestList } from '@shared/reports/contract';
import type { Period } from '@shared/reports/period';
import { addDays } from '@shared/reports/period';
import type { Database } from '../db/schema';
import { localDate } from '../meetings/common';

// The digest's lists from the advocacy, policy and resources areas: campaign milestones and
// public events in the period; events, hearings and grant deadlines coming after it. Each source
// reads one area's dated records (their tables, read-only) and answers lists for "what happened"
// or "what is coming".

export interface DigestSourceEntry {
  when: 'happened' | 'coming';
  key: string;
  heading: string;
  items: DigestList['items'];
  empty: string;
}

type Db = Kysely<Database>;
export type DigestSource = (db: Db, scope: { period: Period; window: Period; audience: Audience }) => Promise<DigestSourceEntry[]>;

const CAMPAIGN_STATUS: Record<string, string> = { planning: 'in planning', active: 'launched', won: 'won', lost: 'lost', paused: 'paused' };
const EVENT_KINDS: Record<string, string> = { rally: 'Rally', town_hall: 'Town hall', community_forum: 'Community forum', press_conference: 'Press conference', lobby_day: 'Lobby day' };

/** Campaign milestones: status changes and petitions delivered in the period. */
const campaignMilestones: DigestSource = async (db, { period }) => {
  const changes = await db
    .selectFrom('campaign_status_changes as s')
    .innerJoin('campaigns as c', 'c.id', 's.campaign_id')
    .select(['c.name', 's.status', 's.changed_on'])
    .where('s.changed_on', '>=', period.from)
    .where('s.changed_on', '<=', period.to)
    .execute();
  const petitions = await db
    .selectFrom('petitions')
    .select(['title', 'delivered_on'])
    .where('delivered_on', '>=', period.from)
    .where('delivered_on', '<=', period.to)
    .execute();
  return [
    {
      when: 'happened',
      key: 'milestones',
      heading: 'Campaign milestones',
      items: [
        ...changes.map((c) => ({ on: c.changed_on, title: `${c.name} ${CAMPAIGN_STATUS[c.status] ?? c.status}`, detail: 'Campaign' })),
        ...petitions.map((p) => ({ on: p.delivered_on ?? '', title: `Petition delivered: ${p.title}`, detail: 'Petition' })),
      ],
      empty: 'No campaign milestones in this period.',
    },
  ];
};

/** Public events: held in the period (with attendance) and coming in the window. */
const publicEvents: DigestSource = async (db, { period, window }) => {
  const read = (p: Period) =>
    db
      .selectFrom('public_events')
      .select(['title', 'kind', 'starts_at', 'time_zone', 'location', 'attendance'])
      .where('starts_at', '>=', `${addDays(p.from, -1)}T00:00:00.000Z`)
      .where('starts_at', '<', `${addDays(p.to, 2)}T00:00:00.000Z`)
      .orderBy('starts_at')
      .execute()
      .then((rows) => rows.map((r) => ({ ...r, on: localDate(r.starts_at, r.time_zone) })).filter((r) => r.on >= p.from && r.on <= p.to));
  const held = await read(period);
  const coming = await read(window);
  return [
    {
      when: 'happened',
      key: 'events',
      heading: 'Public events',
      items: held.map((e) => ({ on: e.on, title: e.title, detail: [EVENT_KINDS[e.kind] ?? e.kind, e.attendance !== null ? `${e.attendance.toLocaleString('en')} attended` : ''].filter(Boolean).join(' · ') })),
      empty: 'No public events were held in this period.',
    },
    {
      when: 'coming',
      key: 'events',
      heading: 'Public events',
      items: coming.map((e) => ({ on: e.on, title: e.title, detail: [EVENT_KINDS[e.kind] ?? e.kind, e.location].filter(Boolean).join(' · ') })),
      empty: 'No public events are planned yet.',
    },
  ];
};

/** Hearings on bills coming in the window. */
const hearings: DigestSource = async (db, { window }) => {
  const rows = await db
    .selectFrom('bill_hearings as h')
    .innerJoin('bills as b', 'b.id', 'h.bill_id')
    .select(['h.held_on', 'h.note', 'b.identifier', 'b.title'])
    .where('h.held_on', '>=', window.from)
    .where('h.held_on', '<=', window.to)
    .execute();
  return [
    {
      when: 'coming',
      key: 'hearings',
      heading: 'Hearings',
      items: rows.map((h) => ({ on: h.held_on, title: `${h.identifier ? `${h.identifier}: ` : ''}${h.title}`, detail: h.note })),
      empty: 'No hearings are scheduled yet.',
    },
  ];
};

/** Grant deadlines and reports owed to funders in the window (not for the public). */
const grantDeadlines: DigestSource = async (db, { window, audience }) => {
  if (audience === 'public') return [];
  const grants = await db
    .selectFrom('grants')
    .select(['title', 'funder_name', 'deadline'])
    .where('deadline', '>=', window.from)
    .where('deadline', '<=', window.to)
    .where('status', 'in', ['prospect', 'drafting'])
    .execute();
  const reports = await db
    .selectFrom('grant_reports as r')
    .innerJoin('grants as g', 'g.id', 'r.grant_id')
    .select(['r.title', 'r.due_on', 'g.title as grant', 'g.funder_name'])
    .where('r.due_on', '>=', window.from)
    .where('r.due_on', '<=', window.to)
    .where('r.done_on', 'is', null)
    .execute();
  return [
    {
      when: 'coming',
      key: 'grants',
      heading: 'Grant deadlines',
      items: [
        ...grants.map((g) => ({ on: g.deadline ?? '', title: `Application due: ${g.title}`, detail: g.funder_name })),
        ...reports.map((r) => ({ on: r.due_on, title: `Report due: ${r.title}`, detail: [r.grant, r.funder_name].filter(Boolean).join(' · ') })),
      ],
      empty: 'No grant deadlines in these weeks.',
    },
  ];
};

export const DIGEST_SOURCES: DigestSource[] = [campaignMilestones, publicEvents, hearings, grantDeadlines];
