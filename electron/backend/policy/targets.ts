import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { CampaignTargets, Stance } from '@shared/policy/contract';
import type { CallContext } from '../rpc/handlers';
import { billSummaries } from './bills';
import { notFound, requireIds, type Db } from './common';
import { officialSummaries } from './officials';

// A campaign's targets: the bills it pushes and the officials it works on, each with a note; an
// official's row carries their latest stance on the campaign. The campaigns domain shows them on
// the campaign page (renderer/features/policy/CampaignTargets.tsx).

export async function campaignTargets(ctx: Db, campaignId: string): Promise<CampaignTargets> {
  const campaign = await ctx.db.selectFrom('campaigns').select('id').where('id', '=', campaignId).executeTakeFirst();
  if (!campaign) throw notFound('campaigns', campaignId, 'campaignId');
  const bills = await ctx.db.selectFrom('campaign_target_bills').selectAll().where('campaign_id', '=', campaignId).execute();
  const officials = await ctx.db.selectFrom('campaign_target_officials').selectAll().where('campaign_id', '=', campaignId).execute();
  const billRows = await billSummaries(ctx, bills.map((b) => b.bill_id));
  const officialRows = await officialSummaries(ctx, officials.map((o) => o.official_id));
  const stances = await sql<{ official_id: string; stance: string; stated_on: string }>`
    select official_id, stance, stated_on from stances s
    where campaign_id = ${campaignId}
      and s.rowid = (select s2.rowid from stances s2 where s2.campaign_id = s.campaign_id and s2.official_id = s.official_id
                     order by s2.stated_on desc, s2.created_at desc, s2.rowid desc limit 1)`.execute(ctx.db);
  const latest = new Map(stances.rows.map((s) => [s.official_id, s]));
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  return {
    campaignId,
    bills: bills
      .flatMap((b) => {
        const bill = billRows.get(b.bill_id);
        return bill ? [{ ...bill, note: b.note }] : [];
      })
      .sort((a, b) => collator.compare(a.identifier, b.identifier)),
    officials: officials
      .flatMap((o) => {
        const official = officialRows.get(o.official_id);
        const stance = latest.get(o.official_id);
        return official ? [{ ...official, note: o.note, stance: (stance?.stance as Stance | undefined) ?? null, stanceOn: stance?.stated_on ?? null }] : [];
      })
      .sort((a, b) => collator.compare(a.name, b.name)),
  };
}

export async function setCampaignTargets(
  ctx: CallContext,
  input: { campaignId: string; bills: { billId: string; note: string }[]; officials: { officialId: string; note: string }[] },
): Promise<CampaignTargets> {
  await requireIds(ctx, 'campaigns', [input.campaignId], 'campaignId');
  await requireIds(ctx, 'bills', input.bills.map((b) => b.billId), (i) => `bills.${i}.billId`);
  await requireIds(ctx, 'officials', input.officials.map((o) => o.officialId), (i) => `officials.${i}.officialId`);

  const bills = await ctx.db.selectFrom('campaign_target_bills').selectAll().where('campaign_id', '=', input.campaignId).execute();
  const wantedBills = new Map(input.bills.map((b) => [b.billId, b.note]));
  await ctx.write.removeMany('campaign_target_bills', bills.filter((b) => !wantedBills.has(b.bill_id)));
  await ctx.write.updateMany('campaign_target_bills', bills.filter((b) => wantedBills.has(b.bill_id)).map((before) => ({ before, patch: { note: wantedBills.get(before.bill_id) as string } })));
  const hadBills = new Set(bills.map((b) => b.bill_id));
  await ctx.write.insertMany(
    'campaign_target_bills',
    [...wantedBills].filter(([billId]) => !hadBills.has(billId)).map(([billId, note]) => ({ id: randomUUID(), campaign_id: input.campaignId, bill_id: billId, note })),
  );

  const officials = await ctx.db.selectFrom('campaign_target_officials').selectAll().where('campaign_id', '=', input.campaignId).execute();
  const wantedOfficials = new Map(input.officials.map((o) => [o.officialId, o.note]));
  await ctx.write.removeMany('campaign_target_officials', officials.filter((o) => !wantedOfficials.has(o.official_id)));
  await ctx.write.updateMany(
    'campaign_target_officials',
    officials.filter((o) => wantedOfficials.has(o.official_id)).map((before) => ({ before, patch: { note: wantedOfficials.get(before.official_id) as string } })),
  );
  const hadOfficials = new Set(officials.map((o) => o.official_id));
  await ctx.write.insertMany(
    'campaign_target_officials',
    [...wantedOfficials].filter(([officialId]) => !hadOfficials.has(officialId)).map(([officialId, note]) => ({ id: randomUUID(), campaign_id: input.campaignId, official_id: officialId, note })),
  );
  return campaignTargets(ctx, input.campaignId);
}
