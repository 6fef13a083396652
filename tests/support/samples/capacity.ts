import type { Input } from '@shared/contract';
import type { capacityContract } from '@shared/capacity/contract';
import { ok, type Caller } from '../backend';
import { real, type SeedIds } from './seedIds';

// Trainings and technical assistance: one valid input per method (see ../samples.ts), valid on a workspace prepared by
// `seedWorkspace`, and the records it seeds for them.

/** Placeholder ids (valid UUIDs, 00006xxx) for the records `seedCapacity` creates. */
/** The placeholders of ../samples.ts's SEED_IDS used here (not imported: that module imports this one). */
const SEED_IDS = {
  organization: '00000000-0000-4000-8000-00000000a001',
  person: '00000000-0000-4000-8000-00000000b001',
  otherPerson: '00000000-0000-4000-8000-00000000b002',
  otherOrganization: '00000000-0000-4000-8000-00000000d102',
  meeting: '00000000-0000-4000-8000-00000000f001',
} as const;

export const CAPACITY_IDS = {
  training: '00000000-0000-4000-8000-000060000001',
  request: '00000000-0000-4000-8000-000060000002',
} as const;

type CapacityMethod = keyof typeof capacityContract;

const training: Input<'trainings.create'> = {
  title: 'Telling your story to legislators',
  topic: 'engaging_policymakers',
  format: 'hybrid',
  trainerPersonId: SEED_IDS.otherPerson,
  trainerOrganizationId: null,
  startsAt: '2026-05-12T15:00:00.000Z',
  endsAt: '2026-05-12T17:00:00.000Z',
  timeZone: 'America/Chicago',
  location: 'Eastside Community Health Center',
  videoUrl: 'https://meet.example.org/story',
  description: 'Practice a two-minute testimony.',
  materials: [{ title: 'Testimony worksheet', reference: 'https://example.org/worksheet.pdf' }],
  status: 'scheduled',
};

const request: Input<'assistance.create'>['request'] = {
  organizationId: SEED_IDS.organization,
  contactPersonId: SEED_IDS.person,
  category: 'communications',
  description: 'Help writing a press release for the clinic expansion.',
  urgency: 'medium',
  providerPersonId: null,
  providerOrganizationId: null,
  openedOn: '2026-04-01',
  hoursSpent: 0,
  outcome: '',
};

export const CAPACITY_INPUTS: { [M in CapacityMethod]: Input<M> } = {
  'trainings.list': { topic: 'engaging_policymakers' },
  'trainings.get': { id: CAPACITY_IDS.training },
  'trainings.create': training,
  'trainings.update': { id: CAPACITY_IDS.training, training: { ...training, format: 'online', location: '' } },
  'trainings.delete': { id: CAPACITY_IDS.training },
  'trainings.setAttendees': { trainingId: CAPACITY_IDS.training, personIds: [SEED_IDS.person, SEED_IDS.otherPerson] },
  'trainings.saveFeedback': { trainingId: CAPACITY_IDS.training, personId: SEED_IDS.person, rating: 5, comment: 'Very practical.' },
  'assistance.list': { today: '2026-05-01', openOnly: true },
  'assistance.get': { id: CAPACITY_IDS.request, today: '2026-05-01' },
  'assistance.create': { request, today: '2026-04-01' },
  'assistance.update': { id: CAPACITY_IDS.request, request: { ...request, urgency: 'high' }, today: '2026-05-01' },
  'assistance.setStatus': { id: CAPACITY_IDS.request, status: 'closed', on: '2026-05-01', note: 'Handled by the member itself.', today: '2026-05-01' },
  'assistance.delete': { id: CAPACITY_IDS.request },
};

/** Creates the records of CAPACITY_IDS and records their real ids. */
export async function seedCapacity(caller: Caller, seeded: SeedIds): Promise<void> {
  const created = await ok(caller, 'trainings.create', { ...training, trainerPersonId: real(seeded, SEED_IDS.otherPerson) });
  seeded.set(CAPACITY_IDS.training, created.id);
  await ok(caller, 'trainings.setAttendees', { trainingId: created.id, personIds: [real(seeded, SEED_IDS.person)] });
  const opened = await ok(caller, 'assistance.create', {
    request: { ...request, organizationId: real(seeded, SEED_IDS.organization), contactPersonId: real(seeded, SEED_IDS.person) },
    today: '2026-04-01',
  });
  seeded.set(CAPACITY_IDS.request, opened.id);
}
