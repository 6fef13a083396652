import type { Kysely } from 'kysely';
import { ACTION_KINDS, AUDIENCES, CAMPAIGN_STATUSES, EVENT_KINDS, type ActionKind, type Audience, type CampaignStatus, type EventKind } from '@shared/campaigns/contract';
import type { Database } from '../db/schema';
import { localDate } from '../meetings/common';
import type { TimelineEntry } from './timeline';

// The campaigns domain's own records on a campaign's timeline: status changes, key messages
// approved, public events (on their local day), petitions launched and delivered, and the
// grassroots counts of each day.

export async function campaignsTimelineSource(db: Kysely<Database>, campaignId: string): Promise<TimelineEntry[]> {
  const page = `/advocacy/campaigns/${campaignId}`;
  const entries: TimelineEntry[] = [];
  const statuses = await db.selectFrom('campaign_status_changes').select(['status', 'changed_on']).where('campaign_id', '=', campaignId).execute();
  for (const s of statuses) entries.push({ on: s.changed_on, kind: 'campaign', title: `Status: ${CAMPAIGN_STATUSES[s.status as CampaignStatus]}`, link: page });

  const messages = await db.selectFrom('key_messages').select(['title', 'audience', 'approved_at', 'approved_by']).where('campaign_id', '=', campaignId).where('status', '=', 'approved').execute();
  for (const m of messages) {
    if (!m.approved_at) continue;
    const by = m.approved_by ? ` by ${m.approved_by}` : '';
    entries.push({ on: m.approved_at.slice(0, 10), kind: 'message', title: `Key message for ${AUDIENCES[m.audience as Audience].toLowerCase()} approved${by}: ${m.title}`, link: page });
  }

  const events = await db.selectFrom('public_events').select(['title', 'kind', 'starts_at', 'time_zone', 'attendance', 'meeting_id']).where('campaign_id', '=', campaignId).execute();
  for (const e of events) {
    const attended = e.attendance !== null ? ` (${e.attendance.toLocaleString('en-US')} attended)` : '';
    entries.push({ on: localDate(e.starts_at, e.time_zone), kind: 'event', title: `${EVENT_KINDS[e.kind as EventKind]}: ${e.title}${attended}`, link: e.meeting_id ? `/meetings/${e.meeting_id}` : '' });
  }

  const petitions = await db
    .selectFrom('petitions as p')
    .select([
      'p.id',
      'p.title',
      'p.launched_on',
      'p.delivered_on',
      (eb) => eb.selectFrom('petition_counts as n').select('n.signatures').whereRef('n.petition_id', '=', 'p.id').orderBy('n.counted_on', 'desc').limit(1).as('signatures'),
    ])
    .where('p.campaign_id', '=', campaignId)
    .execute();
  for (const p of petitions) {
    const link = `/advocacy/petitions/${p.id}`;
    if (p.launched_on) entries.push({ on: p.launched_on, kind: 'petition', title: `Petition launched: ${p.title}`, link });
    if (p.delivered_on) entries.push({ on: p.delivered_on, kind: 'petition', title: `Petition delivered: ${p.title} (${Number(p.signatures ?? 0).toLocaleString('en-US')} signatures)`, link });
  }

  const days = await db
    .selectFrom('grassroots_actions')
    .select(['action_on', 'kind', (eb) => eb.fn.sum<number>('count').as('total')])
    .where('campaign_id', '=', campaignId)
    .groupBy(['action_on', 'kind'])
    .orderBy('action_on')
    .orderBy('kind')
    .execute();
  const byDay = new Map<string, string[]>();
  for (const d of days) {
    const parts = byDay.get(d.action_on) ?? [];
    parts.push(`${Number(d.total).toLocaleString('en-US')} ${ACTION_KINDS[d.kind as ActionKind].toLowerCase()}`);
    byDay.set(d.action_on, parts);
  }
  for (const [on, parts] of byDay) entries.push({ on, kind: 'grassroots', title: `Grassroots: ${parts.join(', ')} reported`, link: '/advocacy/grassroots' });
  return entries;
}
