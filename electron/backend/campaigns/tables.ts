// The campaigns domain's tables, as Kysely sees them (part of db/schema.ts's Database).
// Migrations 009_campaigns and 013_grassroots.

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

export interface CampaignStatusChangesTable {
  id: string;
  campaign_id: string;
  status: string;
  changed_on: string;
}

export interface CampaignParticipantsTable {
  id: string;
  campaign_id: string;
  organization_id: string;
  role: string;
  created_at: string;
}

export interface KeyMessagesTable {
  id: string;
  campaign_id: string;
  audience: string;
  title: string;
  message: string;
  /** JSON array of text, in order. */
  talking_points_json: string;
  /** JSON array of {text, source, on}. */
  facts_json: string;
  status: string;
  approved_by: string | null;
  approved_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface PublicEventsTable {
  id: string;
  campaign_id: string | null;
  kind: string;
  title: string;
  starts_at: string;
  ends_at: string;
  time_zone: string;
  location: string;
  description: string;
  rsvps: number;
  attendance: number | null;
  people_reached: number | null;
  meeting_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface PublicEventCohostsTable {
  id: string;
  event_id: string;
  organization_id: string;
}

export interface GrassrootsActionsTable {
  id: string;
  campaign_id: string;
  kind: string;
  count: number;
  official_id: string | null;
  district: string;
  action_on: string;
  reported_by_organization_id: string | null;
  notes: string;
  created_at: string;
  updated_at: string;
}

export interface PetitionsTable {
  id: string;
  campaign_id: string;
  title: string;
  target_official_id: string | null;
  target_text: string;
  goal: number;
  launched_on: string | null;
  delivered_on: string | null;
  description: string;
  created_at: string;
  updated_at: string;
}

export interface PetitionCountsTable {
  id: string;
  petition_id: string;
  counted_on: string;
  signatures: number;
}

export interface CampaignTables {
  campaigns: CampaignsTable;
  campaign_status_changes: CampaignStatusChangesTable;
  campaign_participants: CampaignParticipantsTable;
  key_messages: KeyMessagesTable;
  public_events: PublicEventsTable;
  public_event_cohosts: PublicEventCohostsTable;
  grassroots_actions: GrassrootsActionsTable;
  petitions: PetitionsTable;
  petition_counts: PetitionCountsTable;
}
