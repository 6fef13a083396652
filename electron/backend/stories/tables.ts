// The stories domain's tables, as Kysely sees them (part of db/schema.ts's Database).

export interface StoriesTable {
  id: string;
  title: string;
  created_at: string;
  updated_at: string;
}

export interface StoryTables {
  stories: StoriesTable;
}
