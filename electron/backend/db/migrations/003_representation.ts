import { sql, type Kysely } from 'kysely';

// Representation targets (issue 3): what share or number of the coalition's members the
// coordinator wants from a sector, an organization type, a region or a population. The counts
// themselves are read from the directory (organizations and the label index), never stored.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('representation_targets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dimension', 'text', (c) => c.notNull().check(sql`dimension in ('sector', 'type', 'region', 'population')`))
    // A sector or type key, a region or population label, or '*' (every region listed in the workspace).
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('min_share', 'min_count')`))
    // min_share: percent 0–100; min_count: a whole number of members.
    .addColumn('amount', 'real', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('representation_targets_one', ['dimension', 'value', 'kind'])
    .execute();

  // The dashboard counts members by stage, sector, type, regions and populations. This covering
  // index lets it read all five without touching the (wide) organization rows: the regions and
  // populations are unpacked with json_each from the index. Measured at 100k organizations, the
  // label-index join instead seeks every label's organization for its stage (0.2–1.5 s).
  await sql`create index organizations_representation on organizations(stage, sector, type, regions_json, populations_json)`.execute(db);
}
