import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { policyTimeline } from '../policy/campaignTimeline';
import { mediaTimeline } from '../media/campaignTimeline';
import { campaignsTimelineSource } from './campaignTimeline';

// A campaign's timeline gathers everything linked to it across domains. Each domain that links
// records to campaigns contributes one source (electron/backend/<domain>/campaignTimeline.ts),
// listed in TIMELINE_SOURCES; the campaigns domain merges them by date.

export interface TimelineEntry {
  /** The day it happened or is due (YYYY-MM-DD). */
  on: string;
  /** What kind of record: 'campaign', 'stance', 'engagement', 'bill', 'event', 'outreach', 'story', … */
  kind: string;
  /** One line, e.g. "Hearing in the Health committee" or "Op-ed published in The Ledger". */
  title: string;
  /** Renderer route of the record (e.g. '/policy/bills/<id>'), or '' when it has no page. */
  link: string;
}

export type TimelineSource = (db: Kysely<Database>, campaignId: string) => Promise<TimelineEntry[]>;

/** Every domain's contribution to a campaign's timeline. */
export const TIMELINE_SOURCES: TimelineSource[] = [campaignsTimelineSource, policyTimeline, mediaTimeline];

/** Every source's entries for a campaign, newest first (entries of one day keep their sources' order). */
export async function campaignTimeline(db: Kysely<Database>, campaignId: string): Promise<TimelineEntry[]> {
  const entries: TimelineEntry[] = [];
  for (const source of TIMELINE_SOURCES) entries.push(...(await source(db, campaignId)));
  return entries.map((entry, index) => ({ entry, index })).sort((a, b) => b.entry.on.localeCompare(a.entry.on) || a.index - b.index).map(({ entry }) => entry);
}
