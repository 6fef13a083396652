import type { Kysely } from 'kysely';
import { BILL_STATUSES, ENGAGEMENT_KINDS, STANCES, type BillStatus, type EngagementKind, type Stance } from '@shared/policy/contract';
import type { TimelineEntry } from '../campaigns/timeline';
import type { Database } from '../db/schema';

// The policy domain's part of a campaign's timeline: stances officials took on the campaign,
// engagements about it, and the status changes of the bills it targets.
export async function policyTimeline(db: Kysely<Database>, campaignId: string): Promise<TimelineEntry[]> {
  const stances = await db
    .selectFrom('stances as s')
    .innerJoin('officials as o', 'o.id', 's.official_id')
    .select(['s.stated_on', 's.stance', 'o.name', 'o.id'])
    .where('s.campaign_id', '=', campaignId)
    .execute();
  const engagements = await db.selectFrom('engagements').select(['id', 'occurred_on', 'kind', 'title']).where('campaign_id', '=', campaignId).execute();
  const changes = await db
    .selectFrom('bill_status_changes as c')
    .innerJoin('campaign_target_bills as t', 't.bill_id', 'c.bill_id')
    .innerJoin('bills as b', 'b.id', 'c.bill_id')
    .select(['c.changed_on', 'c.status', 'b.identifier', 'b.id'])
    .where('t.campaign_id', '=', campaignId)
    .execute();
  return [
    ...stances.map((s) => ({ on: s.stated_on, kind: 'stance', title: `${s.name}: ${STANCES[s.stance as Stance] ?? s.stance}`, link: `/policy/officials/${s.id}` })),
    ...engagements.map((e) => ({ on: e.occurred_on, kind: 'engagement', title: `${ENGAGEMENT_KINDS[e.kind as EngagementKind] ?? e.kind}: ${e.title}`, link: `/policy/engagements/${e.id}` })),
    ...changes.map((c) => ({ on: c.changed_on, kind: 'bill', title: `${c.identifier} ${(BILL_STATUSES[c.status as BillStatus] ?? c.status).toLowerCase()}`, link: `/policy/bills/${c.id}` })),
  ];
}
