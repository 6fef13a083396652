import type { Method } from '@shared/contract';
import { MEETING_READS } from '../meetings/reads';

/** Every campaigns read, and the meetings' (an event keeps a meeting on the calendar). */
export const CAMPAIGN_READS = [
  'campaigns.list',
  'campaigns.get',
  'campaigns.choices',
  'campaigns.timeline',
  'campaigns.events.list',
  'campaigns.grassroots.list',
  'campaigns.grassroots.totals',
  'campaigns.petitions.list',
  'campaigns.petitions.get',
  ...MEETING_READS,
] as const satisfies readonly Method[];

export const campaignHref = (id: string) => `/advocacy/campaigns/${id}`;
export const petitionHref = (id: string) => `/advocacy/petitions/${id}`;
