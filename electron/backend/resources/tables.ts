// The resources domain's tables, as Kysely sees them (part of db/schema.ts's Database).

export interface FundraisingCampaignsTable {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
}

export interface ResourceTables {
  fundraising_campaigns: FundraisingCampaignsTable;
}
