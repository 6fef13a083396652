// The stories domain's tables, as Kysely sees them (part of db/schema.ts's Database).
// Booleans are 0/1 integers.

export interface StoriesTable {
  id: string;
  title: string;
  text: string;
  anonymized_text: string;
  storyteller_person_id: string | null;
  issue_area: string;
  district: string;
  campaign_id: string | null;
  consent_given: number;
  use_internal: number;
  use_reports: number;
  use_media: number;
  use_policymakers: number;
  consent_given_on: string | null;
  consent_method: string | null;
  consent_recorded_by: string;
  consent_expires_on: string | null;
  consent_withdrawn_on: string | null;
  consent_withdrawal_note: string;
  consent_anonymize: number;
  created_at: string;
  updated_at: string;
}

export interface StoryConsentChangesTable {
  id: string;
  story_id: string;
  changed_at: string;
  actor: string;
  consent_json: string;
  summary: string;
}

export interface StoryTables {
  stories: StoriesTable;
  story_consent_changes: StoryConsentChangesTable;
}
