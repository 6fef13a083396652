// The resources domain's tables, as Kysely sees them (part of db/schema.ts's Database). Column
// meanings are documented in db/migrations/012_resources.ts. Money: integer minor units next to an
// ISO 4217 code; never add different currencies.

export interface FundraisingCampaignsTable {
  id: string;
  name: string;
  /** advocacy_campaign | media_outreach | lobbying | events | operations */
  purpose: string;
  /** The advocacy campaign it supports (campaigns.id), if any. */
  campaign_id: string | null;
  /** The goal, in minor units of `currency`; only contributions in this currency count toward it. */
  goal_minor: number;
  currency: string;
  starts_on: string | null;
  ends_on: string | null;
  lead_person_id: string | null;
  lead_organization_id: string | null;
  notes: string;
  created_at: string;
  updated_at: string;
}

/** A pledge (or a gift: a contribution with its payment) to a fundraising campaign. */
export interface ContributionsTable {
  id: string;
  fundraising_campaign_id: string;
  /** member | foundation | corporation | individual | other */
  contributor_type: string;
  contributor_organization_id: string | null;
  contributor_person_id: string | null;
  /** The contributor's name when not in the directory ('' otherwise). */
  contributor_name: string;
  /** Amount pledged, minor units of `currency`. */
  pledged_minor: number;
  currency: string;
  pledged_on: string;
  /** 1 when the money is restricted to a use (see restriction_note). */
  restricted: number;
  restriction_note: string;
  notes: string;
  created_at: string;
  updated_at: string;
}

/** Money received against a contribution (several per contribution: partial payments). "Money raised" = sum(amount_minor) by currency. */
export interface ContributionPaymentsTable {
  id: string;
  contribution_id: string;
  amount_minor: number;
  /** Always the contribution's currency. */
  currency: string;
  received_on: string;
  note: string;
  created_at: string;
}

export interface GrantsTable {
  id: string;
  funder_organization_id: string | null;
  funder_name: string;
  title: string;
  currency: string;
  requested_minor: number;
  awarded_minor: number | null;
  /** prospect | drafting | submitted | awarded | declined */
  status: string;
  deadline: string | null;
  notes: string;
  created_at: string;
  updated_at: string;
}

/** A report owed to a grant's funder; done once done_on is set. */
export interface GrantReportsTable {
  id: string;
  grant_id: string;
  due_on: string;
  title: string;
  done_on: string | null;
}

export interface InKindContributionsTable {
  id: string;
  contributor_organization_id: string | null;
  contributor_person_id: string | null;
  /** meeting_space | volunteer_time | technical_expertise | media_connections | materials | other */
  kind: string;
  description: string;
  hours: number | null;
  quantity: number | null;
  /** Estimated value in minor units of `currency` (both null when not estimated). */
  value_minor: number | null;
  currency: string | null;
  given_on: string;
  supported_meeting_id: string | null;
  supported_campaign_id: string | null;
  supported_event_id: string | null;
  notes: string;
  created_at: string;
  updated_at: string;
}

export interface ResourceTables {
  fundraising_campaigns: FundraisingCampaignsTable;
  contributions: ContributionsTable;
  contribution_payments: ContributionPaymentsTable;
  grants: GrantsTable;
  grant_reports: GrantReportsTable;
  in_kind_contributions: InKindContributionsTable;
}
