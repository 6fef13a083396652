import { addDays, dayIn } from '../periods';
import { flowMetric, type Fact } from './types';

// Public engagement from the advocacy area: people reached by public events (their recorded
// reach, else their attendance), counted on the event's day in its zone; grassroots actions (the
// counts partners reported: letters, calls, emails, petition signatures, visits) on their day.

const EVENT_KINDS: Record<string, string> = { rally: 'Rally', town_hall: 'Town hall', community_forum: 'Community forum', press_conference: 'Press conference', lobby_day: 'Lobby day' };
const ACTION_KINDS: Record<string, string> = { letter: 'Letters', call: 'Calls', email: 'Emails', petition_signature: 'Petition signatures', visit: 'Visits' };

export const eventReach = flowMetric({
  key: 'event_reach',
  partLabel: (kind) => EVENT_KINDS[kind] ?? kind,
  async facts(db, from, to) {
    const rows = await db
      .selectFrom('public_events')
      .select(['id', 'title', 'kind', 'starts_at', 'time_zone', 'attendance', 'people_reached', 'campaign_id'])
      .where('starts_at', '>=', `${addDays(from, -1)}T00:00:00.000Z`)
      .where('starts_at', '<', `${addDays(to, 2)}T00:00:00.000Z`)
      .execute();
    const facts: Fact[] = [];
    for (const row of rows) {
      const reached = row.people_reached ?? row.attendance;
      if (reached === null) continue;
      const date = dayIn(row.starts_at, row.time_zone);
      if (date < from || date > to) continue;
      const how = row.people_reached !== null ? `${reached} reached` : `${reached} attended`;
      facts.push({ date, value: reached, part: row.kind, id: row.id, label: row.title, route: row.campaign_id ? `/advocacy/campaigns/${row.campaign_id}` : '/advocacy/events', detail: how });
    }
    return facts;
  },
});

export const grassrootsActions = flowMetric({
  key: 'grassroots_actions',
  partLabel: (kind) => ACTION_KINDS[kind] ?? kind,
  // Figures and series: the counts added per day and kind from the covering index
  // grassroots_actions_on alone (a year is ~40,000 counts at coalition scale; a few hundred rows
  // here). Every count has its campaign (a required foreign key): no join.
  async totals(db, from, to) {
    const rows = await db
      .selectFrom('grassroots_actions as g')
      .select(['g.action_on', 'g.kind', (eb) => eb.fn.sum<number>('g.count').as('total')])
      .where('g.action_on', '>=', from)
      .where('g.action_on', '<=', to)
      .groupBy(['g.action_on', 'g.kind'])
      .execute();
    return rows.map((r) => ({ date: r.action_on, value: Number(r.total), part: r.kind }));
  },
  async facts(db, from, to) {
    const rows = await db
      .selectFrom('grassroots_actions as g')
      .innerJoin('campaigns as c', 'c.id', 'g.campaign_id')
      .select(['g.id', 'g.kind', 'g.count', 'g.action_on', 'g.district', 'g.campaign_id', 'c.name as campaign_name'])
      .where('g.action_on', '>=', from)
      .where('g.action_on', '<=', to)
      .execute();
    return rows.map(
      (r): Fact => ({
        date: r.action_on,
        value: r.count,
        part: r.kind,
        id: r.id,
        label: `${ACTION_KINDS[r.kind] ?? r.kind} · ${r.campaign_name}`,
        route: `/advocacy/campaigns/${r.campaign_id}`,
        detail: r.district ? `District ${r.district}` : '',
      }),
    );
  },
});
