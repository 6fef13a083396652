import { sql, type Kysely } from 'kysely';
import { ACTION_KINDS, ACTION_KIND_VALUES, CAMPAIGN_STATUSES, type CampaignStatus, type GrassrootsTotals } from '@shared/campaigns/contract';
import {
  BILL_STATUSES,
  COMMITTEE_ROLES,
  ENGAGEMENT_KINDS,
  LEVELS,
  OFFICIAL_ACTIONS,
  POSITIONS,
  SPONSOR_ROLES,
  STANCES,
  type BillStatus,
  type CommitteeRole,
  type DistrictMatch,
  type EngagementKind,
  type Level,
  type Position,
} from '@shared/policy/contract';
import { approvedMessages } from '../campaigns/messages';
import { grassrootsTotals } from '../campaigns/grassroots';
import type { Database } from '../db/schema';
import { districtMatch } from '../policy/district';
import { districtKey } from '../policy/normalize';
import { holdersOf } from '../policy/officials';
import { scorecardRows } from '../policy/scorecard';
import { stanceHistory } from '../policy/stances';
import { usableStories, type UsableStory } from '../stories/usable';
import type { PacketBill, PacketData, PacketEngagement, PacketFollowUp, PacketFunding } from './packet';

// Reads one official's packet from the workspace: plain queries over the policy, campaigns and
// stories tables and those domains' own exported readers (approvedMessages, grassrootsTotals,
// districtMatch, scorecardRows, stanceHistory, holdersOf, usableStories), turned into the
// display-ready PacketData the layout prints. A batch gathers every packet in its one call, so
// the packets are one consistent picture of the workspace.

type Db = Kysely<Database>;

/** The most stories a packet prints in full (newest consent first); the rest are counted. */
export const PACKET_STORIES = 5;
/** The most member organizations named (the count is always whole). */
const NAMED_ORGANIZATIONS = 8;
/** The most bills "the ask" lists: the campaigns' targets first, then sponsorships, then stances. */
const PACKET_BILLS = 30;
/** Campaigns already decided are not an ask any more. */
const OPEN_CAMPAIGNS: readonly CampaignStatus[] = ['planning', 'active', 'paused'];

function label<K extends string>(labels: Readonly<Record<K, string>>, key: string): string {
  return (labels as Record<string, string>)[key] ?? key;
}

/**
 * What a batch reads once for all its packets: officials of one district share its members,
 * grassroots totals and stories (a chamber of 500 has a few dozen districts at most).
 */
export class GatherCache {
  /** Story districts by their normalized form (so "district 4" finds "District 4"'s stories). */
  storyDistricts: Map<string, string[]> | null = null;
  readonly districtMatches = new Map<string, Promise<DistrictMatch>>();
  readonly districtGrassroots = new Map<string, Promise<GrassrootsTotals>>();
  readonly districtStories = new Map<string, Promise<{ shown: UsableStory[]; more: number }>>();
}

/** The cached value for `key`, or what `load` makes of it (remembered for the next official). */
function cached<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let value = map.get(key);
  if (!value) {
    value = load();
    map.set(key, value);
  }
  return value;
}

async function storyDistricts(db: Db, cache: GatherCache): Promise<Map<string, string[]>> {
  if (cache.storyDistricts) return cache.storyDistricts;
  const { rows } = await sql<{ district: string }>`select distinct district from stories where district <> ''`.execute(db);
  const byKey = new Map<string, string[]>();
  for (const { district } of rows) {
    const key = districtKey(district);
    if (key) byKey.set(key, [...(byKey.get(key) ?? []), district]);
  }
  cache.storyDistricts = byKey;
  return byKey;
}

/** Reads one official's packet, or null when there is no such official. */
export async function gatherPacket(db: Db, officialId: string, day: string, cache = new GatherCache()): Promise<PacketData | null> {
  const official = await db
    .selectFrom('officials as o')
    .leftJoin('policy_bodies as b', 'b.id', 'o.body_id')
    .selectAll('o')
    .select('b.name as body_name')
    .where('o.id', '=', officialId)
    .executeTakeFirst();
  if (!official) return null;
  const ctx = { db };

  const committees = await db
    .selectFrom('committee_members as m')
    .innerJoin('committees as c', 'c.id', 'm.committee_id')
    .select(['c.name', 'm.role'])
    .where('m.official_id', '=', officialId)
    .orderBy(sql`c.name collate nocase`)
    .execute();
  const staffers = await db.selectFrom('official_staffers').selectAll().where('official_id', '=', officialId).orderBy(sql`name collate nocase`).execute();

  // The ask: open campaigns targeting the official, their approved messages for policymakers.
  const campaigns = await db
    .selectFrom('campaign_target_officials as t')
    .innerJoin('campaigns as c', 'c.id', 't.campaign_id')
    .select(['c.id', 'c.name', 'c.status', 'c.ask', 't.note'])
    .where('t.official_id', '=', officialId)
    .where('c.status', 'in', [...OPEN_CAMPAIGNS])
    .orderBy(sql`c.name collate nocase`)
    .execute();
  const campaignIds = campaigns.map((c) => c.id);
  const messages = await approvedMessages(db, campaignIds, 'policymakers');

  const bills = await packetBills(db, officialId, campaignIds);
  const funding = await packetFunding(db, bills);

  const stances = await stanceHistory(ctx, { officialId });
  const scorecard = await scorecardRows(ctx, officialId);
  const { engagements, followUps } = await packetEngagements(db, officialId);

  // districtMatch compares the official's district (and, for a local official or one without a
  // district, the jurisdiction as a city): officials with the same of both share the answer.
  const cityKey = official.level === 'local' || official.district_key === '' ? districtKey(official.jurisdiction) : '';
  const match = await cached(cache.districtMatches, `${official.district_key}|${cityKey}`, () => districtMatch(db, officialId, NAMED_ORGANIZATIONS));
  const districtName = official.district || (match.basis === 'city' ? official.jurisdiction : '');
  const fromDistrict = official.district ? await cached(cache.districtGrassroots, official.district, () => grassrootsTotals(db, { district: official.district })) : null;
  const atOfficial = await grassrootsTotals(db, { officialId });
  const storyKey = official.district_key || districtKey(districtName);
  const stories = await cached(cache.districtStories, storyKey, () => districtStories(db, storyKey, day, cache));

  const holders = await holdersOf(ctx, officialId);

  return {
    day,
    official: {
      id: official.id,
      name: official.name,
      title: official.title,
      level: label(LEVELS, official.level as Level),
      body: official.body_name ?? '',
      district: official.district,
      jurisdiction: official.jurisdiction,
      party: official.party,
      email: official.email,
      phone: official.phone,
      officeAddress: official.office_address,
      website: official.website,
      term: term(official.term_start, official.term_end),
    },
    committees: committees.map((c) => ({ name: c.name, role: label(COMMITTEE_ROLES, c.role as CommitteeRole) })),
    campaigns: campaigns.map((c) => ({
      name: c.name,
      status: label(CAMPAIGN_STATUSES, c.status),
      ask: c.ask,
      note: c.note,
      messages: messages
        .filter((m) => m.campaignId === c.id)
        .map((m) => ({ title: m.title, audience: 'Policymakers', message: m.message, talkingPoints: m.talkingPoints })),
    })),
    bills,
    funding,
    stances: stances.map((s) => ({
      on: s.statedOn,
      subject: s.campaignName ?? s.billLabel ?? '',
      stance: label(STANCES, s.stance),
      evidence: s.evidence,
      recordedBy: s.recordedBy,
    })),
    scorecard: scorecard.flatMap((row) => {
      const bill = `${row.identifier} ${row.billTitle}`.trim();
      const position = row.position === 'none' ? '' : label(POSITIONS, row.position);
      const acts = row.actions.map((a) => ({ bill, position, action: label(OFFICIAL_ACTIONS, a.action), on: a.actedOn }));
      if (acts.length > 0) return acts;
      // A sponsorship or a stance alone still belongs on the scorecard.
      if (row.sponsor) return [{ bill, position, action: label(SPONSOR_ROLES, row.sponsor), on: '' }];
      return row.stance ? [{ bill, position, action: `Stance: ${label(STANCES, row.stance)}`, on: row.stanceOn ?? '' }] : [];
    }),
    engagements,
    followUps,
    district: {
      name: districtName,
      memberOrganizations: match.memberOrganizations,
      organizationNames: match.organizationNames.map((o) => o.name),
      people: match.people,
      grassroots: ACTION_KIND_VALUES.map((kind) => ({
        kind: ACTION_KINDS[kind],
        fromDistrict: fromDistrict?.byKind[kind] ?? 0,
        atOfficial: atOfficial.byKind[kind],
      })).filter((g) => g.fromDistrict > 0 || g.atOfficial > 0),
      stories: stories.shown.map((s) => ({ title: s.title, text: s.text, storyteller: s.storyteller, anonymized: s.anonymized })),
      moreStories: stories.more,
    },
    relationships: holders.map((h) => ({ name: h.name, kind: h.personId ? 'Person' : 'Organization', primary: h.isPrimary, note: h.note })),
    staffers: staffers.map((s) => ({ name: s.name, role: s.role, email: s.email, phone: s.phone })),
  };
}

function term(start: string | null, end: string | null): string {
  if (start && end) return `${start} to ${end}`;
  if (start) return `from ${start}`;
  if (end) return `until ${end}`;
  return '';
}

/** The bills to raise: the targeting campaigns' bills, the ones the official sponsors, the ones they took a stance on. */
async function packetBills(db: Db, officialId: string, campaignIds: readonly string[]): Promise<(PacketBill & { id: string })[]> {
  const why = new Map<string, string[]>();
  const add = (billId: string, reason: string) => {
    const reasons = why.get(billId) ?? [];
    if (!reasons.includes(reason)) reasons.push(reason);
    why.set(billId, reasons);
  };
  if (campaignIds.length > 0) {
    const targeted = await db
      .selectFrom('campaign_target_bills as t')
      .innerJoin('campaigns as c', 'c.id', 't.campaign_id')
      .select(['t.bill_id', 'c.name'])
      .where('t.campaign_id', 'in', [...campaignIds])
      .orderBy(sql`c.name collate nocase`)
      .execute();
    for (const t of targeted) add(t.bill_id, t.name);
  }
  const sponsored = await db.selectFrom('bill_sponsors').select(['bill_id', 'role']).where('official_id', '=', officialId).execute();
  for (const s of sponsored) add(s.bill_id, label(SPONSOR_ROLES, s.role));
  const stated = await db.selectFrom('stances').select('bill_id').distinct().where('official_id', '=', officialId).where('bill_id', 'is not', null).execute();
  for (const s of stated) if (s.bill_id) add(s.bill_id, 'Their stance');
  const ids = [...why.keys()].slice(0, PACKET_BILLS);
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('bills').select(['id', 'identifier', 'title', 'status', 'status_on', 'position']).where('id', 'in', ids).execute();
  const order = new Map(ids.map((id, i) => [id, i]));
  rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return rows.map((b) => ({
    id: b.id,
    identifier: b.identifier,
    title: b.title,
    status: label(BILL_STATUSES, b.status as BillStatus),
    statusOn: b.status_on,
    position: b.position === 'none' ? '' : label(POSITIONS, b.position as Position),
    why: (why.get(b.id) ?? []).join(', '),
  }));
}

async function packetFunding(db: Db, bills: readonly (PacketBill & { id: string })[]): Promise<PacketFunding[]> {
  if (bills.length === 0) return [];
  const identifier = new Map(bills.map((b) => [b.id, b.identifier]));
  const rows = await db
    .selectFrom('funding_allocations')
    .selectAll()
    .where('bill_id', 'in', bills.map((b) => b.id))
    .orderBy('fiscal_year', 'desc')
    .orderBy('amount', 'desc')
    .execute();
  return rows.map((f) => ({ bill: identifier.get(f.bill_id) ?? '', program: f.program, amount: money(f.amount, f.currency), fiscalYear: f.fiscal_year }));
}

const WHOLE = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const CENTS = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "USD 1,250,000" (whole amounts without decimals). The formats are made once: toLocaleString makes one per call. */
function money(amount: number, currency: string): string {
  return `${currency} ${(Number.isInteger(amount) ? WHOLE : CENTS).format(amount)}`;
}

async function packetEngagements(db: Db, officialId: string): Promise<{ engagements: PacketEngagement[]; followUps: PacketFollowUp[] }> {
  const rows = await db
    .selectFrom('engagement_officials as eo')
    .innerJoin('engagements as e', 'e.id', 'eo.engagement_id')
    .leftJoin('people as p', 'p.id', 'e.follow_up_owner_person_id')
    .select(['e.id', 'e.kind', 'e.title', 'e.occurred_on', 'e.outcome', 'e.follow_up', 'e.follow_up_due_on', 'e.follow_up_done', 'p.name as owner'])
    .where('eo.official_id', '=', officialId)
    .orderBy('eo.occurred_on', 'desc')
    .orderBy('e.created_at', 'desc')
    .execute();
  const attendees = new Map<string, string[]>();
  if (rows.length > 0) {
    const found = await db
      .selectFrom('engagement_attendees as a')
      .innerJoin('people as p', 'p.id', 'a.person_id')
      .select(['a.engagement_id', 'p.name'])
      .where('a.engagement_id', 'in', rows.map((r) => r.id))
      .orderBy(sql`p.name collate nocase`)
      .execute();
    for (const a of found) attendees.set(a.engagement_id, [...(attendees.get(a.engagement_id) ?? []), a.name]);
  }
  const engagements = rows.map((e) => {
    const due = e.follow_up_due_on ? `due ${e.follow_up_due_on}` : '';
    const state = e.follow_up_done === 1 ? 'done' : 'open';
    return {
      on: e.occurred_on,
      kind: label(ENGAGEMENT_KINDS, e.kind as EngagementKind),
      title: e.title,
      attendees: (attendees.get(e.id) ?? []).join(', '),
      outcome: e.outcome,
      followUp: e.follow_up ? `${e.follow_up} (${[e.owner, due, state].filter(Boolean).join(', ')})` : '',
    };
  });
  const followUps = rows
    .filter((e) => e.follow_up !== '' && e.follow_up_done === 0)
    .map((e) => ({ due: e.follow_up_due_on ?? '', text: e.follow_up, owner: e.owner ?? '', from: `${e.title} (${e.occurred_on})` }))
    // Soonest due first; no due date last.
    .sort((a, b) => (a.due || '9999').localeCompare(b.due || '9999'));
  return { engagements, followUps };
}

/** The district's stories that consent lets policymakers see on the day (the rule decides, in usableStories). */
async function districtStories(db: Db, key: string, day: string, cache: GatherCache): Promise<{ shown: UsableStory[]; more: number }> {
  if (!key) return { shown: [], more: 0 };
  const spellings = (await storyDistricts(db, cache)).get(key) ?? [];
  const stories: UsableStory[] = [];
  for (const district of spellings) stories.push(...(await usableStories(db, { use: 'policymakers', day, district })));
  return { shown: stories.slice(0, PACKET_STORIES), more: Math.max(0, stories.length - PACKET_STORIES) };
}
