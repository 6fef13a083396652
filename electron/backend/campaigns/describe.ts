import type { Kysely } from 'kysely';
import { ACTION_KINDS, CAMPAIGN_STATUSES, PARTICIPANT_ROLES, type ActionKind, type CampaignStatus, type ParticipantRole } from '@shared/campaigns/contract';
import type { Database } from '../db/schema';

// History sentences for the campaigns methods whose generic sentence ("Edited Counsel works")
// would not say what happened. history/describe.ts spreads these into its describers.

interface Facts {
  db: Kysely<Database>;
  input: unknown;
  /** Change-log rows per `${entity}:${action}`. */
  counts: ReadonlyMap<string, number>;
}

function field(input: unknown, key: string): string | number | null {
  const value = typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}

async function campaignName(facts: Facts, id: string | number | null): Promise<string | null> {
  if (typeof id !== 'string') return null;
  return (await facts.db.selectFrom('campaigns').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null;
}

async function messageOf(facts: Facts): Promise<{ title: string; campaign: string } | undefined> {
  const id = field(facts.input, 'id');
  if (typeof id !== 'string') return undefined;
  return facts.db
    .selectFrom('key_messages as m')
    .innerJoin('campaigns as c', 'c.id', 'm.campaign_id')
    .select(['m.title', 'c.name as campaign'])
    .where('m.id', '=', id)
    .executeTakeFirst();
}

export const CAMPAIGN_DESCRIBERS: Readonly<Record<string, (facts: Facts) => Promise<string | null>>> = {
  'campaigns.save': (facts) => {
    const name = field(facts.input, 'name');
    if (typeof name !== 'string') return Promise.resolve(null);
    if ((facts.counts.get('campaigns:create') ?? 0) > 0) return Promise.resolve(`Started the campaign ${name}`);
    const status = field(facts.input, 'status');
    if ((facts.counts.get('campaign_status_changes:create') ?? 0) > 0 && typeof status === 'string') {
      return Promise.resolve(`Marked the campaign ${name} ${CAMPAIGN_STATUSES[status as CampaignStatus].toLowerCase()}`);
    }
    return Promise.resolve(`Edited the campaign ${name}`);
  },
  'campaigns.participants.save': async (facts) => {
    const campaign = await campaignName(facts, field(facts.input, 'campaignId'));
    const organizationId = field(facts.input, 'organizationId');
    const role = field(facts.input, 'role');
    if (!campaign || typeof organizationId !== 'string' || typeof role !== 'string') return null;
    const organization = await facts.db.selectFrom('organizations').select('name').where('id', '=', organizationId).executeTakeFirst();
    return organization ? `Added ${organization.name} to ${campaign} as ${PARTICIPANT_ROLES[role as ParticipantRole].toLowerCase()}` : null;
  },
  'campaigns.messages.approve': async (facts) => {
    const message = await messageOf(facts);
    return message ? `Approved the key message “${message.title}” of ${message.campaign}` : null;
  },
  'campaigns.messages.reopen': async (facts) => {
    const message = await messageOf(facts);
    return message ? `Returned the key message “${message.title}” of ${message.campaign} to draft` : null;
  },
  'campaigns.grassroots.save': async (facts) => {
    const campaign = await campaignName(facts, field(facts.input, 'campaignId'));
    const count = field(facts.input, 'count');
    const kind = field(facts.input, 'kind');
    if (!campaign || typeof count !== 'number' || typeof kind !== 'string') return null;
    const what = `${count.toLocaleString('en-US')} ${ACTION_KINDS[kind as ActionKind].toLowerCase()}`;
    return (facts.counts.get('grassroots_actions:create') ?? 0) > 0 ? `Recorded ${what} for ${campaign}` : `Corrected a count to ${what} for ${campaign}`;
  },
  'campaigns.petitions.recordCount': async (facts) => {
    const id = field(facts.input, 'petitionId');
    const signatures = field(facts.input, 'signatures');
    if (typeof id !== 'string' || typeof signatures !== 'number') return null;
    const petition = await facts.db.selectFrom('petitions').select('title').where('id', '=', id).executeTakeFirst();
    return petition ? `Recorded ${signatures.toLocaleString('en-US')} signatures on the petition “${petition.title}”` : null;
  },
};
