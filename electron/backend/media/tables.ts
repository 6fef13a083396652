// The media domain's tables, as Kysely sees them (part of db/schema.ts's Database).

export interface MediaOutletsTable {
  id: string;
  name: string;
  kind: string;
  reach: number | null;
  website: string;
  notes: string;
  created_at: string;
  updated_at: string;
}

export interface JournalistsTable {
  id: string;
  name: string;
  outlet_id: string | null;
  beat: string;
  email: string;
  phone: string;
  strength: string;
  relationship_note: string;
  person_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface OutreachItemsTable {
  id: string;
  kind: string;
  title: string;
  campaign_id: string | null;
  outlet_id: string | null;
  journalist_id: string | null;
  owner_person_id: string | null;
  status: string;
  date: string | null;
  link: string;
  reach: number | null;
  engagement: number | null;
  notes: string;
  created_at: string;
  updated_at: string;
}

export interface OutreachStatusChangesTable {
  id: string;
  item_id: string;
  from_status: string | null;
  to_status: string;
  changed_on: string;
  changed_at: string;
  actor: string;
}

export interface CoverageEntriesTable {
  id: string;
  campaign_id: string | null;
  outlet_id: string | null;
  outlet_name: string;
  headline: string;
  link: string;
  published_on: string;
  reach: number | null;
  tone: string;
  notes: string;
  created_at: string;
  updated_at: string;
}

export interface MediaTables {
  media_outlets: MediaOutletsTable;
  journalists: JournalistsTable;
  outreach_items: OutreachItemsTable;
  outreach_status_changes: OutreachStatusChangesTable;
  coverage_entries: CoverageEntriesTable;
}
