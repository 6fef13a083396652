import type { Generated } from 'kysely';
import type { CampaignTables } from '../campaigns/tables';
import type { PolicyTables } from '../policy/tables';
import type { StoryTables } from '../stories/tables';
import type { MediaTables } from '../media/tables';
import type { ResourceTables } from '../resources/tables';
import type { CapacityTables } from '../capacity/tables';
import type { MetricTables } from '../metrics/tables';
import type { ReportTables } from '../reports/tables';

// Row types of the workspace database, as Kysely sees them. Column names are snake_case in
// SQL; services map them to the contract's camelCase shapes.

export interface CoalitionProfileTable {
  id: string; // always 'coalition': one profile per workspace
  name: string;
  short_name: string;
  region: string;
  founded_on: string | null;
  logo_mime: string | null;
  logo_data: Buffer | null;
  updated_at: string;
}

export interface CharterDraftTable {
  id: string; // always 'draft'
  mission: string;
  vision: string;
  values_json: string;
  updated_at: string;
}

export interface CharterGoalTable {
  id: string;
  position: number;
  category: string;
  title: string;
  description: string;
  target_metric: string | null;
  target_value: number | null;
  target_unit: string | null;
  target_due_on: string | null;
}

export interface CharterVersionTable {
  id: string;
  number: number;
  adopted_on: string;
  adopted_at: string;
  note: string;
  content_json: string;
}

export interface ChangeLogTable {
  seq: Generated<number>;
  at: string;
  entity: string;
  entity_id: string;
  action: 'create' | 'update' | 'delete';
  before_json: string | null;
  after_json: string | null;
  batch: string;
}

export interface WorkspaceMetaTable {
  key: string;
  value: string;
}

// The partner directory (migration 002). List fields are JSON arrays (the *_json columns).

export interface OrganizationsTable {
  id: string;
  name: string;
  other_names_json: string;
  sector: string;
  type: string;
  issue_areas_json: string;
  regions_json: string;
  populations_json: string;
  alignment_score: number | null;
  alignment_note: string;
  stage: string;
  stage_changed_on: string;
  tier: string | null;
  contributions_json: string;
  website: string;
  email: string;
  phone: string;
  address: string;
  city: string;
  district: string;
  registration_number: string;
  staff_size: number | null;
  budget_band: string | null;
  tags_json: string;
  notes: string;
  last_contacted_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface PeopleTable {
  id: string;
  name: string;
  pronouns: string;
  title: string;
  languages_json: string;
  email: string;
  phone: string;
  city: string;
  district: string;
  community_leader: number;
  tags_json: string;
  notes: string;
  consent_may_contact: number | null;
  consent_channels_json: string;
  consent_recorded_on: string | null;
  consent_recorded_by: string;
  last_contacted_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface OrganizationStageChangesTable {
  id: string;
  organization_id: string;
  stage: string;
  changed_on: string;
}

/** Runs of membership kept by triggers from the stage history (migration 018); never written by the app. */
export interface MemberSpansTable {
  organization_id: string;
  sector: string;
  start: string;
  end: string | null;
}

/** Members who began (+) or ended (-) a span, per day and sector (migration 018); never written by the app. */
export interface MemberCountChangesTable {
  day: string;
  sector: string;
  delta: number;
}

export interface AffiliationsTable {
  id: string;
  person_id: string;
  organization_id: string;
  role: string;
  is_primary: number;
  start_on: string | null;
  end_on: string | null;
}

export interface RelationshipsTable {
  id: string;
  kind: string;
  from_id: string;
  to_id: string;
  note: string;
}

export interface InteractionsTable {
  id: string;
  kind: string;
  occurred_on: string;
  summary: string;
  follow_up_owner: string | null;
  follow_up_due_on: string | null;
  follow_up_done: number | null;
  created_at: string;
}

export interface InteractionParticipantsTable {
  id: string;
  interaction_id: string;
  organization_id: string | null;
  person_id: string | null;
  occurred_on: string;
}

export interface VocabularyTable {
  id: string;
  kind: string;
  value: string;
  position: number;
}

export interface SavedViewsTable {
  id: string;
  name: string;
  entity: string;
  definition_json: string;
  updated_at: string;
}

/** Representation targets (migration 003). */
export interface RepresentationTargetsTable {
  id: string;
  dimension: string;
  value: string;
  kind: string;
  amount: number;
  note: string;
  updated_at: string;
}

/** Custom field definitions (migration 004). */
export interface CustomFieldsTable {
  id: string;
  entity: string;
  label: string;
  kind: string;
  choices_json: string;
  position: number;
  created_at: string;
  updated_at: string;
}

/** One record's value in one custom field: text / choice / date in value_text, numbers in value_number. */
export interface CustomValuesTable {
  id: string;
  field_id: string;
  record_id: string;
  value_text: string | null;
  value_number: number | null;
}

/** The mapping last used for a file's header row (migration 005); a preference, not change-logged. */
export interface ImportMappingsTable {
  header_key: string;
  entity: string;
  mapping_json: string;
  updated_at: string;
}

/** One row per call that changed something (migration 006): its change-log batch, described. */
export interface ChangeBatchesTable {
  id: string;
  method: string;
  summary: string;
  actor: string;
  at: string;
  changes: number;
  kind: 'change' | 'undo' | 'redo';
  undone_by_batch: string | null;
  undoes_batch: string | null;
}

/** Coalition structure (migration 007). The one row of decision rules meetings apply (id 'rules'). */
export interface DecisionRulesTable {
  id: string;
  quorum_share: number;
  ordinary_majority: number;
  charter_majority: number;
  updated_at: string;
}

export interface SteeringSeatsTable {
  id: string;
  name: string;
  requirement_kind: string | null;
  requirement_value: string | null;
  term_months: number | null;
  position: number;
  created_at: string;
  updated_at: string;
}

/** A holder's term on a seat; current on day D when start_date <= D and (end_date is null or end_date >= D). */
export interface SteeringTermsTable {
  id: string;
  seat_id: string;
  person_id: string | null;
  organization_id: string | null;
  role: string;
  start_date: string;
  end_date: string | null;
  created_at: string;
  updated_at: string;
}

export interface WorkingGroupsTable {
  id: string;
  name: string;
  focus_issue_area: string | null;
  description: string;
  objectives: string;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface WorkingGroupGoalsTable {
  id: string;
  working_group_id: string;
  goal_id: string;
}

export interface WorkingGroupMembersTable {
  id: string;
  working_group_id: string;
  person_id: string;
  role: string;
  joined_on: string;
  left_on: string | null;
}

export interface CoalitionRolesTable {
  id: string;
  role: string;
  title: string;
  person_id: string;
  start_date: string;
  end_date: string | null;
  created_at: string;
  updated_at: string;
}

export interface MembershipApplicationsTable {
  id: string;
  organization_id: string;
  contact_person_id: string | null;
  received_on: string;
  motivation: string;
  issue_areas_json: string;
  populations_json: string;
  contributions_json: string;
  charter_version_id: string | null;
  status: string;
  reviewer: string;
  decided_on: string | null;
  decision_reason: string;
  created_at: string;
  updated_at: string;
}

export interface CharterEndorsementsTable {
  id: string;
  organization_id: string;
  charter_version_id: string;
  endorsed_on: string;
  signed_by: string;
  person_id: string | null;
}

/** Meetings (migration 008). Instants (starts_at, ends_at) are UTC ISO strings; time_zone is an IANA name. */
export interface MeetingsTable {
  id: string;
  type: string;
  title: string;
  starts_at: string;
  ends_at: string;
  time_zone: string;
  location: string;
  video_url: string;
  organizer_person_id: string | null;
  working_group_id: string | null;
  minutes_md: string;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface AgendaItemsTable {
  id: string;
  meeting_id: string;
  position: number;
  title: string;
  presenter_person_id: string | null;
  minutes_allotted: number;
  notes: string;
  documents_json: string;
}

export interface MeetingInviteesTable {
  id: string;
  meeting_id: string;
  person_id: string;
  rsvp: string;
  attendance: string | null;
}

export interface DecisionsTable {
  id: string;
  meeting_id: string;
  text: string;
  motion: string;
  kind: string;
  votes_for: number;
  votes_against: number;
  votes_abstain: number;
  quorum_met: number;
  passed: number;
  created_at: string;
  updated_at: string;
}

export interface ActionItemsTable {
  id: string;
  meeting_id: string | null;
  description: string;
  owner_person_id: string | null;
  due_on: string | null;
  status: string;
  done_on: string | null;
  created_at: string;
  updated_at: string;
}

/** Derived by triggers from the *_json list columns; never written by services. */
export interface LabelsTable {
  record_rowid: number;
  field: string;
  value: string;
}

export interface Database extends CampaignTables, PolicyTables, StoryTables, MediaTables, ResourceTables, CapacityTables, MetricTables, ReportTables {
  coalition_profile: CoalitionProfileTable;
  charter_draft: CharterDraftTable;
  charter_goal: CharterGoalTable;
  charter_version: CharterVersionTable;
  change_log: ChangeLogTable;
  workspace_meta: WorkspaceMetaTable;
  organizations: OrganizationsTable;
  people: PeopleTable;
  organization_stage_changes: OrganizationStageChangesTable;
  member_spans: MemberSpansTable;
  member_count_changes: MemberCountChangesTable;
  affiliations: AffiliationsTable;
  organization_relationships: RelationshipsTable;
  person_relationships: RelationshipsTable;
  interactions: InteractionsTable;
  interaction_participants: InteractionParticipantsTable;
  vocabulary: VocabularyTable;
  saved_views: SavedViewsTable;
  organization_labels: LabelsTable;
  person_labels: LabelsTable;
  representation_targets: RepresentationTargetsTable;
  custom_fields: CustomFieldsTable;
  custom_values: CustomValuesTable;
  import_mappings: ImportMappingsTable;
  change_batches: ChangeBatchesTable;
  decision_rules: DecisionRulesTable;
  steering_seats: SteeringSeatsTable;
  steering_terms: SteeringTermsTable;
  working_groups: WorkingGroupsTable;
  working_group_goals: WorkingGroupGoalsTable;
  working_group_members: WorkingGroupMembersTable;
  coalition_roles: CoalitionRolesTable;
  membership_applications: MembershipApplicationsTable;
  charter_endorsements: CharterEndorsementsTable;
  meetings: MeetingsTable;
  agenda_items: AgendaItemsTable;
  meeting_invitees: MeetingInviteesTable;
  decisions: DecisionsTable;
  action_items: ActionItemsTable;
}

/** Tables whose rows are written through the change-recording writer (all but the log, derived indexes and preferences). */
export type RecordedTable = Exclude<keyof Database, 'change_log' | 'change_batches' | 'organization_labels' | 'person_labels' | 'member_spans' | 'member_count_changes' | 'import_mappings'>;
