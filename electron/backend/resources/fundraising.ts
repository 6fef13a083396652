import { randomUUID } from 'node:crypto';
import type {
  Contribution,
  ContributionInput,
  ContributorType,
  FundraisingDetail,
  FundraisingInput,
  FundraisingPurpose,
  FundraisingRow,
  Payment,
  PaymentInput,
  Progress,
} from '@shared/resources/contract';
import { formatMoney } from '@shared/resources/money';
import { sql } from 'kysely';
import type { ContributionsTable, FundraisingCampaignsTable } from './tables';
import type { CallContext } from '../rpc/handlers';
import { fieldError, missing, namesFor, partyOf, requireRow, type Db } from './common';

// Joint fundraising: campaigns with a goal in one currency, contributions (pledges) from the
// directory or by name, and payments against them (several per pledge: partial payments, never
// more than pledged). Progress counts only contributions in the goal's currency; the others are
// totalled per currency beside it and never added to it.

type Totals = Omit<FundraisingRow['otherCurrencies'][number], 'currency'> & { restrictedReceivedMinor: number };
type CurrencyTotals = Map<string, Totals>;

/** Per campaign and currency: contributions, pledged, received, outstanding and restricted received. */
async function totalsOf(ctx: Db, campaignId?: string): Promise<Map<string, CurrencyTotals>> {
  // Pledges per campaign and currency from the contributions_totals index alone, and the money
  // received from the payments' (contribution, amount) index summed per pledge, then per campaign
  // and currency (017_read_indexes). For one campaign only its pledges' payments are read.
  const where = campaignId ? sql`where c.fundraising_campaign_id = ${campaignId}` : sql``;
  const pledged = await sql<{ fundraising_campaign_id: string; currency: string; n: number; pledged: number }>`
    select c.fundraising_campaign_id, c.currency, count(*) as n, sum(c.pledged_minor) as pledged
    from contributions c ${where}
    group by c.fundraising_campaign_id, c.currency`.execute(ctx.db);
  const received = campaignId
    ? await sql<{ fundraising_campaign_id: string; currency: string; received: number; restricted: number }>`
        select c.fundraising_campaign_id, c.currency, sum(p.amount_minor) as received,
          sum(case when c.restricted = 1 then p.amount_minor else 0 end) as restricted
        from contributions c join contribution_payments p on p.contribution_id = c.id ${where}
        group by c.fundraising_campaign_id, c.currency`.execute(ctx.db)
    : await sql<{ fundraising_campaign_id: string; currency: string; received: number; restricted: number }>`
        select c.fundraising_campaign_id, c.currency, sum(r.amount) as received,
          sum(case when c.restricted = 1 then r.amount else 0 end) as restricted
        from (select contribution_id, sum(amount_minor) as amount from contribution_payments group by contribution_id) r
        join contributions c on c.id = r.contribution_id
        group by c.fundraising_campaign_id, c.currency`.execute(ctx.db);
  const receivedOf = new Map(received.rows.map((r) => [`${r.fundraising_campaign_id}|${r.currency}`, r]));
  const out = new Map<string, CurrencyTotals>();
  for (const row of pledged.rows) {
    const byCurrency = out.get(row.fundraising_campaign_id) ?? new Map<string, Totals>();
    const got = receivedOf.get(`${row.fundraising_campaign_id}|${row.currency}`);
    const pledgedMinor = Number(row.pledged);
    const receivedMinor = Number(got?.received ?? 0);
    byCurrency.set(row.currency, {
      contributions: Number(row.n),
      pledgedMinor,
      receivedMinor,
      outstandingMinor: Math.max(0, pledgedMinor - receivedMinor),
      restrictedReceivedMinor: Number(got?.restricted ?? 0),
    });
    out.set(row.fundraising_campaign_id, byCurrency);
  }
  return out;
}

function toRow(campaign: FundraisingCampaignsTable, totals: CurrencyTotals | undefined, names: Awaited<ReturnType<typeof namesFor>>): FundraisingRow {
  const own = totals?.get(campaign.currency);
  const progress: Progress = {
    currency: campaign.currency,
    goalMinor: campaign.goal_minor,
    pledgedMinor: own?.pledgedMinor ?? 0,
    receivedMinor: own?.receivedMinor ?? 0,
    outstandingMinor: own?.outstandingMinor ?? 0,
    restrictedReceivedMinor: own?.restrictedReceivedMinor ?? 0,
  };
  const otherCurrencies = [...(totals?.entries() ?? [])]
    .filter(([code]) => code !== campaign.currency)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, t]) => ({ currency: code, contributions: t.contributions, pledgedMinor: t.pledgedMinor, receivedMinor: t.receivedMinor, outstandingMinor: t.outstandingMinor }));
  const contributions = [...(totals?.values() ?? [])].reduce((n, t) => n + t.contributions, 0);
  const hasLead = campaign.lead_organization_id !== null || campaign.lead_person_id !== null;
  return {
    id: campaign.id,
    name: campaign.name,
    purpose: campaign.purpose as FundraisingPurpose,
    startsOn: campaign.starts_on,
    endsOn: campaign.ends_on,
    lead: hasLead ? partyOf(names, campaign.lead_organization_id, campaign.lead_person_id) : null,
    contributions,
    progress,
    otherCurrencies,
  };
}

function leadsOf(campaigns: readonly FundraisingCampaignsTable[]) {
  return campaigns.map((c) => ({ organizationId: c.lead_organization_id, personId: c.lead_person_id }));
}

export async function listFundraising(ctx: Db): Promise<FundraisingRow[]> {
  const campaigns = await ctx.db.selectFrom('fundraising_campaigns').selectAll().orderBy('starts_on', 'desc').orderBy('name').execute();
  const totals = await totalsOf(ctx);
  const names = await namesFor(ctx, leadsOf(campaigns));
  return campaigns.map((c) => toRow(c, totals.get(c.id), names));
}

async function requireCampaign(ctx: Db, id: string, path = 'id'): Promise<FundraisingCampaignsTable> {
  const row = await ctx.db.selectFrom('fundraising_campaigns').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw missing('Fundraising campaign', id, path);
  return row;
}

/** Contributions with their payments and contributors' names (one campaign's, or chosen rows). */
export async function contributionsOf(ctx: Db, rows: readonly ContributionsTable[]): Promise<Contribution[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const payments = new Map<string, Payment[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const found = await ctx.db
      .selectFrom('contribution_payments')
      .selectAll()
      .where('contribution_id', 'in', ids.slice(i, i + 500))
      .orderBy('received_on')
      .orderBy('created_at')
      .execute();
    for (const p of found) {
      const list = payments.get(p.contribution_id) ?? [];
      list.push({ id: p.id, amountMinor: p.amount_minor, receivedOn: p.received_on, note: p.note });
      payments.set(p.contribution_id, list);
    }
  }
  const campaigns = new Map(
    (await ctx.db.selectFrom('fundraising_campaigns').select(['id', 'name', 'currency']).where('id', 'in', [...new Set(rows.map((r) => r.fundraising_campaign_id))]).execute()).map((c) => [c.id, c]),
  );
  const names = await namesFor(ctx, rows.map((r) => ({ organizationId: r.contributor_organization_id, personId: r.contributor_person_id })));
  return rows.map((r) => {
    const paid = payments.get(r.id) ?? [];
    const received = paid.reduce((n, p) => n + p.amountMinor, 0);
    const campaign = campaigns.get(r.fundraising_campaign_id);
    return {
      id: r.id,
      fundraisingCampaignId: r.fundraising_campaign_id,
      fundraisingCampaignName: campaign?.name ?? '',
      contributorType: r.contributor_type as ContributorType,
      contributor: partyOf(names, r.contributor_organization_id, r.contributor_person_id, r.contributor_name),
      pledgedMinor: r.pledged_minor,
      currency: r.currency,
      pledgedOn: r.pledged_on,
      receivedMinor: received,
      outstandingMinor: Math.max(0, r.pledged_minor - received),
      lastReceivedOn: paid.at(-1)?.receivedOn ?? null,
      restricted: r.restricted === 1,
      restrictionNote: r.restriction_note,
      notes: r.notes,
      countsTowardGoal: campaign?.currency === r.currency,
      payments: paid,
    };
  });
}

export async function getFundraising(ctx: Db, id: string): Promise<FundraisingDetail> {
  const campaign = await requireCampaign(ctx, id);
  const totals = await totalsOf(ctx, id);
  const names = await namesFor(ctx, leadsOf([campaign]));
  const rows = await ctx.db.selectFrom('contributions').selectAll().where('fundraising_campaign_id', '=', id).orderBy('pledged_on', 'desc').orderBy('created_at', 'desc').execute();
  const advocacy = campaign.campaign_id
    ? await ctx.db.selectFrom('campaigns').select('name').where('id', '=', campaign.campaign_id).executeTakeFirst()
    : undefined;
  return {
    ...toRow(campaign, totals.get(id), names),
    campaignId: campaign.campaign_id,
    campaignName: advocacy?.name ?? null,
    goalMinor: campaign.goal_minor,
    currency: campaign.currency,
    leadOrganizationId: campaign.lead_organization_id,
    leadPersonId: campaign.lead_person_id,
    notes: campaign.notes,
    contributionsList: await contributionsOf(ctx, rows),
    createdAt: campaign.created_at,
    updatedAt: campaign.updated_at,
  };
}

async function campaignColumns(ctx: CallContext, input: FundraisingInput) {
  await requireRow(ctx, 'campaigns', input.campaignId, 'campaignId');
  await requireRow(ctx, 'organizations', input.leadOrganizationId, 'leadOrganizationId');
  await requireRow(ctx, 'people', input.leadPersonId, 'leadPersonId');
  return {
    name: input.name,
    purpose: input.purpose,
    campaign_id: input.campaignId,
    goal_minor: input.goalMinor,
    currency: input.currency,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    lead_person_id: input.leadPersonId,
    lead_organization_id: input.leadOrganizationId,
    notes: input.notes,
  };
}

export async function createFundraising(ctx: CallContext, input: FundraisingInput): Promise<FundraisingDetail> {
  const id = randomUUID();
  await ctx.write.insert('fundraising_campaigns', { id, ...(await campaignColumns(ctx, input)), created_at: ctx.now, updated_at: ctx.now });
  return getFundraising(ctx, id);
}

export async function updateFundraising(ctx: CallContext, id: string, input: FundraisingInput): Promise<FundraisingDetail> {
  await requireCampaign(ctx, id);
  await ctx.write.update('fundraising_campaigns', id, { ...(await campaignColumns(ctx, input)), updated_at: ctx.now });
  return getFundraising(ctx, id);
}

async function removeContributions(ctx: CallContext, rows: readonly ContributionsTable[]): Promise<void> {
  const ids = rows.map((r) => r.id);
  for (let i = 0; i < ids.length; i += 500) {
    await ctx.write.removeMany('contribution_payments', await ctx.db.selectFrom('contribution_payments').selectAll().where('contribution_id', 'in', ids.slice(i, i + 500)).execute());
  }
  await ctx.write.removeMany('contributions', rows);
}

export async function deleteFundraising(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  await requireCampaign(ctx, id);
  await removeContributions(ctx, await ctx.db.selectFrom('contributions').selectAll().where('fundraising_campaign_id', '=', id).execute());
  await ctx.write.remove('fundraising_campaigns', id);
  return { deleted: true };
}

async function requireContribution(ctx: Db, id: string, path = 'id'): Promise<ContributionsTable> {
  const row = await ctx.db.selectFrom('contributions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw missing('Contribution', id, path);
  return row;
}

async function receivedOf(ctx: Db, contributionId: string): Promise<number> {
  const row = await ctx.db
    .selectFrom('contribution_payments')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_minor'), eb.lit(0)).as('n'))
    .where('contribution_id', '=', contributionId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function getContribution(ctx: Db, id: string): Promise<Contribution> {
  const [found] = await contributionsOf(ctx, [await requireContribution(ctx, id)]);
  return found as Contribution;
}

export async function saveContribution(ctx: CallContext, id: string | undefined, input: ContributionInput): Promise<Contribution> {
  const path = (field: string) => `contribution.${field}`;
  await requireCampaign(ctx, input.fundraisingCampaignId, path('fundraisingCampaignId'));
  await requireRow(ctx, 'organizations', input.contributorOrganizationId, path('contributorOrganizationId'));
  await requireRow(ctx, 'people', input.contributorPersonId, path('contributorPersonId'));
  const columns = {
    fundraising_campaign_id: input.fundraisingCampaignId,
    contributor_type: input.contributorType,
    contributor_organization_id: input.contributorOrganizationId,
    contributor_person_id: input.contributorPersonId,
    // A directory contributor's name is read from the directory; a typed one is kept.
    contributor_name: input.contributorOrganizationId === null && input.contributorPersonId === null ? input.contributorName : '',
    pledged_minor: input.pledgedMinor,
    currency: input.currency,
    pledged_on: input.pledgedOn,
    restricted: input.restricted ? 1 : 0,
    restriction_note: input.restricted ? input.restrictionNote : '',
    notes: input.notes,
  };
  if (id === undefined) {
    id = randomUUID();
    await ctx.write.insert('contributions', { id, ...columns, created_at: ctx.now, updated_at: ctx.now });
    return getContribution(ctx, id);
  }
  const before = await requireContribution(ctx, id);
  const received = await receivedOf(ctx, id);
  if (input.pledgedMinor < received) {
    throw fieldError(
      'conflict',
      path('pledgedMinor'),
      `${formatMoney(received, before.currency, 'en-US')} has already been received against this pledge; the amount pledged cannot be less.`,
    );
  }
  if (received > 0 && input.currency !== before.currency) {
    throw fieldError('conflict', path('currency'), `Payments were received in ${before.currency}; remove them before changing the pledge’s currency.`);
  }
  await ctx.write.update('contributions', id, { ...columns, updated_at: ctx.now });
  return getContribution(ctx, id);
}

export async function deleteContribution(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  await removeContributions(ctx, [await requireContribution(ctx, id)]);
  return { deleted: true };
}

export async function addPayment(ctx: CallContext, input: PaymentInput): Promise<Contribution> {
  const contribution = await requireContribution(ctx, input.contributionId, 'contributionId');
  const received = await receivedOf(ctx, contribution.id);
  const left = contribution.pledged_minor - received;
  if (input.amountMinor > left) {
    const money = (n: number) => formatMoney(n, contribution.currency, 'en-US');
    throw fieldError(
      'conflict',
      'amountMinor',
      left === 0
        ? `This pledge of ${money(contribution.pledged_minor)} is fully received; raise the amount pledged first to record more.`
        : `Only ${money(left)} of this pledge is outstanding (${money(received)} of ${money(contribution.pledged_minor)} received); raise the amount pledged first to record more.`,
    );
  }
  if (input.receivedOn < contribution.pledged_on) {
    throw fieldError('validation', 'receivedOn', `The payment cannot arrive before the pledge was made (${contribution.pledged_on}).`);
  }
  await ctx.write.insert('contribution_payments', {
    id: randomUUID(),
    contribution_id: contribution.id,
    amount_minor: input.amountMinor,
    currency: contribution.currency,
    received_on: input.receivedOn,
    note: input.note,
    created_at: ctx.now,
  });
  return getContribution(ctx, contribution.id);
}

export async function deletePayment(ctx: CallContext, id: string): Promise<Contribution> {
  const row = await ctx.db.selectFrom('contribution_payments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw missing('Payment', id);
  await ctx.write.remove('contribution_payments', id);
  return getContribution(ctx, row.contribution_id);
}
