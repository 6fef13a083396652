import type { Method } from '@shared/contract';

/** Every media read (a write refreshes them all). */
export const MEDIA_READS = [
  'media.outlets.list',
  'media.journalists.list',
  'media.outreach.list',
  'media.outreach.get',
  'media.coverage.list',
] as const satisfies readonly Method[];
