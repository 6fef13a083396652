import type { Method } from '@shared/contract';

/** Every meetings read: a change to a meeting, its invitees or its items may show up in any of them. */
export const MEETING_READS = [
  'meetings.range',
  'meetings.list',
  'meetings.get',
  'meetings.home',
  'meetings.conflicts',
  'meetings.references',
  'actionItems.list',
  'history.list',
] as const satisfies readonly Method[];

export const meetingHref = (id: string) => `/meetings/${id}`;
