import type SqliteDatabase from 'better-sqlite3';
import type { Input, Method, Output } from '@shared/contract';
import { TA_CATEGORY_VALUES, TRAINING_TOPIC_VALUES } from '@shared/capacity/contract';
import { CONTRIBUTOR_TYPE_VALUES } from '@shared/resources/contract';
import { uuidFactory } from './directory';
import { seededRandom } from './random';

// The sample coalition's resources and capacity, through the public methods, around its fixed
// "today" (2026-11-01): three fundraising campaigns with pledges and payments in USD and one gift
// in EUR (shown apart), grants in every status with deadlines and reports near today, in-kind
// support, six trainings with attendees and feedback, ten technical-assistance requests. And
// `generateResources`, the bench's volume (20,000 contributions, 5,000 trainings with
// attendance), bulk-loaded like sample/meetings.ts.

type Call = <M extends Method>(method: M, input: Input<M>) => Promise<Output<M>>;

const DAY_MS = 86_400_000;
function day(offset: number, from = '2026-11-01'): string {
  return new Date(Date.parse(`${from}T00:00:00Z`) + offset * DAY_MS).toISOString().slice(0, 10);
}

export async function writeResources(call: Call): Promise<void> {
  const orgs = (await call('organizations.list', { filters: { stage: ['member'] }, sort: { field: 'name', direction: 'asc' }, limit: 40 })).rows.map((o) => o.id);
  const others = (await call('organizations.list', { sort: { field: 'name', direction: 'desc' }, limit: 20 })).rows.map((o) => o.id);
  const people = (await call('people.list', { sort: { field: 'name', direction: 'asc' }, limit: 80 })).rows.map((p) => p.id);
  const org = (i: number) => orgs[i % Math.max(1, orgs.length)] ?? null;
  const person = (i: number) => people[i % Math.max(1, people.length)] ?? null;

  // Fundraising.
  const campaigns = [
    { name: 'Coverage for All 2026', purpose: 'advocacy_campaign' as const, goalMinor: 12_000_000, startsOn: '2026-01-15', endsOn: '2026-12-31' },
    { name: 'Spring lobby days', purpose: 'lobbying' as const, goalMinor: 3_500_000, startsOn: '2026-02-01', endsOn: '2027-04-30' },
    { name: 'Community media fund', purpose: 'media_outreach' as const, goalMinor: 2_000_000, startsOn: '2026-06-01', endsOn: '2027-03-31' },
  ];
  // What the money and the in-kind help went to: the advocacy campaigns, meetings and public events written before.
  const advocacy = new Map((await call('campaigns.list', {})).map((c) => [c.name, c.id]));
  const campaignNamed = (name: string) => advocacy.get(name) ?? null;
  for (const [index, c] of campaigns.entries()) {
    const campaignId = c.purpose === 'advocacy_campaign' ? campaignNamed('Medicaid Mental Health Parity') : null;
    const saved = await call('fundraising.create', { ...c, campaignId, currency: 'USD', leadOrganizationId: org(index), leadPersonId: null, notes: '' });
    const pledges = [
      { type: 'member' as const, organizationId: org(index + 3), name: '', amount: 1_500_000, paid: [600_000, 400_000], restricted: '' },
      { type: 'foundation' as const, organizationId: null, name: 'Alder Family Foundation', amount: 5_000_000, paid: [2_500_000], restricted: 'Field organizers only' },
      { type: 'corporation' as const, organizationId: null, name: 'Northgate Credit Union', amount: 750_000, paid: [750_000], restricted: '' },
      { type: 'individual' as const, organizationId: null, name: 'Nguyễn Thị Lan', amount: 25_000, paid: [25_000], restricted: '' },
      { type: 'member' as const, organizationId: org(index + 7), name: '', amount: 400_000, paid: [], restricted: '' },
    ].slice(0, 5 - index);
    for (const [i, p] of pledges.entries()) {
      const pledgedOn = day(-200 + i * 30 + index * 10);
      const contribution = await call('contributions.save', {
        contribution: {
          fundraisingCampaignId: saved.id,
          contributorType: p.type,
          contributorOrganizationId: p.organizationId,
          contributorPersonId: null,
          contributorName: p.organizationId ? '' : p.name,
          pledgedMinor: Math.round(p.amount / (index + 1)),
          currency: 'USD',
          pledgedOn,
          restricted: p.restricted !== '',
          restrictionNote: p.restricted,
          notes: '',
        },
      });
      for (const [k, amount] of p.paid.entries()) {
        await call('contributions.addPayment', { contributionId: contribution.id, amountMinor: Math.round(amount / (index + 1)), receivedOn: day(20 + k * 45, pledgedOn), note: k > 0 ? 'Second instalment' : '' });
      }
    }
    if (index === 0) {
      // A European foundation gives in euros: shown apart, never counted toward the USD goal.
      const eur = await call('contributions.save', {
        contribution: {
          fundraisingCampaignId: saved.id,
          contributorType: 'foundation',
          contributorOrganizationId: null,
          contributorPersonId: null,
          contributorName: 'Stiftung Gemeinsinn',
          pledgedMinor: 1_000_000,
          currency: 'EUR',
          pledgedOn: day(-90),
          restricted: false,
          restrictionNote: '',
          notes: 'Transferred in euros; not converted.',
        },
      });
      await call('contributions.addPayment', { contributionId: eur.id, amountMinor: 1_000_000, receivedOn: day(-60), note: '' });
    }
  }

  // Grants in every status, deadlines and reports around today.
  const grants: Input<'grants.save'>['grant'][] = [
    { funderOrganizationId: null, funderName: 'Harbor City Community Foundation', title: 'Tenant organizing capacity', currency: 'USD', requestedMinor: 6_000_000, awardedMinor: null, status: 'drafting', deadline: day(12), reports: [], notes: '' },
    { funderOrganizationId: null, funderName: 'Riverside Health Trust', title: 'Health navigators pilot', currency: 'USD', requestedMinor: 9_000_000, awardedMinor: null, status: 'prospect', deadline: day(-3), reports: [], notes: 'Letter of intent first.' },
    { funderOrganizationId: null, funderName: 'Cedar Valley United Way', title: 'Youth advocates cohort', currency: 'USD', requestedMinor: 4_500_000, awardedMinor: null, status: 'submitted', deadline: day(-20), reports: [], notes: '' },
    {
      funderOrganizationId: others[0] ?? null,
      funderName: others[0] ? '' : 'Mesa Verde Fund',
      title: 'Coalition operations 2026',
      currency: 'USD',
      requestedMinor: 15_000_000,
      awardedMinor: 12_000_000,
      status: 'awarded',
      deadline: day(-150),
      reports: [
        { title: 'Interim narrative report', dueOn: day(-5), doneOn: null },
        { title: 'Financial report', dueOn: day(25), doneOn: null },
        { title: 'First quarter report', dueOn: day(-60), doneOn: day(-62) },
      ],
      notes: '',
    },
    { funderOrganizationId: null, funderName: 'Lakeshore Civic Fund', title: 'Voter education mailers', currency: 'USD', requestedMinor: 2_000_000, awardedMinor: null, status: 'declined', deadline: day(-80), reports: [], notes: 'Reapply next cycle.' },
  ];
  for (const grant of grants) await call('grants.save', { grant });

  // In-kind support.
  const inKind: Omit<Input<'inKind.save'>['inKind'], 'contributorOrganizationId' | 'contributorPersonId' | 'supportedMeetingId' | 'supportedCampaignId' | 'supportedEventId' | 'notes'>[] = [
    { kind: 'meeting_space', description: 'Community room for the quarterly assembly', hours: 6, quantity: null, valueMinor: 60_000, currency: 'USD', givenOn: day(-40) },
    { kind: 'volunteer_time', description: 'Phone bank volunteers', hours: 48, quantity: null, valueMinor: 144_000, currency: 'USD', givenOn: day(-25) },
    { kind: 'technical_expertise', description: 'Pro bono legal review of the ordinance', hours: 12, quantity: null, valueMinor: 360_000, currency: 'USD', givenOn: day(-15) },
    { kind: 'media_connections', description: 'Introductions to two health reporters', hours: null, quantity: 2, valueMinor: null, currency: null, givenOn: day(-8) },
    { kind: 'materials', description: 'Printed fact sheets', hours: null, quantity: 500, valueMinor: 40_000, currency: 'USD', givenOn: day(-2) },
  ];
  const around = (offset: number) => ({ from: `${day(offset - 10)}T00:00:00.000Z`, to: `${day(offset + 10)}T00:00:00.000Z` });
  const assembly = (await call('meetings.range', { ...around(-40), types: ['assembly'] })).meetings[0]?.id ?? null;
  const event = (await call('campaigns.events.list', around(-2)))[0] ?? null;
  const supported = [
    { supportedMeetingId: assembly, supportedCampaignId: null, supportedEventId: null },
    { supportedMeetingId: null, supportedCampaignId: campaignNamed('Just Cause Eviction Now'), supportedEventId: null },
    { supportedMeetingId: null, supportedCampaignId: campaignNamed('Just Cause Eviction Now'), supportedEventId: null },
    { supportedMeetingId: null, supportedCampaignId: campaignNamed('Medicaid Mental Health Parity'), supportedEventId: null },
    { supportedMeetingId: null, supportedCampaignId: event?.campaign?.id ?? null, supportedEventId: event?.id ?? null },
  ];
  for (const [i, k] of inKind.entries()) {
    const links = supported[i] ?? { supportedMeetingId: null, supportedCampaignId: null, supportedEventId: null };
    await call('inKind.save', {
      inKind: { ...k, ...links, contributorOrganizationId: i === 1 ? null : org(i + 2), contributorPersonId: i === 1 ? person(5) : null, notes: '' },
    });
  }

  // Trainings: four delivered with attendance and feedback, two coming.
  const trainings: { title: string; topic: Input<'trainings.create'>['topic']; format: Input<'trainings.create'>['format']; offset: number }[] = [
    { title: 'Telling your story to legislators', topic: 'engaging_policymakers', format: 'in_person', offset: -120 },
    { title: 'Speaking at a public hearing', topic: 'public_speaking', format: 'hybrid', offset: -75 },
    { title: 'Working with local reporters', topic: 'media_relations', format: 'online', offset: -40 },
    { title: 'Power mapping your city council', topic: 'advocacy_tactics', format: 'in_person', offset: -12 },
    { title: 'Digital organizing basics', topic: 'digital_organizing', format: 'online', offset: 9 },
    { title: 'Testimony clinic', topic: 'engaging_policymakers', format: 'hybrid', offset: 24 },
  ];
  const comments = ['Very practical, I used it the next week.', 'More time for practice, please.', 'Great trainer.', '', 'Clear and useful.', 'Muy útil para nuestro equipo.'];
  for (const [i, t] of trainings.entries()) {
    const date = day(t.offset);
    const created = await call('trainings.create', {
      title: t.title,
      topic: t.topic,
      format: t.format,
      trainerPersonId: person(i * 7 + 1),
      trainerOrganizationId: null,
      startsAt: `${date}T23:00:00.000Z`,
      endsAt: `${day(1, date)}T01:00:00.000Z`,
      timeZone: 'America/Chicago',
      location: t.format === 'online' ? '' : 'Eastside community hall',
      videoUrl: t.format === 'in_person' ? '' : 'https://meet.example.org/training',
      description: 'Hands-on session for member organizations.',
      materials: [{ title: 'Slides', reference: `https://example.org/trainings/${i + 1}.pdf` }, { title: 'Worksheet', reference: '' }],
      status: 'scheduled',
    });
    if (t.offset > 0) continue;
    const attendees = people.slice(10 + i * 6, 18 + i * 6);
    await call('trainings.setAttendees', { trainingId: created.id, personIds: attendees });
    for (const [k, personId] of attendees.entries()) {
      if (k % 4 === 3) continue; // not everyone answers
      await call('trainings.saveFeedback', { trainingId: created.id, personId, rating: [5, 4, 4, 3, 5][(k + i) % 5] ?? 4, comment: comments[(k + i) % comments.length] ?? '' });
    }
  }

  // Technical assistance: ten requests at every stage.
  const descriptions = [
    'Review our first grant proposal before the deadline.',
    'Set up a shared contact database for volunteers.',
    'Draft a press release about the clinic expansion.',
    'Explain the new lobbying disclosure rules.',
    'Help plan a community listening session.',
    'Analyse the county budget for mental health lines.',
    'Train our board on fundraising asks.',
    'Translate the fact sheet into Spanish and Vietnamese.',
    'Build a simple website for the tenant association.',
    'Advice on fiscal sponsorship.',
  ];
  const steps: ('open' | 'assigned' | 'in_progress' | 'resolved' | 'closed')[] = ['open', 'open', 'assigned', 'in_progress', 'in_progress', 'resolved', 'resolved', 'resolved', 'closed', 'open'];
  for (const [i, description] of descriptions.entries()) {
    const openedOn = day(-5 - i * 13);
    const status = steps[i] ?? 'open';
    const provider = status === 'open' ? null : org(i + 11);
    const created = await call('assistance.create', {
      request: {
        organizationId: org(i + 1) ?? '',
        contactPersonId: person(i + 30),
        category: TA_CATEGORY_VALUES[i % TA_CATEGORY_VALUES.length] ?? 'other',
        description,
        urgency: (['high', 'medium', 'low'] as const)[i % 3] ?? 'medium',
        providerPersonId: null,
        providerOrganizationId: provider,
        openedOn,
        hoursSpent: status === 'resolved' ? 6 + i : status === 'in_progress' ? 3 : 0,
        outcome: status === 'resolved' ? 'Delivered and followed up a month later.' : '',
      },
      today: '2026-11-01',
    });
    const path = { in_progress: ['in_progress'], resolved: ['in_progress', 'resolved'], closed: ['closed'], open: [], assigned: [] }[status] as ('in_progress' | 'resolved' | 'closed')[];
    for (const [k, next] of path.entries()) {
      await call('assistance.setStatus', { id: created.id, status: next, on: day(3 + k * 5, openedOn), note: next === 'closed' ? 'Handled by the member itself.' : '', today: '2026-11-01' });
    }
  }
}

export interface ResourceCounts {
  contributions: number;
  trainings: number;
  /** Attendees per training (about). */
  attendees: number;
}

export const SCALE_RESOURCES: ResourceCounts = { contributions: 20_000, trainings: 5_000, attendees: 12 };

const CURRENCIES = ['USD', 'USD', 'USD', 'USD', 'EUR', 'CAD'];

/**
 * Bench volume, bulk-loaded after the directory (no change log): 40 fundraising campaigns with
 * `contributions` pledges (four in five with payments, some in two parts), `trainings` trainings
 * each with its training meeting and about `attendees` attendees with feedback, and a request for
 * technical assistance per 25 trainings. Dates spread over `from`–`to`.
 */
export function generateResources(sqlite: SqliteDatabase.Database, options: ResourceCounts & { seed: number; from: string; to: string; today: string }): { contributions: number; payments: number; trainings: number; attendees: number; requests: number } {
  const random = seededRandom(options.seed);
  const uuid = uuidFactory(random);
  const organizations = sqlite.prepare('select id from organizations order by rowid limit 5000').pluck().all() as string[];
  const people = sqlite.prepare('select id from people order by rowid limit 20000').pluck().all() as string[];
  const out = { contributions: 0, payments: 0, trainings: 0, attendees: 0, requests: 0 };
  if (organizations.length === 0 || people.length === 0) return out;
  const fromMs = Date.parse(`${options.from}T00:00:00Z`);
  const days = Math.max(1, Math.round((Date.parse(`${options.to}T00:00:00Z`) - fromMs) / DAY_MS));
  const at = (d: number) => new Date(fromMs + d * DAY_MS).toISOString().slice(0, 10);
  const stamp = `${options.from}T00:00:00.000Z`;
  const insert = {
    campaign: sqlite.prepare(`insert into fundraising_campaigns (id, name, purpose, campaign_id, goal_minor, currency, starts_on, ends_on, lead_person_id, lead_organization_id, notes, created_at, updated_at)
      values (?, ?, ?, null, ?, 'USD', ?, ?, null, ?, '', ?, ?)`),
    contribution: sqlite.prepare(`insert into contributions (id, fundraising_campaign_id, contributor_type, contributor_organization_id, contributor_person_id, contributor_name, pledged_minor, currency, pledged_on, restricted, restriction_note, notes, created_at, updated_at)
      values (?, ?, ?, ?, null, ?, ?, ?, ?, ?, ?, '', ?, ?)`),
    payment: sqlite.prepare('insert into contribution_payments (id, contribution_id, amount_minor, currency, received_on, note, created_at) values (?, ?, ?, ?, ?, \'\', ?)'),
    meeting: sqlite.prepare(`insert into meetings (id, type, title, starts_at, ends_at, time_zone, location, video_url, organizer_person_id, working_group_id, minutes_md, status, created_at, updated_at)
      values (?, 'training', ?, ?, ?, 'America/Chicago', '', '', ?, null, '', 'scheduled', ?, ?)`),
    training: sqlite.prepare(`insert into trainings (id, meeting_id, title, topic, format, trainer_person_id, trainer_organization_id, starts_at, status, description, materials_json, created_at, updated_at)
      values (?, ?, ?, ?, ?, ?, null, ?, 'scheduled', '', '[]', ?, ?)`),
    attendee: sqlite.prepare('insert into training_attendees (id, training_id, person_id, organization_id, rating, comment) values (?, ?, ?, ?, ?, \'\')'),
    request: sqlite.prepare(`insert into ta_requests (id, organization_id, contact_person_id, category, description, urgency, provider_person_id, provider_organization_id, status, opened_on, resolved_on, hours_spent, outcome, created_at, updated_at)
      values (?, ?, null, ?, 'Help requested', ?, null, ?, ?, ?, ?, ?, '', ?, ?)`),
    step: sqlite.prepare('insert into ta_status_changes (id, request_id, status, changed_on, note, created_at) values (?, ?, ?, ?, \'\', ?)'),
  };
  const campaigns: string[] = [];
  for (let c = 0; c < 40; c++) {
    const id = uuid();
    campaigns.push(id);
    const start = random.int(0, Math.max(0, days - 200));
    insert.campaign.run(id, `Fundraising campaign ${c + 1}`, random.pick(['advocacy_campaign', 'media_outreach', 'lobbying', 'events', 'operations']), random.int(50, 500) * 100_000, at(start), at(start + 365), random.pick(organizations), stamp, stamp);
  }
  for (let i = 0; i < options.contributions; i++) {
    const id = uuid();
    const currency = random.pick(CURRENCIES);
    const amount = random.int(10, 5000) * 1000;
    const pledged = random.int(0, days - 1);
    const fromDirectory = random.next() < 0.7;
    const restricted = random.next() < 0.2;
    insert.contribution.run(id, random.pick(campaigns), random.pick(CONTRIBUTOR_TYPE_VALUES), fromDirectory ? random.pick(organizations) : null, fromDirectory ? '' : `Donor ${i + 1}`, amount, currency, at(pledged), restricted ? 1 : 0, restricted ? 'Programs only' : '', stamp, stamp);
    out.contributions++;
    if (random.next() < 0.8) {
      const parts = random.next() < 0.3 ? 2 : 1;
      const first = parts === 2 ? Math.floor(amount / 2) : amount;
      insert.payment.run(uuid(), id, first, currency, at(Math.min(days - 1, pledged + random.int(0, 60))), stamp);
      out.payments++;
      if (parts === 2 && random.next() < 0.7) {
        insert.payment.run(uuid(), id, amount - first, currency, at(Math.min(days - 1, pledged + random.int(61, 180))), stamp);
        out.payments++;
      }
    }
  }
  const todayMs = Date.parse(`${options.today}T00:00:00Z`);
  for (let t = 0; t < options.trainings; t++) {
    const meetingId = uuid();
    const id = uuid();
    const startMs = fromMs + random.int(0, days - 1) * DAY_MS + random.pick([15, 17, 22]) * 3_600_000;
    const startsAt = new Date(startMs).toISOString();
    const title = `Training ${t + 1}`;
    const trainer = random.pick(people);
    insert.meeting.run(meetingId, title, startsAt, new Date(startMs + 2 * 3_600_000).toISOString(), trainer, stamp, stamp);
    insert.training.run(id, meetingId, title, random.pick(TRAINING_TOPIC_VALUES), random.pick(['in_person', 'online', 'hybrid']), trainer, startsAt, stamp, stamp);
    out.trainings++;
    if (startMs >= todayMs) continue;
    const chosen = new Set<string>();
    const size = random.int(Math.ceil(options.attendees / 2), Math.floor(options.attendees * 1.5));
    for (let tries = 0; chosen.size < size && tries < size * 4; tries++) chosen.add(random.pick(people));
    for (const personId of chosen) {
      insert.attendee.run(uuid(), id, personId, random.next() < 0.8 ? random.pick(organizations) : null, random.next() < 0.6 ? random.int(2, 5) : null);
      out.attendees++;
    }
    if (t % 25 === 0) {
      const opened = Math.floor((startMs - fromMs) / DAY_MS);
      const status = random.pick(['open', 'assigned', 'in_progress', 'resolved', 'resolved', 'closed']);
      const resolvedOn = status === 'resolved' || status === 'closed' ? at(Math.min(days - 1, opened + random.int(3, 60))) : null;
      const requestId = uuid();
      insert.request.run(requestId, random.pick(organizations), random.pick(TA_CATEGORY_VALUES), random.pick(['low', 'medium', 'high']), status === 'open' ? null : random.pick(organizations), status, at(opened), resolvedOn, random.int(0, 40), stamp, stamp);
      insert.step.run(uuid(), requestId, 'open', at(opened), stamp);
      if (status !== 'open') insert.step.run(uuid(), requestId, status, resolvedOn ?? at(opened), stamp);
      out.requests++;
    }
  }
  return out;
}
