// The capacity domain's tables, as Kysely sees them (part of db/schema.ts's Database).

export type CapacityTables = Record<never, never>;
