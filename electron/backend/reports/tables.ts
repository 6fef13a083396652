// The reports domain's tables, as Kysely sees them (part of db/schema.ts's Database).

export interface ReportsTable {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
}

export interface ReportTables {
  reports: ReportsTable;
}
