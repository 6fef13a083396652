// The policy domain's tables (migration 010), as Kysely sees them (part of db/schema.ts's Database).

export interface PolicyBodiesTable {
  id: string;
  name: string;
  /** city_council, county_board, legislature_chamber, parliament, agency, regulatory, administrative, council, other */
  kind: string;
  /** local, state, national */
  level: string;
  jurisdiction: string;
  responsibilities: string;
  website: string;
  email: string;
  phone: string;
  notes: string;
  created_at: string;
  updated_at: string;
}

export interface OfficialsTable {
  id: string;
  name: string;
  title: string;
  level: string;
  body_id: string | null;
  district: string;
  jurisdiction: string;
  party: string;
  email: string;
  phone: string;
  office_address: string;
  website: string;
  term_start: string | null;
  term_end: string | null;
  notes: string;
  /** Normalized name (policy/normalize.ts): duplicates are the same name_key + district_key. */
  name_key: string;
  /** Normalized district, compared with the directory's districts. */
  district_key: string;
  created_at: string;
  updated_at: string;
}

export interface CommitteesTable {
  id: string;
  name: string;
  body_id: string | null;
  description: string;
  created_at: string;
  updated_at: string;
}

export interface CommitteeMembersTable {
  id: string;
  committee_id: string;
  official_id: string;
  /** chair, vice_chair, ranking_member, member */
  role: string;
}

export interface OfficialStaffersTable {
  id: string;
  official_id: string;
  name: string;
  role: string;
  email: string;
  phone: string;
}

export interface RelationshipHoldersTable {
  id: string;
  official_id: string;
  person_id: string | null;
  organization_id: string | null;
  is_primary: number;
  note: string;
}

export interface BillsTable {
  id: string;
  identifier: string;
  title: string;
  /** bill, policy, budget, regulation */
  kind: string;
  jurisdiction: string;
  level: string;
  summary: string;
  committee_id: string | null;
  /** The latest bill_status_changes row's status and date. */
  status: string;
  status_on: string;
  /** The coalition's position: support, oppose, support_if_amended, monitor, none */
  position: string;
  position_note: string;
  url: string;
  created_at: string;
  updated_at: string;
}

export interface BillStatusChangesTable {
  id: string;
  bill_id: string;
  status: string;
  changed_on: string;
  note: string;
  recorded_by: string;
  created_at: string;
}

export interface BillSponsorsTable {
  id: string;
  bill_id: string;
  official_id: string;
  /** primary, co */
  role: string;
}

export interface BillHearingsTable {
  id: string;
  bill_id: string;
  held_on: string;
  committee_id: string | null;
  note: string;
}

export interface FundingAllocationsTable {
  id: string;
  bill_id: string;
  amount: number;
  currency: string;
  program: string;
  fiscal_year: string;
  note: string;
}

export interface StancesTable {
  id: string;
  official_id: string;
  campaign_id: string | null;
  bill_id: string | null;
  stance: string;
  stated_on: string;
  evidence: string;
  recorded_by: string;
  created_at: string;
}

export interface OfficialActionsTable {
  id: string;
  official_id: string;
  bill_id: string;
  /** sponsored, co_sponsored, voted_yes, voted_no, absent */
  action: string;
  acted_on: string;
  note: string;
}

export interface EngagementsTable {
  id: string;
  kind: string;
  title: string;
  occurred_on: string;
  starts_at: string | null;
  ends_at: string | null;
  time_zone: string | null;
  location: string;
  campaign_id: string | null;
  bill_id: string | null;
  presented_json: string;
  presented_note: string;
  outcome: string;
  follow_up: string;
  follow_up_owner_person_id: string | null;
  follow_up_due_on: string | null;
  follow_up_done: number;
  meeting_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface EngagementOfficialsTable {
  id: string;
  engagement_id: string;
  official_id: string;
  staffer_id: string | null;
  /** The engagement's day, copied so an official's engagements read in date order from one index. */
  occurred_on: string;
}

export interface EngagementAttendeesTable {
  id: string;
  engagement_id: string;
  person_id: string;
}

export interface CampaignTargetBillsTable {
  id: string;
  campaign_id: string;
  bill_id: string;
  note: string;
}

export interface CampaignTargetOfficialsTable {
  id: string;
  campaign_id: string;
  official_id: string;
  note: string;
}

export interface PolicyTables {
  policy_bodies: PolicyBodiesTable;
  officials: OfficialsTable;
  committees: CommitteesTable;
  committee_members: CommitteeMembersTable;
  official_staffers: OfficialStaffersTable;
  relationship_holders: RelationshipHoldersTable;
  bills: BillsTable;
  bill_status_changes: BillStatusChangesTable;
  bill_sponsors: BillSponsorsTable;
  bill_hearings: BillHearingsTable;
  funding_allocations: FundingAllocationsTable;
  stances: StancesTable;
  official_actions: OfficialActionsTable;
  engagements: EngagementsTable;
  engagement_officials: EngagementOfficialsTable;
  engagement_attendees: EngagementAttendeesTable;
  campaign_target_bills: CampaignTargetBillsTable;
  campaign_target_officials: CampaignTargetOfficialsTable;
}
