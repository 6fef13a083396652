import { HOST_METHODS, METHODS, SHELL_METHODS, type Input } from '@shared/contract';
import type { DraftInput } from '@shared/charter/contract';
import type { BackendMethod } from '../../electron/backend/rpc/handlers';
import { ok, type Caller } from './backend';
import { png } from './images';
import { uploadImport, type ImportCall } from './imports';
import { personInput } from './people';
import { CAMPAIGN_INPUTS, seedCampaigns } from './samples/campaigns';
import { POLICY_INPUTS, seedPolicy } from './samples/policy';
import { MEDIA_INPUTS, seedMedia } from './samples/media';
import { STORY_INPUTS, seedStories } from './samples/stories';
import { RESOURCE_INPUTS, seedResources } from './samples/resources';
import { CAPACITY_INPUTS, seedCapacity } from './samples/capacity';
import { METRIC_INPUTS, seedMetrics } from './samples/metrics';
import { REPORT_INPUTS, seedReports } from './samples/reports';
import { BRIEFING_INPUTS, seedBriefings } from './samples/briefings';

// One valid input for every method the workspace backend answers, valid on a workspace prepared
// by `seedWorkspace`. The type makes the compiler ask for an entry when a method is added; the
// validation tests also check it at run time and derive their hostile inputs from these.
//
// Inputs that name existing records use the placeholder ids of SEED_IDS: `seedWorkspace` creates
// those records (the backend gives them their real ids) and returns the placeholder → id map, and
// `validInput(method, seeded)` puts the real ids in.

/** The methods the workspace backend answers (the host and the shell answer the others). */
export const BACKEND_METHODS = METHODS.filter(
  (m): m is BackendMethod => !(HOST_METHODS as readonly string[]).includes(m) && !(SHELL_METHODS as readonly string[]).includes(m),
);

/** Placeholder ids (valid UUIDs) standing for the records `seedWorkspace` creates. */
export const SEED_IDS = {
  organization: '00000000-0000-4000-8000-00000000a001',
  view: '00000000-0000-4000-8000-00000000a002',
  person: '00000000-0000-4000-8000-00000000b001',
  otherPerson: '00000000-0000-4000-8000-00000000b002',
  affiliation: '00000000-0000-4000-8000-00000000b003',
  relationship: '00000000-0000-4000-8000-00000000b004',
  interaction: '00000000-0000-4000-8000-00000000b005',
  representationTarget: '00000000-0000-4000-8000-00000000c001',
  customField: '00000000-0000-4000-8000-00000000d001',
  // Coalition structure (seedStructure).
  goal: '00000000-0000-4000-8000-00000000d101',
  otherOrganization: '00000000-0000-4000-8000-00000000d102',
  seat: '00000000-0000-4000-8000-00000000d103',
  term: '00000000-0000-4000-8000-00000000d104',
  workingGroup: '00000000-0000-4000-8000-00000000d105',
  groupMember: '00000000-0000-4000-8000-00000000d106',
  role: '00000000-0000-4000-8000-00000000d107',
  /** A waiting application (the other organization's); the seeded organization's was approved. */
  application: '00000000-0000-4000-8000-00000000d108',
  endorsement: '00000000-0000-4000-8000-00000000d109',
  /** A small CSV of organizations uploaded and staged by imports.open. */
  import: '00000000-0000-4000-8000-00000000e001',
  /** An upload begun for SEED_IMPORT_CSV, no byte of it sent yet (imports.append's). */
  upload: '00000000-0000-4000-8000-00000000e002',
  meeting: '00000000-0000-4000-8000-00000000f001',
  agendaItem: '00000000-0000-4000-8000-00000000f002',
  decision: '00000000-0000-4000-8000-00000000f003',
  actionItem: '00000000-0000-4000-8000-00000000f004',
} as const;

/** The CSV `seedWorkspace` stages for import: one new organization, one row repeating the seeded one. */
export const SEED_IMPORT_CSV =
  'Organization name,Sector,Stage,City,Tags\r\nRiverside Tenants Union,Community & grassroots,Engaged,Riverside,tenants; housing\r\nEastside Community Health Center,Nonprofit,Member,São Paulo,clinic\r\n';

/** A calendar invitation as another app would send it (the input of meetings.importIcs). */
export const SEED_ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Example//Calendar//EN',
  'BEGIN:VEVENT',
  'UID:town-hall-2026@example.org',
  'DTSTAMP:20260401T120000Z',
  'DTSTART;TZID=America/New_York:20260610T180000',
  'DTEND;TZID=America/New_York:20260610T200000',
  'SUMMARY:Housing town hall',
  'CATEGORIES:Town hall',
  'LOCATION:Eastside Library',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

/** Placeholder id → the real id of the record created for it in one seeded workspace. */
export type SeededIds = ReadonlyMap<string, string>;

/** The meeting `seedWorkspace` schedules (and the input of meetings.create). */
const SEED_MEETING: Input<'meetings.create'> = {
  type: 'assembly',
  title: 'Spring assembly',
  startsAt: '2026-05-04T16:00:00Z',
  endsAt: '2026-05-04T18:00:00Z',
  timeZone: 'America/New_York',
  location: 'Eastside Library',
  videoUrl: 'https://meet.example.org/spring-assembly',
  organizerPersonId: null,
  workingGroupId: null,
};

export const VALID_INPUTS: { [M in BackendMethod]: Input<M> } = {
  ...CAMPAIGN_INPUTS,
  ...POLICY_INPUTS,
  ...MEDIA_INPUTS,
  ...STORY_INPUTS,
  ...RESOURCE_INPUTS,
  ...CAPACITY_INPUTS,
  ...METRIC_INPUTS,
  ...REPORT_INPUTS,
  ...BRIEFING_INPUTS,
  'profile.get': {},
  'profile.save': { name: 'Eastside Health Equity Coalition', shortName: 'EHEC', region: 'Eastside, State of Columbia', foundedOn: '2019-04-02' },
  'profile.setLogo': { logo: { mimeType: 'image/png', dataBase64: png().toString('base64') } },
  'charter.getDraft': {},
  'charter.saveDraft': {
    mission: 'We win fair, well-funded social services for every resident.',
    vision: 'Healthcare and housing are rights.',
    values: ['Equity', 'Community voice'],
    goals: [
      {
        category: 'policy_change',
        title: 'Pass the tenant protection ordinance',
        description: 'Just-cause eviction in the two largest cities.',
        target: { metric: 'Ordinances passed', value: 2, unit: 'ordinances', dueOn: '2027-06-30' },
      },
    ],
  },
  'charter.adopt': { adoptedOn: '2026-03-01', note: 'Adopted at the spring assembly.' },
  'charter.listVersions': {},
  'charter.getVersion': { number: 1 },
  'charter.compare': { from: 1, to: 'draft' },
  'history.list': { entity: 'charter_draft', entityId: 'draft', limit: 10 },
  'history.batches': { limit: 20 },
  // The latest batch of the seeded workspace (the organization's custom value) is undone.
  'history.undo': {},
  // Directory: organizations, search, vocabulary, saved views.
  'directory.search': { query: 'sao pau', limit: 10 },
  'organizations.list': {
    filters: {
      text: 'health',
      stage: ['member', 'engaged'],
      sector: ['nonprofit'],
      type: ['public_health'],
      tier: ['steering'],
      contribution: ['meeting_space'],
      issueArea: ['Healthcare access'],
      region: ['Eastside'],
      population: ['Immigrants'],
      tag: ['clinic'],
      lastContacted: { from: '2025-01-01', to: '2026-12-31', never: false },
      custom: [{ fieldId: SEED_IDS.customField, values: ['Paid'] }],
    },
    // Sorted by the seeded custom field (`cf:<field id>`; validInput maps the placeholder inside the key).
    sort: { field: `cf:${SEED_IDS.customField}`, direction: 'desc' },
    offset: 0,
    limit: 50,
  },
  'organizations.get': { id: SEED_IDS.organization },
  'organizations.create': organizationInput({ name: 'Harbor Legal Aid', type: 'legal_aid', stage: 'engaged', tier: null }),
  'organizations.update': {
    id: SEED_IDS.organization,
    organization: organizationInput({ notes: 'Hosts the quarterly assembly.', custom: { [SEED_IDS.customField]: 'Waived' } }),
  },
  'organizations.delete': { id: SEED_IDS.organization },
  'organizations.bulkUpdate': { ids: [SEED_IDS.organization], stage: 'engaged', addTags: ['assembly'], removeTags: ['clinic'] },
  'vocabulary.list': { kind: 'issue_area' },
  'vocabulary.add': { kind: 'population', value: 'Unhoused people' },
  'vocabulary.remove': { kind: 'issue_area', value: 'Youth' },
  'vocabulary.usage': { kind: 'population' },
  'views.list': {},
  'views.save': {
    name: 'Health members in Eastside',
    entity: 'organization',
    filters: { stage: ['member'], issueArea: ['Healthcare access'], lastContacted: { never: true } },
    sort: { field: 'lastContactedOn', direction: 'asc' },
    columns: ['name', 'stage', 'city', 'lastContactedOn'],
  },
  'views.delete': { id: SEED_IDS.view },
  // Directory: export (a filtered, sorted view of organizations as CSV, chosen columns).
  'directory.export': {
    entity: 'organization',
    format: 'csv',
    scope: { filters: { stage: ['member', 'engaged'], sector: ['nonprofit'], text: 'health' }, sort: { field: 'city', direction: 'desc' } },
    columns: ['name', 'sector', 'stage', 'city', 'lastContactedOn'],
  },
  // Directory: people, affiliations, relationships, interactions.
  'people.list': {
    filters: {
      text: 'rivera',
      organizationId: SEED_IDS.organization,
      communityLeader: true,
      mayContact: true,
      district: ['District 4'],
      tag: ['housing'],
      lastContacted: { from: '2025-01-01', to: '2026-12-31', never: false },
      custom: [{ fieldId: SEED_IDS.customField, from: 1, to: 10 }],
    },
    sort: { field: 'district', direction: 'desc' },
    offset: 0,
    limit: 50,
  },
  'people.get': { id: SEED_IDS.person },
  'people.create': personInput({ name: 'Ana Lopez', consent: { mayContact: null, channels: [], recordedOn: null, recordedBy: '' } }),
  'people.update': { id: SEED_IDS.person, person: personInput({ title: 'Tenant union chair' }) },
  'people.delete': { id: SEED_IDS.person },
  'affiliations.create': { personId: SEED_IDS.otherPerson, organizationId: SEED_IDS.organization, role: 'Board member', primary: true, startOn: '2024-01-01', endOn: null },
  'affiliations.update': {
    id: SEED_IDS.affiliation,
    affiliation: { personId: SEED_IDS.person, organizationId: SEED_IDS.organization, role: 'Chair', primary: true, startOn: '2022-03-01', endOn: '2026-03-01' },
  },
  'affiliations.delete': { id: SEED_IDS.affiliation },
  'relationships.create': { entity: 'person', kind: 'mentors', fromId: SEED_IDS.person, toId: SEED_IDS.otherPerson, note: 'Weekly check-ins.' },
  'relationships.delete': { entity: 'person', id: SEED_IDS.relationship },
  'interactions.list': { personId: SEED_IDS.person, offset: 0, limit: 20 },
  'interactions.create': {
    kind: 'meeting',
    occurredOn: '2025-06-02',
    summary: 'Planned the housing forum.',
    personIds: [SEED_IDS.person, SEED_IDS.otherPerson],
    organizationIds: [SEED_IDS.organization],
    followUp: { owner: 'Dana', dueOn: '2025-06-09', done: false },
  },
  'interactions.update': {
    id: SEED_IDS.interaction,
    interaction: { kind: 'call', occurredOn: '2025-05-20', summary: 'Follow-up call.', personIds: [SEED_IDS.otherPerson], organizationIds: [], followUp: null },
  },
  'interactions.delete': { id: SEED_IDS.interaction },
  // Directory: duplicates (the two seeded people; the relationship between them is dropped as a self-link).
  'duplicates.find': { entity: 'person', offset: 0, limit: 20 },
  'duplicates.merge': { entity: 'person', survivorId: SEED_IDS.otherPerson, mergedId: SEED_IDS.person, fields: { name: 'survivor', email: 'merged', consent: 'merged' } },
  // Directory: representation dashboard and its targets.
  'representation.summary': { stages: ['member', 'engaged'] },
  'representation.targets.save': { id: SEED_IDS.representationTarget, dimension: 'sector', value: 'community', kind: 'min_share', amount: 30, note: 'Grassroots voices lead.' },
  'representation.targets.delete': { id: SEED_IDS.representationTarget },
  // Directory: custom fields (the seeded one is a choice field on organizations).
  'customFields.list': { entity: 'organization' },
  'customFields.save': { entity: 'person', label: 'Languages spoken at home', kind: 'choice', choices: ['Spanish', 'Tagalog', 'Vietnamese'], position: 2 },
  'customFields.delete': { id: SEED_IDS.customField },
  // Coalition structure: a seat held by the seeded person, a working group, a role, applications and an endorsement.
  'structure.rules.get': {},
  'structure.rules.save': { quorumShare: 0.6, ordinaryMajority: 0.5, charterMajority: 2 / 3 },
  'structure.overview': { today: '2026-05-04' },
  'structure.seats.get': { id: SEED_IDS.seat },
  'structure.seats.save': { id: SEED_IDS.seat, name: 'Community seat A', requirement: { kind: 'population', value: 'Seniors' }, termMonths: 36 },
  'structure.seats.delete': { id: SEED_IDS.seat },
  'structure.terms.save': {
    seatId: SEED_IDS.seat,
    personId: SEED_IDS.otherPerson,
    organizationId: SEED_IDS.otherOrganization,
    role: 'member',
    startDate: '2027-01-01',
    endDate: '2028-12-31',
  },
  'structure.terms.delete': { id: SEED_IDS.term },
  'structure.workingGroups.list': {},
  'structure.workingGroups.get': { id: SEED_IDS.workingGroup },
  'structure.workingGroups.save': {
    id: SEED_IDS.workingGroup,
    name: 'Housing justice',
    focusIssueArea: 'Housing',
    description: 'Tenant protections across the region.',
    objectives: 'Pass just-cause eviction in two cities.',
    status: 'active',
    goalIds: [SEED_IDS.goal],
  },
  'structure.workingGroups.delete': { id: SEED_IDS.workingGroup },
  'structure.workingGroups.addMembers': { workingGroupId: SEED_IDS.workingGroup, personIds: [SEED_IDS.otherPerson, SEED_IDS.person], role: 'member', joinedOn: '2026-02-01' },
  'structure.workingGroups.updateMember': { id: SEED_IDS.groupMember, member: { role: 'member', joinedOn: '2026-01-15', leftOn: '2026-04-30' } },
  'structure.workingGroups.removeMember': { id: SEED_IDS.groupMember },
  'structure.roles.list': { today: '2026-05-04' },
  'structure.roles.save': { id: SEED_IDS.role, role: 'spokesperson', title: 'Media spokesperson', personId: SEED_IDS.person, startDate: '2026-01-01', endDate: null },
  'structure.roles.delete': { id: SEED_IDS.role },
  'structure.applications.list': { today: '2026-05-04', status: 'received' },
  'structure.applications.get': { id: SEED_IDS.application, today: '2026-05-04' },
  'structure.applications.save': {
    id: SEED_IDS.application,
    organizationId: SEED_IDS.otherOrganization,
    contactPersonId: SEED_IDS.otherPerson,
    receivedOn: '2026-04-02',
    motivation: 'We organize tenants in three districts.',
    issueAreas: ['Housing'],
    populations: ['Renters'],
    contributions: ['volunteers', 'meeting_space'],
    charterVersion: 1,
  },
  'structure.applications.review': { id: SEED_IDS.application, status: 'approved', reviewer: 'Dana Whitfield', decidedOn: '2026-05-04', reason: 'Strong organizing record.' },
  'structure.applications.delete': { id: SEED_IDS.application },
  'structure.endorsements.list': { charterVersion: 1 },
  'structure.endorsements.notEndorsed': {},
  'structure.endorsements.save': { organizationId: SEED_IDS.otherOrganization, charterVersion: 1, endorsedOn: '2026-03-02', signedBy: 'Ben Okafor', personId: SEED_IDS.otherPerson },
  'structure.endorsements.delete': { id: SEED_IDS.endorsement },
  // Directory: import (the CSV staged by seedWorkspace).
  'imports.begin': { entity: 'organization', fileName: 'partners.csv', size: Buffer.byteLength(SEED_IMPORT_CSV) },
  'imports.append': { importId: SEED_IDS.upload, offset: 0, data: Buffer.from(SEED_IMPORT_CSV).toString('base64') },
  'imports.open': { importId: SEED_IDS.import },
  'imports.check': { importId: SEED_IDS.import, entity: 'organization', mapping: ['name', 'sector', 'stage', 'city', 'tags'], duplicates: 'update' },
  'imports.run': { importId: SEED_IDS.import, entity: 'organization', mapping: ['name', 'sector', 'stage', 'city', 'tags'], duplicates: 'skip', skipInvalid: true },
  'imports.discard': { importId: SEED_IDS.import },
  // Meetings: the seeded assembly (both seeded people invited, the first present), its agenda, decision and action item.
  'meetings.range': { from: '2026-05-01T00:00:00Z', to: '2026-06-01T00:00:00Z', types: ['assembly', 'town_hall'] },
  'meetings.list': { offset: 0, limit: 20 },
  'meetings.get': { id: SEED_IDS.meeting },
  'meetings.create': SEED_MEETING,
  'meetings.update': { id: SEED_IDS.meeting, meeting: { ...SEED_MEETING, title: 'Spring assembly (moved)', startsAt: '2026-05-05T16:00:00Z', endsAt: '2026-05-05T18:00:00Z' } },
  'meetings.delete': { id: SEED_IDS.meeting },
  'meetings.saveMinutes': { id: SEED_IDS.meeting, minutesMd: '## Decisions\n\n- The budget was **approved**.' },
  'meetings.conflicts': { startsAt: '2026-05-04T17:00:00Z', endsAt: '2026-05-04T19:00:00Z', personIds: [SEED_IDS.person, SEED_IDS.otherPerson] },
  'meetings.invite': { meetingId: SEED_IDS.meeting, personIds: [SEED_IDS.otherPerson], groups: [{ kind: 'steering' }, { kind: 'members' }] },
  'meetings.uninvite': { meetingId: SEED_IDS.meeting, personId: SEED_IDS.otherPerson },
  'meetings.respond': { meetingId: SEED_IDS.meeting, personIds: [SEED_IDS.otherPerson], rsvp: 'yes', attendance: 'excused' },
  'meetings.saveAgenda': {
    meetingId: SEED_IDS.meeting,
    items: [
      { title: 'Budget', presenterPersonId: SEED_IDS.otherPerson, minutesAllotted: 30, notes: 'Draft attached.', documents: ['C:\\Coalition\\budget 2026.xlsx'] },
      { id: SEED_IDS.agendaItem, title: 'Welcome', presenterPersonId: null, minutesAllotted: 5, notes: '', documents: [] },
    ],
  },
  'meetings.references': { personId: SEED_IDS.person },
  'meetings.home': { now: '2026-05-04T08:00:00Z', today: '2026-05-04', personId: SEED_IDS.person },
  'decisions.save': { id: SEED_IDS.decision, meetingId: SEED_IDS.meeting, text: 'Adopt the 2026 budget.', motion: 'That the budget be adopted.', kind: 'ordinary', votesFor: 1, votesAgainst: 0, votesAbstain: 0 },
  'decisions.delete': { id: SEED_IDS.decision },
  'actionItems.list': { overdueOn: '2026-06-01', openOnly: true, offset: 0, limit: 50 },
  'actionItems.save': { id: SEED_IDS.actionItem, meetingId: SEED_IDS.meeting, description: 'Send the minutes to members', ownerPersonId: SEED_IDS.otherPerson, dueOn: '2026-05-11', status: 'in_progress' },
  'actionItems.setStatus': { id: SEED_IDS.actionItem, status: 'done' },
  'actionItems.delete': { id: SEED_IDS.actionItem },
  'meetings.exportIcs': { meetingId: SEED_IDS.meeting },
  'meetings.importIcs': { content: SEED_ICS, defaultTimeZone: 'America/New_York', create: true },
  'meetings.summaryPdf': { meetingId: SEED_IDS.meeting, pageSize: 'LETTER' },
};

/** VALID_INPUTS[method] with the placeholder ids (values, and keys such as custom field ids) replaced by the seeded workspace's real ids. */
export function validInput<M extends BackendMethod>(method: M, seeded: SeededIds): Input<M> {
  return JSON.parse(JSON.stringify(VALID_INPUTS[method]), (_key, value: unknown) => {
    if (typeof value === 'string') {
      // A custom field's column or sort key, `cf:<placeholder>`.
      const field = value.startsWith('cf:') ? seeded.get(value.slice(3)) : undefined;
      return seeded.get(value) ?? (field !== undefined ? `cf:${field}` : value);
    }
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [seeded.get(k) ?? k, v as unknown]));
    }
    return value;
  }) as Input<M>;
}

/** A complete, valid organization (a member public-health clinic with every list filled in). */
export function organizationInput(overrides: Partial<Input<'organizations.create'>> = {}): Input<'organizations.create'> {
  return {
    name: 'Eastside Community Health Center',
    otherNames: ['ECHC', 'Centro de Saúde'],
    sector: 'nonprofit',
    type: 'public_health',
    issueAreas: ['Healthcare access', 'Mental health'],
    regions: ['Eastside'],
    populations: ['Immigrants', 'Low-income families'],
    alignment: { score: 4, note: 'Shares the coverage goal.' },
    stage: 'member',
    tier: 'steering',
    contributions: ['meeting_space', 'data_research'],
    website: 'echc.example.org',
    email: 'info@echc.example.org',
    phone: '+1 555 0100',
    address: '12 Clinic Road',
    city: 'São Paulo',
    district: 'District 4',
    registrationNumber: 'NP-4471',
    staffSize: 42,
    budgetBand: '2m_10m',
    tags: ['clinic', 'bilingual'],
    notes: 'Runs the Saturday free clinic.',
    ...overrides,
  };
}

export function draftInput(overrides: Partial<DraftInput> = {}): DraftInput {
  return {
    mission: 'We unite neighbourhood groups to win fair social services.',
    vision: 'A region where care is a right.',
    values: ['Equity', 'Solidarity'],
    goals: [
      { category: 'policy_change', title: 'Expand mental-health coverage', description: 'State legislation for community clinics.', target: null },
      {
        category: 'public_awareness',
        title: 'Make housing insecurity visible',
        description: 'Stories of families facing eviction.',
        target: { metric: 'People reached', value: 40_000, unit: 'people', dueOn: '2026-12-31' },
      },
    ],
    ...overrides,
  };
}

/**
 * Prepares a workspace on which every entry of VALID_INPUTS succeeds: a profile, charter
 * version 1, and a draft edited since then (so there is something to adopt and compare), and
 * the directory records of SEED_IDS. Returns the placeholder → real id map for `validInput`.
 */
export async function seedWorkspace(caller: Caller): Promise<SeededIds> {
  const seeded = new Map<string, string>();
  await ok(caller, 'profile.save', { name: 'Seed Coalition', shortName: 'SC', region: 'Seed County', foundedOn: null });
  await ok(caller, 'charter.saveDraft', draftInput());
  await ok(caller, 'charter.adopt', { adoptedOn: '2025-01-10', note: 'First version.' });
  const { mission, vision, values, goals } = await ok(caller, 'charter.getDraft', {});
  await ok(caller, 'charter.saveDraft', { mission: `${mission} Together.`, vision, values, goals });

  const organization = await ok(caller, 'organizations.create', organizationInput());
  seeded.set(SEED_IDS.organization, organization.id);
  const view = await ok(caller, 'views.save', {
    name: 'Seed view',
    entity: 'organization',
    filters: {},
    sort: { field: 'name', direction: 'asc' },
    columns: ['name'],
  });
  seeded.set(SEED_IDS.view, view.id);

  const person = await ok(caller, 'people.create', personInput());
  seeded.set(SEED_IDS.person, person.id);
  const otherPerson = await ok(caller, 'people.create', personInput({ name: 'Ben Okafor', tags: [] }));
  seeded.set(SEED_IDS.otherPerson, otherPerson.id);
  const affiliation = await ok(caller, 'affiliations.create', { personId: person.id, organizationId: organization.id, role: 'Member', primary: false, startOn: '2022-03-01', endOn: null });
  seeded.set(SEED_IDS.affiliation, affiliation.id);
  const relationship = await ok(caller, 'relationships.create', { entity: 'person', kind: 'works_with', fromId: person.id, toId: otherPerson.id, note: '' });
  seeded.set(SEED_IDS.relationship, relationship.id);
  const interaction = await ok(caller, 'interactions.create', {
    kind: 'call',
    occurredOn: '2025-05-12',
    summary: 'Introduced the coalition.',
    personIds: [person.id],
    organizationIds: [organization.id],
    followUp: null,
  });
  seeded.set(SEED_IDS.interaction, interaction.id);
  const target = await ok(caller, 'representation.targets.save', { dimension: 'region', value: '*', kind: 'min_count', amount: 1, note: '' });
  seeded.set(SEED_IDS.representationTarget, target.id);
  await seedStructure(caller, seeded);
  await seedMeeting(caller, seeded);
  await seedCampaigns(caller, seeded);
  await seedPolicy(caller, seeded);
  await seedMedia(caller, seeded);
  await seedStories(caller, seeded);
  await seedResources(caller, seeded);
  await seedCapacity(caller, seeded);
  await seedMetrics(caller, seeded);
  await seedReports(caller, seeded);
  await seedBriefings(caller, seeded);
  const customField = await ok(caller, 'customFields.save', { entity: 'organization', label: 'Membership dues', kind: 'choice', choices: ['Paid', 'Waived'] });
  seeded.set(SEED_IDS.customField, customField.id);
  await ok(caller, 'organizations.update', { id: organization.id, organization: { ...organizationInput(), custom: { [customField.id]: 'Paid' } } });
  const importCall: ImportCall = (method, input) => ok(caller, method, input as never);
  const staged = await ok(caller, 'imports.open', { importId: await uploadImport(importCall, { entity: 'organization', fileName: 'partners.csv', content: SEED_IMPORT_CSV }) });
  seeded.set(SEED_IDS.import, staged.importId);
  seeded.set(SEED_IDS.upload, (await ok(caller, 'imports.begin', VALID_INPUTS['imports.begin'])).importId);
  return seeded;
}

/** A meeting with both seeded people invited (the first present), an agenda item, a decision and an action item. */
async function seedMeeting(caller: Caller, seeded: Map<string, string>): Promise<void> {
  const person = seeded.get(SEED_IDS.person) ?? '';
  const otherPerson = seeded.get(SEED_IDS.otherPerson) ?? '';
  const meeting = await ok(caller, 'meetings.create', { ...SEED_MEETING, organizerPersonId: person });
  seeded.set(SEED_IDS.meeting, meeting.id);
  await ok(caller, 'meetings.invite', { meetingId: meeting.id, personIds: [person, otherPerson] });
  await ok(caller, 'meetings.respond', { meetingId: meeting.id, personIds: [person], rsvp: 'yes', attendance: 'present' });
  const [item] = await ok(caller, 'meetings.saveAgenda', {
    meetingId: meeting.id,
    items: [{ title: 'Welcome', presenterPersonId: person, minutesAllotted: 10, notes: '', documents: [] }],
  });
  seeded.set(SEED_IDS.agendaItem, item?.id ?? '');
  const decision = await ok(caller, 'decisions.save', { meetingId: meeting.id, text: 'Hold a town hall in June.', motion: '', kind: 'ordinary', votesFor: 1, votesAgainst: 0, votesAbstain: 0 });
  seeded.set(SEED_IDS.decision, decision.id);
  const action = await ok(caller, 'actionItems.save', { meetingId: meeting.id, description: 'Book the hall', ownerPersonId: person, dueOn: '2026-05-20', status: 'open' });
  seeded.set(SEED_IDS.actionItem, action.id);
}

/**
 * The structure records of SEED_IDS: a second organization, a seat held by the seeded person for
 * the seeded organization, a working group linked to the first charter goal with the seeded person
 * as lead, a coordinator, the seeded organization's approved application (so its endorsement of
 * version 1) and the other organization's waiting one.
 */
async function seedStructure(caller: Caller, seeded: Map<string, string>): Promise<void> {
  const real = (placeholder: string) => seeded.get(placeholder) ?? '';
  const [goal] = (await ok(caller, 'charter.getDraft', {})).goals;
  seeded.set(SEED_IDS.goal, goal?.id ?? '');
  const other = await ok(
    caller,
    'organizations.create',
    organizationInput({ name: 'Northside Faith Network', stage: 'engaged', tier: null, sector: 'community', type: 'faith_based', website: 'northside-faith.example.org', email: 'hello@northside-faith.example.org', phone: '+1 555 0199', tags: [] }),
  );
  seeded.set(SEED_IDS.otherOrganization, other.id);
  const seat = await ok(caller, 'structure.seats.save', { name: 'Grassroots seat 1', requirement: { kind: 'sector', value: 'community' }, termMonths: 24 });
  seeded.set(SEED_IDS.seat, seat.id);
  const term = await ok(caller, 'structure.terms.save', {
    seatId: seat.id,
    personId: real(SEED_IDS.person),
    organizationId: real(SEED_IDS.organization),
    role: 'chair',
    startDate: '2025-01-01',
    endDate: '2026-12-31',
  });
  seeded.set(SEED_IDS.term, term.id);
  const group = await ok(caller, 'structure.workingGroups.save', {
    name: 'Housing working group',
    focusIssueArea: 'Housing',
    description: '',
    objectives: '',
    status: 'forming',
    goalIds: [real(SEED_IDS.goal)],
  });
  seeded.set(SEED_IDS.workingGroup, group.id);
  await ok(caller, 'structure.workingGroups.addMembers', { workingGroupId: group.id, personIds: [real(SEED_IDS.person)], role: 'lead', joinedOn: '2026-01-10' });
  const [member] = (await ok(caller, 'structure.workingGroups.get', { id: group.id })).members;
  seeded.set(SEED_IDS.groupMember, member?.id ?? '');
  const role = await ok(caller, 'structure.roles.save', { role: 'coordinator', title: '', personId: real(SEED_IDS.otherPerson), startDate: '2025-01-01', endDate: null });
  seeded.set(SEED_IDS.role, role.id);
  const intake = { contactPersonId: real(SEED_IDS.person), motivation: '', issueAreas: [], populations: [], contributions: [], charterVersion: 1 };
  const approved = await ok(caller, 'structure.applications.save', { ...intake, organizationId: real(SEED_IDS.organization), receivedOn: '2025-02-01' });
  await ok(caller, 'structure.applications.review', { id: approved.id, status: 'approved', reviewer: 'Seed reviewer', decidedOn: '2025-03-01', reason: '' });
  const [endorsement] = await ok(caller, 'structure.endorsements.list', { charterVersion: 1 });
  seeded.set(SEED_IDS.endorsement, endorsement?.id ?? '');
  const waiting = await ok(caller, 'structure.applications.save', { ...intake, organizationId: other.id, receivedOn: '2026-04-01' });
  seeded.set(SEED_IDS.application, waiting.id);
}
