import type { Method } from '@shared/contract';
import { DIRECTORY_READS } from '../directory/reads';

/** Every structure read, and the directory's (an approval changes a stage; names show in both). */
export const STRUCTURE_READS = [
  'structure.overview',
  'structure.seats.get',
  'structure.rules.get',
  'structure.workingGroups.list',
  'structure.workingGroups.get',
  'structure.roles.list',
  'structure.applications.list',
  'structure.applications.get',
  'structure.endorsements.list',
  'structure.endorsements.notEndorsed',
  ...DIRECTORY_READS,
] as const satisfies readonly Method[];

export const seatHref = (id: string) => `/structure/seats/${id}`;
export const workingGroupHref = (id: string) => `/structure/groups/${id}`;
