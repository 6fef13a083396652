import type { Input } from '@shared/contract';
import type { campaignsContract } from '@shared/campaigns/contract';
import type { Caller } from '../backend';
import type { SeedIds } from './seedIds';

// Campaigns, key messages, grassroots actions, petitions and public events: one valid input per method (see ../samples.ts), valid on a workspace prepared by
// `seedWorkspace`, and the records it seeds for them.

/** Placeholder ids (valid UUIDs, 00001xxx) for the records `seedCampaigns` creates. */
export const CAMPAIGN_IDS = {} as const;

type CampaignMethod = keyof typeof campaignsContract;

export const CAMPAIGN_INPUTS: { [M in CampaignMethod]: Input<M> } = {};

/** Creates the records of CAMPAIGN_IDS and records their real ids. */
export async function seedCampaigns(_caller: Caller, _seeded: SeedIds): Promise<void> {}
