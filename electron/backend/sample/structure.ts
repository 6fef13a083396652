import type { Input, Method, Output } from '@shared/contract';
import type { TermRole } from '@shared/structure/contract';

// The sample coalition's structure, through the public methods: a steering committee drawn from
// the member organizations (one seat vacant, one term ending at the end of 2026), three working
// groups linked to the charter's goals, the coordinator and spokesperson, applications at each
// stage and the members' charter endorsements. Dates are fixed, so the data does not depend on
// the clock.

type Call = <M extends Method>(method: M, input: Input<M>) => Promise<Output<M>>;

interface Holder {
  personId: string;
  organizationId: string;
}

/** A member organization of the sector (or serving the population) with a person affiliated to it, not used yet. */
async function holderFor(call: Call, used: Set<string>, requirement: { kind: 'sector' | 'population'; value: string } | null): Promise<Holder | null> {
  const filters = requirement?.kind === 'sector' ? { sector: [requirement.value as 'community'] } : requirement ? { population: [requirement.value] } : {};
  const { rows } = await call('organizations.list', { filters: { ...filters, stage: ['member'] }, limit: 50 });
  for (const row of rows) {
    if (used.has(row.id)) continue;
    const organization = await call('organizations.get', { id: row.id });
    const person = organization.affiliations.find((a) => !used.has(a.person.id))?.person;
    if (!person) continue;
    used.add(row.id).add(person.id);
    return { personId: person.id, organizationId: row.id };
  }
  return null;
}

const SEATS: { name: string; requirement: { kind: 'sector' | 'population'; value: string } | null; role: TermRole | null; end: string }[] = [
  { name: 'Grassroots seat 1', requirement: { kind: 'sector', value: 'community' }, role: 'chair', end: '2027-03-11' },
  { name: 'Grassroots seat 2', requirement: { kind: 'sector', value: 'community' }, role: 'member', end: '2026-12-31' },
  { name: 'Nonprofit seat 1', requirement: { kind: 'sector', value: 'nonprofit' }, role: 'vice-chair', end: '2027-03-11' },
  { name: 'Nonprofit seat 2', requirement: { kind: 'sector', value: 'nonprofit' }, role: 'treasurer', end: '2027-03-11' },
  { name: 'Seniors seat', requirement: { kind: 'population', value: 'Seniors' }, role: 'secretary', end: '2027-03-11' },
  { name: 'Youth seat', requirement: { kind: 'population', value: 'Youth' }, role: null, end: '' },
  { name: 'At-large seat', requirement: null, role: 'member', end: '2027-03-11' },
];

export async function writeStructure(call: Call): Promise<void> {
  const used = new Set<string>();
  const holders: Holder[] = [];
  for (const seat of SEATS) {
    const saved = await call('structure.seats.save', { name: seat.name, requirement: seat.requirement, termMonths: 24 });
    if (!seat.role) continue; // the vacancy
    const holder = await holderFor(call, used, seat.requirement);
    if (!holder) continue;
    holders.push(holder);
    await call('structure.terms.save', { seatId: saved.id, ...holder, role: seat.role, startDate: '2025-03-12', endDate: seat.end });
  }

  const goals = (await call('charter.getDraft', {})).goals;
  const goal = (word: string) => goals.filter((g) => g.title.toLowerCase().includes(word)).map((g) => g.id);
  const people = (await call('people.list', { sort: { field: 'name', direction: 'asc' }, limit: 60 })).rows.map((p) => p.id);
  const groups = [
    { name: 'Housing justice', focusIssueArea: 'Housing', status: 'active' as const, goalIds: [...goal('evict'), ...goal('housing')], objectives: 'Win just-cause eviction in the two largest cities.' },
    { name: 'Mental health access', focusIssueArea: 'Mental health', status: 'active' as const, goalIds: goal('mental'), objectives: '' },
    { name: 'Advocate training', focusIssueArea: null, status: 'forming' as const, goalIds: goal('train'), objectives: 'A first cohort of advocates before the legislative session.' },
  ];
  for (const [index, group] of groups.entries()) {
    const saved = await call('structure.workingGroups.save', { ...group, description: '' });
    const members = people.slice(index * 12, index * 12 + 9);
    const [lead, ...rest] = members;
    if (lead) await call('structure.workingGroups.addMembers', { workingGroupId: saved.id, personIds: [lead], role: 'lead', joinedOn: '2025-04-01' });
    if (rest.length) await call('structure.workingGroups.addMembers', { workingGroupId: saved.id, personIds: rest, role: 'member', joinedOn: '2025-05-15' });
  }

  const [coordinator, spokesperson] = [people[40], holders[0]?.personId];
  if (coordinator) await call('structure.roles.save', { role: 'coordinator', title: '', personId: coordinator, startDate: '2025-03-12', endDate: null });
  if (spokesperson) await call('structure.roles.save', { role: 'spokesperson', title: '', personId: spokesperson, startDate: '2025-06-01', endDate: null });

  // Applications from engaged organizations: one waiting, one under review, one declined.
  const applicants = (await call('organizations.list', { filters: { stage: ['engaged'] }, limit: 3 })).rows;
  const intake = { contactPersonId: null, issueAreas: [], populations: [], contributions: ['volunteers' as const], charterVersion: 2 };
  for (const [index, applicant] of applicants.entries()) {
    const { id } = await call('structure.applications.save', {
      ...intake,
      organizationId: applicant.id,
      receivedOn: ['2026-10-20', '2026-09-02', '2026-06-10'][index] ?? '2026-10-20',
      motivation: 'We want to add our members’ voices to the coalition’s campaigns.',
    });
    if (index === 1) await call('structure.applications.review', { id, status: 'under_review', reviewer: 'Steering committee', decidedOn: null, reason: '' });
    if (index === 2) {
      await call('structure.applications.review', { id, status: 'declined', reviewer: 'Steering committee', decidedOn: '2026-07-08', reason: 'Outside the coalition’s region; referred to the state network.' });
    }
  }

  // Most members endorsed the founding charter; fewer have endorsed the amended version yet.
  const members = (await call('organizations.list', { filters: { stage: ['member'] }, sort: { field: 'name', direction: 'asc' }, limit: 100 })).rows;
  for (const [index, member] of members.entries()) {
    if (index % 5 !== 4) await call('structure.endorsements.save', { organizationId: member.id, charterVersion: 1, endorsedOn: '2025-04-15', signedBy: '', personId: null });
    if (index % 3 === 0) await call('structure.endorsements.save', { organizationId: member.id, charterVersion: 2, endorsedOn: '2026-03-02', signedBy: '', personId: null });
  }
}
