import { sql, type Kysely } from 'kysely';

// Undo (issue 7): one row per call that changed something — its change-log batch, the method,
// a human summary ("Imported 1,204 organizations"), who made it and when, and the undo links
// (`undone_by_batch` on the original, `undoes_batch` on the undo, which is itself a batch).
// Written by backend.ts beside the change log; not change-logged itself.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('change_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('at', 'text', (c) => c.notNull())
    // How many change-log rows the batch holds.
    .addColumn('changes', 'integer', (c) => c.notNull())
    // change: an ordinary call; undo: reverts a change (or a redo); redo: reverts an undo.
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('change').check(sql`kind in ('change', 'undo', 'redo')`))
    .addColumn('undone_by_batch', 'text')
    .addColumn('undoes_batch', 'text')
    .execute();
  // Batches recorded before this migration get a plain description, so they can be listed and undone.
  await sql`
    insert into change_batches (id, method, summary, actor, at, changes)
    select batch, '', case when count(*) = 1 then 'Changed 1 record' else 'Changed ' || count(*) || ' records' end, '', min(at), count(*)
    from change_log group by batch order by min(seq)
  `.execute(db);
}
