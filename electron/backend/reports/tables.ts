// The reports domain's tables, as Kysely sees them (part of db/schema.ts's Database).

/** A saved impact report or update digest: settings and narrative (migration 015). */
export interface ReportsTable {
  id: string;
  kind: string;
  title: string;
  period_kind: string;
  period_from: string;
  period_to: string;
  audience: string;
  sections_json: string;
  challenges_md: string;
  next_steps_md: string;
  get_involved_md: string;
  created_at: string;
  updated_at: string;
}

export interface ReportTables {
  reports: ReportsTable;
}
