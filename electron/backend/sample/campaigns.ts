import type SqliteDatabase from 'better-sqlite3';
import type { Input, Method, Output } from '@shared/contract';
import { ACTION_KIND_VALUES, AUDIENCE_VALUES, CAMPAIGN_STATUS_VALUES, type ActionKind, type Audience, type CampaignStatus, type EventKind, type ParticipantRole } from '@shared/campaigns/contract';
import { uuidFactory } from './directory';
import { seededRandom } from './random';

// The sample coalition's campaigns, through the public methods: five campaigns at different
// stages, led by the structure's working groups and aimed at the charter's goals, with partner
// organizations, key messages (some approved, some still drafts), public events on the meeting
// calendar, petitions with their signature counts over the year, and grassroots totals by
// district. Officials come from the policy area: when the sample has some, counts and petitions
// target them; otherwise the target is in words. Dates sit around the sample's "today" (2026-11-01).

type Call = <M extends Method>(method: M, input: Input<M>) => Promise<Output<M>>;

interface SampleCampaign {
  name: string;
  ask: string;
  goal: string;
  group: string | null;
  status: CampaignStatus;
  startsOn: string;
  endsOn: string | null;
  notes: string;
  partners: ParticipantRole[];
  messages: { audience: Audience; title: string; message: string; points: string[]; facts: { text: string; source: string; on: string | null }[]; approvedBy: string | null }[];
  events: { kind: EventKind; title: string; day: string; start: string; end: string; location: string; rsvps: number; attendance: number | null; reached: number | null }[];
  petition: { title: string; target: string; goal: number; launchedOn: string; deliveredOn: string | null; counts: [string, number][] } | null;
  grassroots: { kind: ActionKind; count: number; district: string; on: string }[];
}

const ZONE = 'America/Chicago';

const CAMPAIGNS: SampleCampaign[] = [
  {
    name: 'Just Cause Eviction Now',
    ask: 'The city council passes a just-cause eviction ordinance covering every rental unit before the end of the session.',
    goal: 'evict',
    group: 'Housing justice',
    status: 'active',
    startsOn: '2026-03-01',
    endsOn: '2027-03-31',
    notes: 'Council vote expected in February. Two swing votes in Wards 4 and 7.',
    partners: ['lead', 'co_sponsor', 'co_sponsor', 'supporter', 'supporter', 'supporter'],
    messages: [
      {
        audience: 'policymakers',
        title: 'Stable homes keep neighborhoods strong',
        message: 'No family should lose its home without a reason. Just cause protects good landlords and good tenants alike.',
        points: ['No-cause evictions tripled since 2022 in the city’s rental market.', 'Just cause keeps every legal reason to evict: non-payment, damage, nuisance.', 'Neighboring cities saw no drop in rental supply after adopting it.'],
        facts: [
          { text: '3,412 no-cause eviction filings in 2025, up from 1,130 in 2022.', source: 'County court records', on: '2026-02-10' },
          { text: 'Rental permits rose 4% in the two years after Riverside passed just cause.', source: 'Riverside Housing Department', on: '2026-01-15' },
        ],
        approvedBy: 'Steering committee',
      },
      {
        audience: 'media',
        title: 'Evicted for no reason: the families behind the numbers',
        message: 'Tenants tell what a 30-day notice did to their children’s schooling and their jobs.',
        points: ['Lead with a family’s story, then the filing numbers.', 'Name the ordinance and the council vote date.'],
        facts: [],
        approvedBy: 'Amara Nwosu',
      },
      {
        audience: 'public',
        title: 'Know your rights, call your council member',
        message: 'Draft for the spring canvass.',
        points: ['Find your ward.', 'Call before the February vote.'],
        facts: [],
        approvedBy: null,
      },
    ],
    events: [
      { kind: 'town_hall', title: 'Tenants’ town hall on just cause', day: '2026-09-17', start: '18:30', end: '20:30', location: 'Eastside Library community room', rsvps: 160, attendance: 142, reached: 2300 },
      { kind: 'rally', title: 'Homes not notices rally', day: '2026-10-24', start: '11:00', end: '13:00', location: 'City Hall steps', rsvps: 420, attendance: 515, reached: 18000 },
      { kind: 'lobby_day', title: 'Council lobby day', day: '2026-11-18', start: '09:00', end: '16:00', location: 'City Hall, council offices', rsvps: 64, attendance: null, reached: null },
    ],
    petition: {
      title: 'Just cause for every renter',
      target: 'City Council',
      goal: 10000,
      launchedOn: '2026-04-01',
      deliveredOn: null,
      counts: [
        ['2026-04-30', 1240],
        ['2026-05-31', 2890],
        ['2026-06-30', 4105],
        ['2026-07-31', 5020],
        ['2026-08-31', 6310],
        ['2026-09-30', 7880],
        ['2026-10-31', 8640],
      ],
    },
    grassroots: [
      { kind: 'letter', count: 320, district: 'Ward 4', on: '2026-06-12' },
      { kind: 'call', count: 185, district: 'Ward 4', on: '2026-09-18' },
      { kind: 'call', count: 240, district: 'Ward 7', on: '2026-09-18' },
      { kind: 'email', count: 1150, district: 'Ward 7', on: '2026-10-02' },
      { kind: 'visit', count: 12, district: 'Ward 4', on: '2026-10-20' },
      { kind: 'letter', count: 410, district: 'Ward 2', on: '2026-10-27' },
    ],
  },
  {
    name: 'Medicaid Mental Health Parity',
    ask: 'The state legislature funds mental-health visits under Medicaid at the same rate as other specialist care.',
    goal: 'mental',
    group: 'Mental health access',
    status: 'active',
    startsOn: '2026-01-10',
    endsOn: '2027-06-30',
    notes: 'Budget committee hearing in January.',
    partners: ['lead', 'co_sponsor', 'supporter', 'supporter'],
    messages: [
      {
        audience: 'policymakers',
        title: 'Parity saves the state money',
        message: 'Every dollar in outpatient mental-health care saves four in emergency and justice costs.',
        points: ['Clinics turn away Medicaid patients because visits are paid below cost.', 'Parity closes waiting lists within two years.', 'The cost is under 0.3% of the Medicaid budget.'],
        facts: [{ text: 'Average wait for a Medicaid therapy appointment: 11 weeks.', source: 'Coalition clinic survey', on: '2026-05-20' }],
        approvedBy: 'Steering committee',
      },
      {
        audience: 'members',
        title: 'Bring a patient story to the hearing',
        message: 'Draft: what member clinics can prepare for January.',
        points: ['Ask consent in writing.', 'One page, first person.'],
        facts: [],
        approvedBy: null,
      },
    ],
    events: [
      { kind: 'community_forum', title: 'Waiting for care: a community forum', day: '2026-10-08', start: '18:00', end: '19:45', location: 'Iglesia San Marcos hall', rsvps: 90, attendance: 76, reached: 640 },
      { kind: 'press_conference', title: 'Clinics release the waiting-list survey', day: '2026-11-12', start: '10:00', end: '11:00', location: 'State Capitol press room', rsvps: 25, attendance: null, reached: null },
    ],
    petition: {
      title: 'Care can’t wait',
      target: 'State Legislature, budget committee',
      goal: 5000,
      launchedOn: '2026-06-01',
      deliveredOn: null,
      counts: [
        ['2026-06-30', 650],
        ['2026-08-31', 1720],
        ['2026-10-31', 3010],
      ],
    },
    grassroots: [
      { kind: 'email', count: 860, district: 'Senate District 12', on: '2026-07-15' },
      { kind: 'call', count: 140, district: 'Senate District 9', on: '2026-10-09' },
      { kind: 'visit', count: 6, district: 'Senate District 12', on: '2026-10-21' },
    ],
  },
  {
    name: 'Count Every Family',
    ask: 'The county publishes housing-insecurity numbers every quarter, by neighborhood.',
    goal: 'visible',
    group: 'Housing justice',
    status: 'won',
    startsOn: '2025-09-01',
    endsOn: '2026-06-30',
    notes: 'The county board adopted quarterly reporting on 2026-06-11.',
    partners: ['lead', 'supporter', 'supporter'],
    messages: [
      {
        audience: 'public',
        title: 'What isn’t counted isn’t fixed',
        message: 'Families doubling up and sleeping in cars are missing from every official count.',
        points: ['Ask the county to count every family, every quarter.'],
        facts: [],
        approvedBy: 'Steering committee',
      },
    ],
    events: [{ kind: 'press_conference', title: 'County adopts quarterly housing count', day: '2026-06-12', start: '10:00', end: '11:00', location: 'County Building', rsvps: 30, attendance: 34, reached: 52000 }],
    petition: {
      title: 'Count every family',
      target: 'County Board of Supervisors',
      goal: 2500,
      launchedOn: '2025-10-01',
      deliveredOn: '2026-05-28',
      counts: [
        ['2025-12-31', 900],
        ['2026-03-31', 2100],
        ['2026-05-27', 2780],
      ],
    },
    grassroots: [{ kind: 'letter', count: 260, district: 'County District 3', on: '2026-04-22' }],
  },
  {
    name: 'Advocates’ Academy',
    ask: 'Every member organization has two trained advocates before the legislative session.',
    goal: 'train',
    group: 'Advocate training',
    status: 'planning',
    startsOn: '2026-12-01',
    endsOn: null,
    notes: '',
    partners: ['lead', 'supporter'],
    messages: [],
    events: [],
    petition: null,
    grassroots: [],
  },
  {
    name: 'Free Transit Passes for Students',
    ask: 'The transit authority gives free passes to every student in the district.',
    goal: 'visible',
    group: null,
    status: 'paused',
    startsOn: '2026-02-01',
    endsOn: null,
    notes: 'Paused until the transit authority’s budget is out; the youth groups lead when it resumes.',
    partners: ['co_sponsor'],
    messages: [],
    events: [],
    petition: null,
    grassroots: [{ kind: 'petition_signature', count: 1300, district: '', on: '2026-03-15' }],
  },
];

/** The instant of a wall time in Chicago (CDT until 1 November 2026, CST after). */
function instant(day: string, time: string): string {
  const offset = day < '2026-11-01' && day >= '2026-03-08' ? '-05:00' : '-06:00';
  return new Date(`${day}T${time}:00${offset}`).toISOString();
}

export async function writeCampaigns(call: Call): Promise<void> {
  const draft = await call('charter.getDraft', {});
  const groups = await call('structure.workingGroups.list', {});
  const { officials } = await call('campaigns.choices', {});
  const members = (await call('organizations.list', { filters: { stage: ['member'] }, limit: 60 })).rows;
  let next = 0;
  const partner = () => members[next++ % Math.max(1, members.length)];
  for (const [index, sample] of CAMPAIGNS.entries()) {
    const goal = draft.goals.find((g) => g.title.toLowerCase().includes(sample.goal));
    const campaign = await call('campaigns.save', {
      name: sample.name,
      ask: sample.ask,
      goalId: goal?.id ?? null,
      status: sample.status,
      startsOn: sample.startsOn,
      endsOn: sample.endsOn,
      leadWorkingGroupId: groups.find((g) => g.name === sample.group)?.id ?? null,
      notes: sample.notes,
    });
    const partners: string[] = [];
    for (const role of sample.partners) {
      const organization = partner();
      if (!organization) break;
      await call('campaigns.participants.save', { campaignId: campaign.id, organizationId: organization.id, role });
      partners.push(organization.id);
    }
    for (const m of sample.messages) {
      const saved = await call('campaigns.messages.save', { campaignId: campaign.id, audience: m.audience, title: m.title, message: m.message, talkingPoints: m.points, facts: m.facts });
      if (m.approvedBy) await call('campaigns.messages.approve', { id: saved.id, approvedBy: m.approvedBy });
    }
    for (const e of sample.events) {
      await call('campaigns.events.save', {
        campaignId: campaign.id,
        kind: e.kind,
        title: e.title,
        startsAt: instant(e.day, e.start),
        endsAt: instant(e.day, e.end),
        timeZone: ZONE,
        location: e.location,
        description: '',
        rsvps: e.rsvps,
        attendance: e.attendance,
        peopleReached: e.reached,
        cohostIds: partners.slice(0, 2),
      });
    }
    const official = officials.length > 0 ? officials[index % officials.length] : undefined;
    if (sample.petition) {
      const p = sample.petition;
      const petition = await call('campaigns.petitions.save', {
        campaignId: campaign.id,
        title: p.title,
        targetOfficialId: null,
        targetText: p.target,
        goal: p.goal,
        launchedOn: p.launchedOn,
        deliveredOn: p.deliveredOn,
        description: sample.ask,
      });
      for (const [on, signatures] of p.counts) await call('campaigns.petitions.recordCount', { petitionId: petition.id, on, signatures });
    }
    for (const [i, g] of sample.grassroots.entries()) {
      await call('campaigns.grassroots.save', {
        campaignId: campaign.id,
        kind: g.kind,
        count: g.count,
        officialId: i % 2 === 0 ? (official?.id ?? null) : null,
        district: g.district,
        on: g.on,
        reportedByOrganizationId: partners[i % Math.max(1, partners.length)] ?? null,
        notes: '',
      });
    }
  }
}

export interface CampaignCounts {
  campaigns: number;
  officials: number;
  /** Grassroots count rows (each one partner's total for a day). */
  grassroots: number;
  messages: number;
  petitions: number;
  /** Dated signature counts over all petitions. */
  petitionCounts: number;
}

/** The bench's scale: a large coalition's five years of advocacy. */
export const SCALE_CAMPAIGNS: CampaignCounts = { campaigns: 300, officials: 2_000, grassroots: 200_000, messages: 3_000, petitions: 600, petitionCounts: 30_000 };

const DISTRICTS = Array.from({ length: 120 }, (_, i) => (i < 50 ? `Ward ${i + 1}` : `District ${i - 49}`));

/**
 * Bulk-writes campaigns with officials, grassroots counts, key messages and petitions with their
 * counts over `years` years from `from` (for the bench). Officials get only the columns the
 * policy area requires; events are left out (they need meetings: the meetings generator's).
 */
export function generateCampaigns(sqlite: SqliteDatabase.Database, options: CampaignCounts & { seed: number; from: string; years: number }): CampaignCounts {
  const random = seededRandom(options.seed);
  const uuid = uuidFactory(random);
  const stamp = `${options.from}T12:00:00.000Z`;
  const day = () => new Date(Date.parse(options.from) + random.int(0, options.years * 365 - 1) * 86_400_000).toISOString().slice(0, 10);
  const insert = {
    official: sqlite.prepare("insert into officials (id, name, level, district, created_at, updated_at) values (?, ?, 'state', ?, ?, ?)"),
    campaign: sqlite.prepare('insert into campaigns (id, name, ask, goal_id, status, starts_on, ends_on, lead_working_group_id, notes, created_at, updated_at) values (?, ?, ?, null, ?, ?, null, null, \'\', ?, ?)'),
    status: sqlite.prepare('insert into campaign_status_changes (id, campaign_id, status, changed_on) values (?, ?, ?, ?)'),
    action: sqlite.prepare(
      "insert into grassroots_actions (id, campaign_id, kind, count, official_id, district, action_on, reported_by_organization_id, notes, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, null, '', ?, ?)",
    ),
    message: sqlite.prepare(
      "insert into key_messages (id, campaign_id, audience, title, message, talking_points_json, facts_json, status, approved_by, approved_at, created_at, updated_at) values (?, ?, ?, ?, '', ?, '[]', ?, ?, ?, ?, ?)",
    ),
    petition: sqlite.prepare("insert into petitions (id, campaign_id, title, target_official_id, target_text, goal, launched_on, delivered_on, description, created_at, updated_at) values (?, ?, ?, ?, '', ?, ?, null, '', ?, ?)"),
    count: sqlite.prepare('insert or ignore into petition_counts (id, petition_id, counted_on, signatures) values (?, ?, ?, ?)'),
  };
  const officials = Array.from({ length: options.officials }, (_, i) => {
    const id = uuid();
    insert.official.run(id, `Official ${i + 1}`, random.pick(DISTRICTS), stamp, stamp);
    return id;
  });
  const campaigns = Array.from({ length: options.campaigns }, (_, i) => {
    const id = uuid();
    const status = random.pick(CAMPAIGN_STATUS_VALUES);
    insert.campaign.run(id, `Campaign ${i + 1}`, 'Pass the ordinance.', status, day(), stamp, stamp);
    insert.status.run(uuid(), id, status, day());
    return id;
  });
  for (let i = 0; i < options.grassroots; i++) {
    insert.action.run(uuid(), random.pick(campaigns), random.pick(ACTION_KIND_VALUES), random.int(1, 500), random.next() < 0.8 ? random.pick(officials) : null, random.pick(DISTRICTS), day(), stamp, stamp);
  }
  for (let i = 0; i < options.messages; i++) {
    const approved = random.next() < 0.6;
    insert.message.run(uuid(), random.pick(campaigns), random.pick(AUDIENCE_VALUES), `Message ${i + 1}`, JSON.stringify(['First point.', 'Second point.']), approved ? 'approved' : 'draft', approved ? 'Steering committee' : null, approved ? stamp : null, stamp, stamp);
  }
  const petitions = Array.from({ length: options.petitions }, (_, i) => {
    const id = uuid();
    insert.petition.run(id, random.pick(campaigns), `Petition ${i + 1}`, random.pick(officials), random.int(1_000, 50_000), day(), stamp, stamp);
    return id;
  });
  for (let i = 0; i < options.petitionCounts; i++) insert.count.run(uuid(), random.pick(petitions), day(), random.int(0, 50_000));
  return { campaigns: campaigns.length, officials: officials.length, grassroots: options.grassroots, messages: options.messages, petitions: petitions.length, petitionCounts: options.petitionCounts };
}
