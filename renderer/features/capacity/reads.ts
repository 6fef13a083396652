import type { Method } from '@shared/contract';
import { MEETING_READS } from '../meetings/reads';

/** Every capacity read; a training is a meeting too, so the calendar's reads follow it. */
export const CAPACITY_READS = [
  'trainings.list',
  'trainings.get',
  'assistance.list',
  'assistance.get',
  'resources.organization',
  ...MEETING_READS,
] as const satisfies readonly Method[];

export const trainingHref = (id: string) => `/capacity/trainings/${id}`;
