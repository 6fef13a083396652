import { OUTREACH_KINDS, type OutreachKind } from '@shared/media/contract';
import type { TimelineSource } from '../campaigns/timeline';

// The media domain's part of a campaign's timeline: its published outreach items and earned coverage.
export const mediaTimeline: TimelineSource = async (db, campaignId) => {
  const items = await db
    .selectFrom('outreach_items as i')
    .leftJoin('media_outlets as o', 'o.id', 'i.outlet_id')
    .select(['i.kind', 'i.title', 'i.date', 'o.name as outlet'])
    .where('i.campaign_id', '=', campaignId)
    .where('i.status', '=', 'published')
    .where('i.date', 'is not', null)
    .execute();
  const coverage = await db
    .selectFrom('coverage_entries as e')
    .leftJoin('media_outlets as o', 'o.id', 'e.outlet_id')
    .select(['e.headline', 'e.published_on', 'e.outlet_name', 'o.name as outlet'])
    .where('e.campaign_id', '=', campaignId)
    .execute();
  return [
    ...items.map((i) => ({
      on: i.date as string,
      kind: 'outreach',
      title: `${OUTREACH_KINDS[i.kind as OutreachKind]} published${i.outlet ? ` in ${i.outlet}` : ''}: ${i.title}`,
      link: '/media/outreach',
    })),
    ...coverage.map((e) => ({ on: e.published_on, kind: 'coverage', title: `Coverage in ${e.outlet ?? e.outlet_name}: ${e.headline}`, link: '/media/coverage' })),
  ];
};
