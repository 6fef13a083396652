// The campaigns domain's tables, as Kysely sees them (part of db/schema.ts's Database).

export interface CampaignsTable {
  id: string;
  name: string;
  ask: string;
  goal_id: string | null;
  status: string;
  starts_on: string | null;
  ends_on: string | null;
  lead_working_group_id: string | null;
  notes: string;
  created_at: string;
  updated_at: string;
}

export interface GrassrootsActionsTable {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
}

export interface CampaignTables {
  campaigns: CampaignsTable;
  grassroots_actions: GrassrootsActionsTable;
}
