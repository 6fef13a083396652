import { fromMinor } from '@shared/resources/money';
import { flowMetric, type Fact } from './types';

// Resources and capacity: money raised (payments received, per currency in major units — never
// added across currencies), trainings delivered (held, not cancelled, already started), and
// technical-assistance requests resolved (status resolved, on the day they were).

export const moneyRaised = flowMetric({
  key: 'money_raised',
  additive: false,
  // Figures and series: the payments added per day and currency in minor units (exact), from the
  // covering index contribution_payments_totals (migration 016) alone: every payment has its
  // pledge and every pledge its fundraising campaign (required foreign keys), so no join.
  async totals(db, from, to) {
    const rows = await db
      .selectFrom('contribution_payments as p')
      .select(['p.received_on', 'p.currency', (eb) => eb.fn.sum<number>('p.amount_minor').as('total')])
      .where('p.received_on', '>=', from)
      .where('p.received_on', '<=', to)
      .groupBy(['p.received_on', 'p.currency'])
      .execute();
    return rows.map((r) => ({ date: r.received_on, value: fromMinor(Number(r.total), r.currency), part: r.currency }));
  },
  async facts(db, from, to) {
    const rows = await db
      .selectFrom('contribution_payments as p')
      .innerJoin('contributions as c', 'c.id', 'p.contribution_id')
      .innerJoin('fundraising_campaigns as f', 'f.id', 'c.fundraising_campaign_id')
      .leftJoin('organizations as o', 'o.id', 'c.contributor_organization_id')
      .leftJoin('people as pe', 'pe.id', 'c.contributor_person_id')
      .select(['p.id', 'p.amount_minor', 'p.currency', 'p.received_on', 'c.contributor_name', 'o.name as organization_name', 'pe.name as person_name', 'f.id as fundraising_id', 'f.name as fundraising_name'])
      .where('p.received_on', '>=', from)
      .where('p.received_on', '<=', to)
      .execute();
    return rows.map(
      (r): Fact => ({
        date: r.received_on,
        value: fromMinor(r.amount_minor, r.currency),
        part: r.currency,
        id: r.id,
        label: r.organization_name ?? r.person_name ?? (r.contributor_name || 'Anonymous contributor'),
        route: `/resources/fundraising/${r.fundraising_id}`,
        detail: r.fundraising_name,
      }),
    );
  },
});

const TOPICS: Record<string, string> = {
  advocacy_tactics: 'Advocacy tactics',
  public_speaking: 'Public speaking',
  media_relations: 'Media relations',
  engaging_policymakers: 'Engaging policymakers',
  digital_organizing: 'Digital organizing',
  other: 'Other',
};

export const trainingsDelivered = flowMetric({
  key: 'trainings_delivered',
  partLabel: (topic) => TOPICS[topic] ?? topic,
  // Figures and series: the trainings counted per day and topic (no attendees, no titles).
  async totals(db, from, to) {
    const now = new Date().toISOString();
    const rows = await db
      .selectFrom('trainings as t')
      .innerJoin('meetings as m', 'm.id', 't.meeting_id')
      .select([(eb) => eb.fn('substr', ['t.starts_at', eb.val(1), eb.val(10)]).as('day'), 't.topic', (eb) => eb.fn.countAll<number>().as('n')])
      .where('t.status', '=', 'scheduled')
      .where('t.starts_at', '<', now)
      .where('t.starts_at', '>=', `${from}T00:00:00.000Z`)
      .where('t.starts_at', '<=', `${to}T23:59:59.999Z`)
      .groupBy(['day', 't.topic'])
      .execute();
    return rows.map((r) => ({ date: String(r.day), value: Number(r.n), part: r.topic }));
  },
  async facts(db, from, to) {
    const now = new Date().toISOString();
    const rows = await db
      .selectFrom('trainings as t')
      .innerJoin('meetings as m', 'm.id', 't.meeting_id')
      .select(['t.id', 't.title', 't.topic', 't.starts_at', 'm.time_zone', (eb) => eb.selectFrom('training_attendees as a').select((e) => e.fn.countAll<number>().as('n')).whereRef('a.training_id', '=', 't.id').as('attendees')])
      .where('t.status', '=', 'scheduled')
      .where('t.starts_at', '<', now)
      .where('t.starts_at', '>=', `${from}T00:00:00.000Z`)
      .where('t.starts_at', '<=', `${to}T23:59:59.999Z`)
      .execute();
    return rows.map(
      (r): Fact => ({ date: r.starts_at.slice(0, 10), value: 1, part: r.topic, id: r.id, label: r.title, route: `/capacity/trainings/${r.id}`, detail: `${Number(r.attendees ?? 0)} attended` }),
    );
  },
});

const CATEGORIES: Record<string, string> = {
  fundraising: 'Fundraising',
  communications: 'Communications',
  policy_analysis: 'Policy analysis',
  legal: 'Legal',
  data_technology: 'Data & technology',
  organizational_development: 'Organizational development',
  other: 'Other',
};

export const assistanceResolved = flowMetric({
  key: 'assistance_resolved',
  partLabel: (category) => CATEGORIES[category] ?? category,
  async facts(db, from, to) {
    const rows = await db
      .selectFrom('ta_requests as r')
      .innerJoin('organizations as o', 'o.id', 'r.organization_id')
      .select(['r.id', 'r.category', 'r.resolved_on', 'r.description', 'o.name as organization_name'])
      .where('r.status', '=', 'resolved')
      .where('r.resolved_on', '>=', from)
      .where('r.resolved_on', '<=', to)
      .execute();
    return rows.map(
      (r): Fact => ({
        date: r.resolved_on ?? from,
        value: 1,
        part: r.category,
        id: r.id,
        label: r.organization_name,
        route: '/capacity/assistance',
        detail: r.description.length > 120 ? `${r.description.slice(0, 117)}…` : r.description,
      }),
    );
  },
});
