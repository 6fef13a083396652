import { TA_CATEGORIES, TA_STATUSES, type TaCategory, type TaStatus } from '@shared/capacity/contract';
import type { FunderRow, OrganizationResources } from '@shared/resources/contract';
import { sumByCurrency } from '@shared/resources/money';
import { contributionsOf } from './fundraising';
import { grantsOf } from './grants';
import { inKindOf } from './inKind';
import { namesOf, requireRow, type Db } from './common';

// One organization's resources and capacity (its directory page) and the funders list: what each
// organization pledged and gave across campaigns and grants, totalled per currency.

export async function organizationResources(ctx: Db, organizationId: string): Promise<OrganizationResources> {
  await requireRow(ctx, 'organizations', organizationId, 'organizationId');
  const contributionRows = await ctx.db.selectFrom('contributions').selectAll().where('contributor_organization_id', '=', organizationId).orderBy('pledged_on', 'desc').execute();
  const contributions = (await contributionsOf(ctx, contributionRows)).map(({ payments: _payments, ...c }) => c);
  const grants = await grantsOf(ctx, await ctx.db.selectFrom('grants').selectAll().where('funder_organization_id', '=', organizationId).orderBy('deadline', 'desc').execute());
  const inKind = await inKindOf(ctx, await ctx.db.selectFrom('in_kind_contributions').selectAll().where('contributor_organization_id', '=', organizationId).orderBy('given_on', 'desc').execute());

  const attended = await ctx.db
    .selectFrom('training_attendees as a')
    .innerJoin('trainings as t', 't.id', 'a.training_id')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .select(['t.id', 't.title', 't.starts_at', 'p.id as person_id', 'p.name'])
    .where('a.organization_id', '=', organizationId)
    .orderBy('t.starts_at', 'desc')
    .orderBy('p.name')
    .execute();
  const trainings: OrganizationResources['trainings'] = [];
  for (const row of attended) {
    let training = trainings.at(-1);
    if (training?.id !== row.id) {
      training = { id: row.id, title: row.title, startsAt: row.starts_at, people: [] };
      trainings.push(training);
    }
    training.people.push({ id: row.person_id, name: row.name });
  }

  const received = await ctx.db.selectFrom('ta_requests').selectAll().where('organization_id', '=', organizationId).orderBy('opened_on', 'desc').execute();
  const given = await ctx.db.selectFrom('ta_requests').selectAll().where('provider_organization_id', '=', organizationId).orderBy('opened_on', 'desc').execute();
  const organizations = await namesOf(ctx, 'organizations', [...received.map((r) => r.provider_organization_id), ...given.map((r) => r.organization_id)]);
  const people = await namesOf(ctx, 'people', received.map((r) => r.provider_person_id));
  const line = (r: (typeof received)[number], counterpart: string | null) => ({
    id: r.id,
    category: TA_CATEGORIES[r.category as TaCategory],
    description: r.description,
    status: TA_STATUSES[r.status as TaStatus],
    openedOn: r.opened_on,
    resolvedOn: r.resolved_on,
    counterpart,
  });
  return {
    contributions,
    pledged: sumByCurrency(contributions.map((c) => ({ currency: c.currency, minor: c.pledgedMinor }))),
    received: sumByCurrency(contributions.map((c) => ({ currency: c.currency, minor: c.receivedMinor }))),
    grants,
    inKind,
    trainings,
    assistanceReceived: received.map((r) =>
      line(r, r.provider_organization_id ? (organizations.get(r.provider_organization_id) ?? null) : r.provider_person_id ? (people.get(r.provider_person_id) ?? null) : null),
    ),
    assistanceGiven: given.map((r) => line(r, organizations.get(r.organization_id) ?? null)),
  };
}

/** Organizations that pledged, gave, funded a grant or gave in kind, by name. */
export async function listFunders(ctx: Db): Promise<FunderRow[]> {
  const contributions = await ctx.db
    .selectFrom('contributions as c')
    .leftJoin(
      (eb) => eb.selectFrom('contribution_payments').select(['contribution_id', (e) => e.fn.sum<number>('amount_minor').as('received')]).groupBy('contribution_id').as('p'),
      (join) => join.onRef('p.contribution_id', '=', 'c.id'),
    )
    .select((eb) => [
      'c.contributor_organization_id as id',
      'c.currency',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>('c.pledged_minor').as('pledged'),
      eb.fn.sum<number>(eb.fn.coalesce('p.received', eb.lit(0))).as('received'),
    ])
    .where('c.contributor_organization_id', 'is not', null)
    .groupBy(['c.contributor_organization_id', 'c.currency'])
    .execute();
  const grants = await ctx.db
    .selectFrom('grants')
    .select((eb) => ['funder_organization_id as id', 'currency', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>(eb.fn.coalesce('awarded_minor', eb.lit(0))).as('awarded')])
    .where('funder_organization_id', 'is not', null)
    .groupBy(['funder_organization_id', 'currency'])
    .execute();
  const inKind = await ctx.db
    .selectFrom('in_kind_contributions')
    .select((eb) => ['contributor_organization_id as id', eb.fn.countAll<number>().as('n')])
    .where('contributor_organization_id', 'is not', null)
    .groupBy('contributor_organization_id')
    .execute();
  const rows = new Map<string, { contributions: number; pledged: { currency: string; minor: number }[]; received: { currency: string; minor: number }[]; awarded: { currency: string; minor: number }[]; grants: number; inKind: number }>();
  const of = (id: string) => {
    let row = rows.get(id);
    if (!row) rows.set(id, (row = { contributions: 0, pledged: [], received: [], awarded: [], grants: 0, inKind: 0 }));
    return row;
  };
  for (const c of contributions) {
    const row = of(c.id as string);
    row.contributions += Number(c.n);
    row.pledged.push({ currency: c.currency, minor: Number(c.pledged) });
    row.received.push({ currency: c.currency, minor: Number(c.received) });
  }
  for (const g of grants) {
    const row = of(g.id as string);
    row.grants += Number(g.n);
    if (Number(g.awarded) > 0) row.awarded.push({ currency: g.currency, minor: Number(g.awarded) });
  }
  for (const k of inKind) of(k.id as string).inKind += Number(k.n);
  const names = await namesOf(ctx, 'organizations', rows.keys());
  return [...rows.entries()]
    .map(([id, r]) => ({
      organizationId: id,
      name: names.get(id) ?? '',
      contributions: r.contributions,
      pledged: sumByCurrency(r.pledged),
      received: sumByCurrency(r.received),
      grantsAwarded: sumByCurrency(r.awarded),
      grants: r.grants,
      inKind: r.inKind,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
