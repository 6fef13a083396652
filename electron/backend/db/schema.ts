import type { Generated } from 'kysely';

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

export interface Database {
  coalition_profile: CoalitionProfileTable;
  charter_draft: CharterDraftTable;
  charter_goal: CharterGoalTable;
  charter_version: CharterVersionTable;
  change_log: ChangeLogTable;
  workspace_meta: WorkspaceMetaTable;
}

/** Tables whose rows are written through the change-recording writer (every table but the log). */
export type RecordedTable = Exclude<keyof Database, 'change_log'>;
