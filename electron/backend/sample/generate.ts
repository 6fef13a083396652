import type { Input, Method, Output } from '@shared/contract';
import { AppError } from '@shared/errors';
import type { Backend } from '../backend';
import { writeCampaigns } from './campaigns';
import { generateDirectory, SAMPLE_DIRECTORY } from './directory';
import { writeMedia } from './media';
import { generateMeetings, SAMPLE_MEETINGS } from './meetings';
import { writeMetrics } from './metrics';
import { writePolicy, writePolicyActivity } from './policy';
import { seededRandom, type Random } from './random';
import { writeReports } from './reports';
import { writeResources } from './resources';
import { writeStories } from './stories';
import { writeStructure } from './structure';

// The deterministic sample coalition, written through the public RPC methods so it is exactly
// what a coordinator could have typed (the directory's bulk is loaded directly: see
// sample/directory.ts). Demos, e2e tests and benchmarks use it; later domains add their part here.

export interface SampleOptions {
  seed: number;
}

/** Fills an empty workspace with the sample coalition; a workspace with a profile is left alone. */
export async function generateSample(backend: Backend, options: SampleOptions): Promise<void> {
  if (await typedCall(backend)('profile.get', {})) return;
  // The sample is regenerable (a failed one is removed): its calls need not wait for a disk flush each.
  await backend.withoutFlushPerCall(() => writeSample(backend, options));
}

async function writeSample(backend: Backend, { seed }: SampleOptions): Promise<void> {
  const call = typedCall(backend);
  const random = seededRandom(seed);
  await call('profile.save', sampleProfile(random));
  await writeCharterHistory(call, random);
  // The partner directory is bulk-written (the same generator builds the benchmark's 100k-record
  // workspace); everything above goes through the public methods.
  await backend.bulkLoad((sqlite) => generateDirectory(sqlite, { ...SAMPLE_DIRECTORY, seed: seed + 1 }));
  await writeDirectoryExtras(call);
  await writeStructure(call);
  // Meetings around the directory's fixed "today" (2026-11-01), through the spring: held ones with attendance, upcoming ones invited.
  await backend.bulkLoad((sqlite) => generateMeetings(sqlite, { ...SAMPLE_MEETINGS, seed: seed + 2, from: '2026-06-01', to: '2027-02-01', today: '2026-11-01' }));
  // Five campaigns with partners, key messages, public events (on the calendar), petitions and grassroots counts.
  await writePolicy(call);
  await writeCampaigns(call);
  await writePolicyActivity(call);
  // Media outreach and coverage, and stories with varied consent, around the same today.
  await writeMedia(call);
  await writeStories(call);
  // Fundraising, grants, in-kind support, trainings and technical assistance around the same today.
  await writeResources(call);
  // Entered metrics with two years of monthly values, targets, and a feedback survey run twice.
  await writeMetrics(call, seed + 14);
  // Last quarter's impact report and last month's digest, with their narrative.
  await writeReports(call);
}

/** What a coordinator adds by hand: representation targets, and one partner entered twice. */
async function writeDirectoryExtras(call: Call): Promise<void> {
  await call('representation.targets.save', {
    dimension: 'sector',
    value: 'community',
    kind: 'min_share',
    amount: 30,
    note: 'At least 30% of members are grassroots and faith groups.',
  });
  await call('representation.targets.save', { dimension: 'region', value: '*', kind: 'min_count', amount: 1, note: 'Every region has a member.' });

  const first = (await call('organizations.list', { limit: 1 })).rows[0];
  if (!first) return;
  const org = await call('organizations.get', { id: first.id });
  await call('organizations.create', {
    name: `${org.name} Inc.`,
    otherNames: [],
    sector: org.sector,
    type: org.type,
    issueAreas: org.issueAreas,
    regions: org.regions,
    populations: [],
    alignment: { score: null, note: '' },
    stage: 'identified',
    tier: null,
    contributions: [],
    website: '',
    email: org.email,
    phone: org.phone,
    address: '',
    city: org.city,
    district: '',
    registrationNumber: '',
    staffSize: null,
    budgetBand: null,
    tags: [],
    notes: 'Added again from a sign-in sheet: see Directory › Duplicates.',
  });
}

type Call = <M extends Method>(method: M, input: Input<M>) => Promise<Output<M>>;

function typedCall(backend: Backend): Call {
  return async (method, input) => {
    const result = await backend.call(method, input);
    if (!result.ok) throw new AppError(result.error.code, `sample data: ${result.error.message}`, result.error.details);
    return result.value as never;
  };
}

const PLACES = ['Riverside County', 'Lakeshore', 'Cedar Valley', 'Northgate', 'Mesa Verde', 'Harbor City'];
const FOCUS = ['Health & Housing Justice', 'Community Care', 'Fair Futures', 'Social Services Reform'];

function sampleProfile(random: Random): Input<'profile.save'> {
  const place = random.pick(PLACES);
  const focus = random.pick(FOCUS);
  const initials = `${place} ${focus}`.replace(/[^A-Z]/g, '');
  return {
    name: `${place} ${focus} Coalition`,
    shortName: `${initials}C`,
    region: `${place}, State of Columbia`,
    foundedOn: `20${random.int(15, 22)}-0${random.int(1, 9)}-1${random.int(0, 9)}`,
  };
}

async function writeCharterHistory(call: Call, random: Random): Promise<void> {
  const values = ['Equity', 'Community voice', 'Transparency', 'Accountability', 'Solidarity', 'Dignity'];
  await call('charter.saveDraft', {
    mission:
      'We unite nonprofits, grassroots groups, faith communities and public-health partners to win fair, well-funded social services for every resident.',
    vision: 'A region where healthcare, housing, mental-health care and food are rights, not privileges.',
    values: values.slice(0, 4),
    goals: [
      {
        category: 'policy_change',
        title: 'Expand Medicaid mental-health coverage',
        description: 'Pass state legislation covering community mental-health services for low-income adults.',
        target: { metric: 'Bills enacted', value: 1, unit: 'bill', dueOn: '2026-06-30' },
      },
      {
        category: 'public_awareness',
        title: 'Make housing insecurity visible',
        description: 'Tell the stories of families facing eviction through media and town halls.',
        target: { metric: 'People reached', value: random.int(20, 60) * 1000, unit: 'people', dueOn: '2026-12-31' },
      },
      {
        category: 'capacity_building',
        title: 'Train member advocates',
        description: 'Train staff of member organizations to testify and meet legislators.',
        target: { metric: 'Advocates trained', value: random.int(4, 9) * 10, unit: 'advocates', dueOn: null },
      },
    ],
  });
  await call('charter.adopt', { adoptedOn: '2025-03-12', note: 'Adopted at the founding assembly.' });

  const draft = await call('charter.getDraft', {});
  await call('charter.saveDraft', {
    mission:
      'We unite nonprofits, grassroots groups, faith communities, legal-aid and public-health partners to win fair, well-funded social services for every resident.',
    vision: draft.vision,
    values: [...values.slice(0, 3), ...values.slice(4)],
    goals: [
      ...draft.goals.map((goal) =>
        goal.category === 'capacity_building' && goal.target ? { ...goal, target: { ...goal.target, value: goal.target.value + 20 } } : goal,
      ),
      {
        category: 'policy_change',
        title: 'Protect tenants from no-cause evictions',
        description: 'Win a just-cause eviction ordinance in the two largest cities of the region.',
        target: { metric: 'Ordinances passed', value: 2, unit: 'ordinances', dueOn: '2027-06-30' },
      },
    ],
  });
  await call('charter.adopt', { adoptedOn: '2026-02-04', note: 'Amended by the steering committee after the annual retreat.' });
}
