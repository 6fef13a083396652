// The media domain's tables, as Kysely sees them (part of db/schema.ts's Database).

export type MediaTables = Record<never, never>;
