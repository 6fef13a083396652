import { randomUUID } from 'node:crypto';
import type SqliteDatabase from 'better-sqlite3';
import type { Input, Method, Output } from '@shared/contract';
import { BILL_STATUS_VALUES, type BillStatus, type Level, type Stance } from '@shared/policy/contract';
import { districtKey, officialNameKey } from '../policy/normalize';
import { seededRandom } from './random';

// The sample coalition's policy area, through the public methods: bodies and committees, ~40
// officials (names in several scripts) in the sample directory's districts ("District 1" to
// "District 12") and cities, ~15 bills with dated status histories, sponsors, hearings and funding
// allocations, then — after the campaigns exist — stances, votes, relationship holders, campaign
// targets and engagements (the meetings among them land in the meeting planner). Dates sit around
// the sample's "today" (2026-11-01).
//
// `generatePolicy` bulk-loads the benchmark's coalition-scale policy data (raw SQLite, no change log).

type Call = <M extends Method>(method: M, input: Input<M>) => Promise<Output<M>>;

const FIRST = ['Ana Lúcia', 'José', 'Maria', 'Chen', 'Amara', 'Søren', 'Zoë', 'Priya', 'Kwame', 'Renée', 'Mateo', 'Aisha', 'Tomás', 'Ingrid', 'Dmitri', 'Leilani', 'Francesca', 'Omar', 'Hana', 'Björn'];
const LAST = ['Ferreira', 'Núñez', 'Okafor', 'Li', 'Diallo', 'Kjær', 'Martín', 'Raman', 'Mensah', 'Côté', 'García', 'Haddad', 'Ruiz', 'Larsen', 'Ivanov', 'Kahale', 'Bianchi', 'Farouk', 'Sato', 'Åberg'];
/** Names in other scripts, as the brief asks: Cyrillic, Greek, Vietnamese. */
const SPECIAL = ['Георгий Петров', 'Ελένη Παπαδοπούλου', 'Nguyễn Thị Hoa'];
const CITIES = ['Riverside', 'Springfield', 'Lakeshore', 'São Paulo', 'Harbor City', 'Fairview'];
const PARTIES = ['Progressive', 'Democratic', 'Republican', 'Green', 'Independent'];

const BILLS: { identifier: string; title: string; level: Level; kind: 'bill' | 'policy' | 'budget' | 'regulation'; committee: string; position: 'support' | 'oppose' | 'support_if_amended' | 'monitor'; path: BillStatus[]; amount?: number; program?: string }[] = [
  { identifier: 'AB 123', title: 'Community Mental Health Access Act', level: 'state', kind: 'bill', committee: 'Health', position: 'support', path: ['introduced', 'in_committee', 'passed_committee', 'passed_chamber'], amount: 12_500_000, program: 'Mobile crisis teams' },
  { identifier: 'AB 211', title: 'Tenant Protection and Just Cause Act', level: 'state', kind: 'bill', committee: 'Housing', position: 'support', path: ['introduced', 'in_committee', 'passed_committee', 'passed_chamber', 'passed_both', 'enacted'] },
  { identifier: 'SB 48', title: 'School Meals for All', level: 'state', kind: 'bill', committee: 'Education', position: 'support', path: ['drafted', 'introduced', 'in_committee'], amount: 38_000_000, program: 'Universal school meals' },
  { identifier: 'SB 77', title: 'Medicaid Work Requirements', level: 'state', kind: 'bill', committee: 'Health', position: 'oppose', path: ['introduced', 'in_committee', 'dead'] },
  { identifier: 'AB 305', title: 'Housing First Grants', level: 'state', kind: 'budget', committee: 'Appropriations', position: 'support', path: ['introduced', 'in_committee', 'passed_committee'], amount: 20_000_000, program: 'Supportive housing' },
  { identifier: 'SB 12', title: 'Payday Lending Rate Cap', level: 'state', kind: 'bill', committee: 'Finance', position: 'support_if_amended', path: ['introduced', 'passed_chamber', 'vetoed'] },
  { identifier: 'ORD 2026-14', title: 'Riverside Rent Stabilization Ordinance', level: 'local', kind: 'policy', committee: 'Housing and Land Use', position: 'support', path: ['drafted', 'introduced', 'in_committee'] },
  { identifier: 'ORD 2026-22', title: 'Springfield Anti-Camping Ordinance', level: 'local', kind: 'policy', committee: 'Public Safety', position: 'oppose', path: ['introduced', 'passed_committee'] },
  { identifier: 'RES 9', title: 'Harbor City Community Health Worker Program', level: 'local', kind: 'budget', committee: 'Budget', position: 'support', path: ['introduced', 'enacted'], amount: 1_200_000, program: 'Community health workers' },
  { identifier: 'H.R. 3410', title: 'Community Mental Health Centers Expansion', level: 'national', kind: 'bill', committee: 'Energy and Commerce', position: 'support', path: ['introduced', 'in_committee'] },
  { identifier: 'S. 982', title: 'SNAP Benefit Adequacy Act', level: 'national', kind: 'bill', committee: 'Agriculture', position: 'support', path: ['introduced'] },
  { identifier: 'REG 2026-3', title: 'Medicaid Continuous Enrollment Rule', level: 'state', kind: 'regulation', committee: 'Health', position: 'monitor', path: ['drafted', 'introduced'] },
  { identifier: 'AB 560', title: 'Language Access in Public Benefits', level: 'state', kind: 'bill', committee: 'Human Services', position: 'support', path: ['introduced', 'in_committee', 'passed_committee', 'passed_chamber', 'passed_both'] },
  { identifier: 'SB 140', title: 'Eviction Record Sealing', level: 'state', kind: 'bill', committee: 'Judiciary', position: 'support', path: ['drafted'] },
  { identifier: 'BUD FY27', title: 'State Budget FY2027: Behavioral Health Line', level: 'state', kind: 'budget', committee: 'Appropriations', position: 'support_if_amended', path: ['introduced', 'in_committee', 'passed_committee'], amount: 45_000_000, program: 'Behavioral health' },
];

function dayAfter(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Bodies, committees, officials and bills (before the campaigns, which can then target officials). */
export async function writePolicy(call: Call): Promise<void> {
  const random = seededRandom(505);
  const assembly = await call('policy.bodies.create', { name: 'State Assembly', kind: 'legislature_chamber', level: 'state', jurisdiction: 'State of Columbia', responsibilities: 'Passes state law and the state budget.', website: 'assembly.example.gov', email: '', phone: '', notes: '' });
  const senate = await call('policy.bodies.create', { name: 'State Senate', kind: 'legislature_chamber', level: 'state', jurisdiction: 'State of Columbia', responsibilities: 'Upper chamber; confirms agency heads.', website: 'senate.example.gov', email: '', phone: '', notes: '' });
  const councils = [];
  for (const city of CITIES.slice(0, 3)) {
    councils.push(await call('policy.bodies.create', { name: `${city} City Council`, kind: 'city_council', level: 'local', jurisdiction: city, responsibilities: 'Local ordinances, zoning and the city budget.', website: '', email: '', phone: '', notes: '' }));
  }
  const congress = await call('policy.bodies.create', { name: 'House of Representatives', kind: 'parliament', level: 'national', jurisdiction: 'United States', responsibilities: 'Federal law and appropriations.', website: '', email: '', phone: '', notes: '' });
  await call('policy.bodies.create', { name: 'Department of Health Services', kind: 'agency', level: 'state', jurisdiction: 'State of Columbia', responsibilities: 'Runs Medicaid, licenses clinics, writes health regulations.', website: 'dhs.example.gov', email: 'info@dhs.example.gov', phone: '', notes: '' });
  await call('policy.bodies.create', { name: 'Housing Finance Authority', kind: 'regulatory', level: 'state', jurisdiction: 'State of Columbia', responsibilities: 'Allocates housing tax credits and supportive-housing grants.', website: '', email: '', phone: '', notes: '' });

  const committees = new Map<string, string>();
  const committeeOf = async (name: string, bodyId: string) => {
    const key = `${bodyId}|${name}`;
    if (!committees.has(key)) committees.set(key, (await call('policy.committees.create', { name, bodyId, description: '' })).id);
    return committees.get(key) as string;
  };
  const stateCommittees = ['Health', 'Housing', 'Education', 'Appropriations', 'Finance', 'Human Services', 'Judiciary'];
  for (const name of stateCommittees) await committeeOf(name, assembly.id);
  for (const name of ['Health', 'Appropriations']) await committeeOf(name, senate.id);
  for (const council of councils) for (const name of ['Housing and Land Use', 'Public Safety', 'Budget']) await committeeOf(name, council.id);
  for (const name of ['Energy and Commerce', 'Agriculture']) await committeeOf(name, congress.id);

  const officials: { id: string; level: Level }[] = [];
  const names = [...SPECIAL, ...Array.from({ length: 37 }, (_, i) => `${FIRST[i % FIRST.length]} ${LAST[(i * 7 + 3 + Math.floor(i / FIRST.length)) % LAST.length]}`)];
  for (const [i, name] of names.entries()) {
    const kind = i % 10 < 5 ? 'assembly' : i % 10 < 7 ? 'senate' : i % 10 < 9 ? 'council' : 'congress';
    const council = councils[i % councils.length];
    const body = kind === 'assembly' ? assembly : kind === 'senate' ? senate : kind === 'council' && council ? council : congress;
    const level: Level = kind === 'council' ? 'local' : kind === 'congress' ? 'national' : 'state';
    const district = `District ${(i % 12) + 1}`;
    const pool = level === 'local' ? ['Housing and Land Use', 'Public Safety', 'Budget'] : level === 'national' ? ['Energy and Commerce', 'Agriculture'] : kind === 'senate' ? ['Health', 'Appropriations'] : stateCommittees;
    const first = pool[i % pool.length] as string;
    const second = pool[(i + 2) % pool.length] as string;
    const memberOf = [...new Set([first, second])];
    const slug = officialNameKey(name).replace(/[^a-z]+/g, '.') || `official${i}`;
    const created = await call('policy.officials.create', {
      name,
      title: kind === 'assembly' ? 'Assembly Member' : kind === 'senate' ? 'State Senator' : kind === 'council' ? 'Council Member' : 'Representative',
      level,
      bodyId: body.id,
      district,
      jurisdiction: level === 'local' ? body.jurisdiction : level === 'state' ? 'State of Columbia' : 'United States',
      party: random.pick(PARTIES),
      email: `${slug}@${kind === 'council' ? 'city' : kind}.example.gov`,
      phone: `+1 555 01${String(10 + i).padStart(2, '0')}`,
      officeAddress: kind === 'council' ? `City Hall, ${body.jurisdiction}` : `Capitol, Room ${100 + i * 3}`,
      website: '',
      termStart: '2025-01-06',
      termEnd: level === 'local' ? '2028-12-31' : '2026-12-31',
      notes: i % 6 === 0 ? 'Former public-health nurse; cares about rural clinics.' : '',
      committees: await Promise.all(memberOf.map(async (c, j) => ({ committeeId: await committeeOf(c, body.id), role: i < 12 && j === 0 ? ('chair' as const) : ('member' as const) }))),
      staffers: i % 3 === 0 ? [{ name: `${random.pick(FIRST)} ${random.pick(LAST)}`, role: 'Legislative director', email: `staff.${slug}@example.gov`, phone: '' }] : [],
    });
    officials.push({ id: created.id, level });
  }

  for (const [i, b] of BILLS.entries()) {
    const pool = officials.filter((o) => o.level === b.level);
    const primary = pool[i % pool.length];
    const co = pool.filter((o) => o !== primary).slice(i % 3, (i % 3) + 2);
    const bodyId = b.level === 'local' ? (councils[i % councils.length]?.id ?? assembly.id) : b.level === 'national' ? congress.id : assembly.id;
    const committeeId = await committeeOf(b.committee, bodyId);
    const start = dayAfter('2026-01-12', i * 9);
    const created = await call('policy.bills.create', {
      bill: {
        identifier: b.identifier,
        title: b.title,
        kind: b.kind,
        jurisdiction: b.level === 'local' ? 'City' : b.level === 'national' ? 'United States' : 'State of Columbia',
        level: b.level,
        summary: `${b.title}: what it changes for the people the coalition serves.`,
        committeeId,
        position: b.position,
        positionNote: b.position === 'support_if_amended' ? 'Support with the amendment protecting county matching funds.' : '',
        url: '',
        sponsors: [...(primary ? [{ officialId: primary.id, role: 'primary' as const }] : []), ...co.map((o) => ({ officialId: o.id, role: 'co' as const }))],
        hearings: b.path.includes('in_committee') ? [{ heldOn: dayAfter(start, 30), committeeId, note: 'Coalition members testified.' }] : [],
        allocations: b.amount ? [{ amount: b.amount, currency: 'USD', program: b.program ?? '', fiscalYear: '2026-27', note: '' }, { amount: Math.round(b.amount * 1.1), currency: 'USD', program: b.program ?? '', fiscalYear: '2027-28', note: 'Proposed' }] : [],
        campaignIds: [],
      },
      status: b.path[0] as BillStatus,
      changedOn: start,
      note: '',
    });
    for (const [step, status] of b.path.slice(1).entries()) {
      await call('policy.bills.setStatus', { id: created.id, status, changedOn: dayAfter(start, 21 * (step + 1)), note: status === 'passed_committee' ? '7–2 vote' : '' });
    }
  }
}

/** Stances, votes, relationship holders, campaign targets and engagements (after the campaigns). */
export async function writePolicyActivity(call: Call): Promise<void> {
  const random = seededRandom(606);
  const officials = (await call('policy.officials.list', { filters: { search: '', level: null, bodyId: null, party: null, committeeId: null }, offset: 0, limit: 500 })).rows;
  const bills = (await call('policy.bills.list', { filters: { search: '', status: null, position: null, level: null }, offset: 0, limit: 500 })).rows;
  const campaigns = await call('campaigns.list', {});
  const people = (await call('people.list', { limit: 30 })).rows;
  const members = (await call('organizations.list', { filters: { stage: ['member'] }, limit: 20 })).rows;
  const stances: Stance[] = ['champion', 'supporter', 'leaning_yes', 'undecided', 'leaning_no', 'opposed', 'unknown'];

  for (const [i, official] of officials.entries()) {
    const campaign = campaigns[i % Math.max(1, campaigns.length)];
    if (campaign && i % 2 === 0) {
      // A stance that moved over the year: the history shows each step.
      const first = stances[(i + 3) % 5] as Stance;
      await call('policy.stances.record', { officialId: official.id, campaignId: campaign.id, billId: null, stance: first, statedOn: '2026-03-10', evidence: 'Said so at a town hall.', recordedBy: 'Dana Whitfield' });
      await call('policy.stances.record', { officialId: official.id, campaignId: campaign.id, billId: null, stance: stances[(i + 1) % 4] as Stance, statedOn: '2026-09-18', evidence: 'After our briefing.', recordedBy: 'Dana Whitfield' });
    }
    const bill = bills.filter((b) => b.level === official.level)[i % 3];
    if (bill) {
      await call('policy.stances.record', { officialId: official.id, campaignId: null, billId: bill.id, stance: random.pick(stances), statedOn: dayAfter(bill.statusOn, -10), evidence: '', recordedBy: '' });
      if (['passed_chamber', 'passed_both', 'enacted', 'vetoed'].includes(bill.status)) {
        await call('policy.actions.record', { officialId: official.id, billId: bill.id, action: random.pick(['voted_yes', 'voted_yes', 'voted_no', 'absent'] as const), actedOn: bill.statusOn, note: 'Floor vote' });
      }
    }
    const person = people[i % Math.max(1, people.length)];
    const org = members[i % Math.max(1, members.length)];
    if (person && org && i % 2 === 1) {
      await call('policy.officials.setHolders', {
        officialId: official.id,
        holders: [
          { personId: person.id, organizationId: null, isPrimary: true, note: 'Worked together on the county health board.' },
          { personId: null, organizationId: org.id, isPrimary: false, note: 'A member organization in the district.' },
        ],
      });
    }
  }

  for (const [i, campaign] of campaigns.entries()) {
    await call('policy.campaignTargets.set', {
      campaignId: campaign.id,
      bills: bills.slice(i * 2, i * 2 + 2).map((b) => ({ billId: b.id, note: '' })),
      officials: officials.slice(i * 5, i * 5 + 5).map((o) => ({ officialId: o.id, note: i === 0 ? 'Swing vote' : '' })),
    });
  }

  const kinds = ['meeting', 'testimony', 'briefing', 'letter', 'site_visit', 'meeting', 'call', 'meeting'] as const;
  for (let i = 0; i < 24; i += 1) {
    const kind = kinds[i % kinds.length] as (typeof kinds)[number];
    const official = officials[(i * 5) % officials.length];
    if (!official) break;
    const day = dayAfter('2026-06-02', i * 9);
    const timed = kind === 'meeting' || kind === 'briefing' || kind === 'site_visit';
    const owner = people[i % Math.max(1, people.length)];
    const bill = bills[i % bills.length];
    await call('policy.engagements.create', {
      kind,
      title: kind === 'testimony' ? `Testimony on ${bill?.identifier ?? 'the budget'}` : kind === 'letter' ? `Sign-on letter on ${bill?.identifier ?? 'housing'}` : kind === 'site_visit' ? 'Clinic site visit' : `${bill?.identifier ?? 'Budget'} briefing`,
      occurredOn: day,
      startsAt: timed ? `${day}T15:00:00Z` : null,
      endsAt: timed ? `${day}T16:00:00Z` : null,
      timeZone: timed ? 'America/Chicago' : null,
      location: timed ? 'Capitol, Room 210' : '',
      officials: [{ officialId: official.id, stafferId: null }],
      attendeePersonIds: people.slice(i % 5, (i % 5) + 2).map((p) => p.id),
      campaignId: campaigns[i % Math.max(1, campaigns.length)]?.id ?? null,
      billId: bill?.id ?? null,
      presented: i % 2 === 0 ? ['data', 'stories'] : ['research'],
      presentedNote: i % 2 === 0 ? 'County wait-time data and two families’ stories.' : 'The coalition’s policy brief.',
      outcome: i % 3 === 0 ? 'Agreed to co-sponsor the amendment.' : 'Asked for district numbers.',
      followUp: i % 3 === 2 ? '' : 'Send the district data sheet',
      followUpOwnerPersonId: i % 3 === 2 ? null : (owner?.id ?? null),
      followUpDueOn: i % 3 === 2 ? null : dayAfter(day, 7),
      followUpDone: day < '2026-10-01' && i % 3 !== 2,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Coalition scale (tests/bench/policy.bench.ts)

export interface PolicyCounts {
  officials: number;
  bills: number;
  statusChanges: number;
  engagements: number;
}

export const SCALE_POLICY: PolicyCounts = { officials: 8_000, bills: 20_000, statusChanges: 100_000, engagements: 50_000 };

/** Bulk-loads officials, bills with status histories and sponsors, stances, actions and engagements (raw SQLite, no change log). */
export function generatePolicy(sqlite: SqliteDatabase.Database, counts: PolicyCounts & { seed: number }): { officialIds: string[]; billIds: string[] } {
  const random = seededRandom(counts.seed);
  const now = '2026-11-01T00:00:00.000Z';
  const body = randomUUID();
  sqlite.prepare(`insert into policy_bodies (id, name, kind, level, jurisdiction, responsibilities, website, email, phone, notes, created_at, updated_at) values (?, 'State Assembly', 'legislature_chamber', 'state', '', '', '', '', '', '', ?, ?)`).run(body, now, now);
  const committeeIds = Array.from({ length: 20 }, (_, i) => {
    const id = randomUUID();
    sqlite.prepare('insert into committees (id, name, body_id, description, created_at, updated_at) values (?, ?, ?, ?, ?, ?)').run(id, `Committee ${i + 1}`, body, '', now, now);
    return id;
  });
  const official = sqlite.prepare(
    `insert into officials (id, name, title, level, body_id, district, jurisdiction, party, email, phone, office_address, website, term_start, term_end, notes, name_key, district_key, created_at, updated_at)
     values (?, ?, 'Assembly Member', 'state', ?, ?, 'State', ?, '', '', '', '', null, null, '', ?, ?, ?, ?)`,
  );
  const member = sqlite.prepare('insert into committee_members (id, committee_id, official_id, role) values (?, ?, ?, ?)');
  const officialIds: string[] = [];
  for (let i = 0; i < counts.officials; i += 1) {
    const id = randomUUID();
    const name = `${random.pick(FIRST)} ${random.pick(LAST)} ${i}`;
    const district = `District ${random.int(1, 12)}`;
    official.run(id, name, body, district, random.pick(PARTIES), officialNameKey(name), districtKey(district), now, now);
    member.run(randomUUID(), committeeIds[i % committeeIds.length], id, i % 20 === 0 ? 'chair' : 'member');
    officialIds.push(id);
  }
  const bill = sqlite.prepare(
    `insert into bills (id, identifier, title, kind, jurisdiction, level, summary, committee_id, status, status_on, position, position_note, url, created_at, updated_at)
     values (?, ?, ?, 'bill', 'State', 'state', '', ?, ?, ?, ?, '', '', ?, ?)`,
  );
  const change = sqlite.prepare('insert into bill_status_changes (id, bill_id, status, changed_on, note, recorded_by, created_at) values (?, ?, ?, ?, ?, ?, ?)');
  const sponsor = sqlite.prepare('insert into bill_sponsors (id, bill_id, official_id, role) values (?, ?, ?, ?)');
  const stance = sqlite.prepare('insert into stances (id, official_id, campaign_id, bill_id, stance, stated_on, evidence, recorded_by, created_at) values (?, ?, null, ?, ?, ?, ?, ?, ?)');
  const action = sqlite.prepare('insert into official_actions (id, official_id, bill_id, action, acted_on, note) values (?, ?, ?, ?, ?, ?)');
  const billIds: string[] = [];
  const perBill = Math.max(1, Math.floor(counts.statusChanges / counts.bills));
  for (let i = 0; i < counts.bills; i += 1) {
    const id = randomUUID();
    const steps = BILL_STATUS_VALUES.slice(0, perBill);
    const start = dayAfter('2024-01-01', random.int(0, 900));
    const last = steps[steps.length - 1] as string;
    bill.run(id, `AB ${i + 1}`, `Bill number ${i + 1}`, committeeIds[i % committeeIds.length], last, dayAfter(start, 14 * (steps.length - 1)), random.pick(['support', 'oppose', 'monitor', 'support_if_amended']), now, now);
    steps.forEach((status, s) => change.run(randomUUID(), id, status, dayAfter(start, 14 * s), '', '', now));
    const sponsors = new Set([random.pick(officialIds), random.pick(officialIds)]);
    [...sponsors].forEach((o, s) => sponsor.run(randomUUID(), id, o, s === 0 ? 'primary' : 'co'));
    for (let k = 0; k < 2; k += 1) {
      const o = random.pick(officialIds);
      stance.run(randomUUID(), o, id, random.pick(['champion', 'supporter', 'undecided', 'opposed']), dayAfter(start, 5 + k), '', '', now);
      action.run(randomUUID(), o, id, random.pick(['voted_yes', 'voted_no', 'absent']), dayAfter(start, 30), '');
    }
    billIds.push(id);
  }
  const engagement = sqlite.prepare(
    `insert into engagements (id, kind, title, occurred_on, starts_at, ends_at, time_zone, location, campaign_id, bill_id, presented_json, presented_note, outcome, follow_up, follow_up_owner_person_id, follow_up_due_on, follow_up_done, meeting_id, created_at, updated_at)
     values (?, ?, ?, ?, null, null, null, '', null, ?, '["data"]', '', 'Listened.', ?, null, ?, ?, null, ?, ?)`,
  );
  const met = sqlite.prepare('insert into engagement_officials (id, engagement_id, official_id, staffer_id, occurred_on) values (?, ?, ?, null, ?)');
  for (let i = 0; i < counts.engagements; i += 1) {
    const id = randomUUID();
    const day = dayAfter('2024-01-01', random.int(0, 1000));
    const followUp = i % 3 === 0 ? 'Send the data' : '';
    engagement.run(id, random.pick(['letter', 'testimony', 'briefing', 'call']), `Engagement ${i + 1}`, day, random.pick(billIds), followUp, followUp ? dayAfter(day, 7) : null, i % 6 === 0 ? 0 : 1, now, now);
    met.run(randomUUID(), id, random.pick(officialIds), day);
  }
  return { officialIds, billIds };
}
