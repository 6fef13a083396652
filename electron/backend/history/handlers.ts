import { sql } from 'kysely';
import type { ChangeEntry } from '@shared/history/contract';
import type { Handlers } from '../rpc/handlers';
import { toBatchEntry, undoBatch } from './undo';

export const historyHandlers: Handlers<'history.list' | 'history.batches' | 'history.undo'> = {
  'history.list': async ({ entity, entityId, limit }, { db }) => {
    let query = db
      .selectFrom('change_log as l')
      .leftJoin('change_batches as b', 'b.id', 'l.batch')
      .selectAll('l')
      .select(['b.actor', 'b.summary'])
      .orderBy('l.seq', 'desc')
      .limit(limit);
    if (entity) query = query.where('l.entity', '=', entity);
    if (entityId) query = query.where('l.entity_id', '=', entityId);
    const rows = await query.execute();
    return rows.map(
      (row): ChangeEntry => ({
        seq: row.seq,
        at: row.at,
        entity: row.entity,
        entityId: row.entity_id,
        action: row.action,
        before: row.before_json ? (JSON.parse(row.before_json) as unknown) : null,
        after: row.after_json ? (JSON.parse(row.after_json) as unknown) : null,
        batch: row.batch,
        actor: row.actor ?? '',
        summary: row.summary ?? '',
      }),
    );
  },
  'history.batches': async ({ limit, before }, { db }) => {
    let query = db.selectFrom('change_batches').selectAll().orderBy(db.dynamic.ref('rowid'), 'desc').limit(limit + 1);
    if (before) {
      const from = await db.selectFrom('change_batches').select(sql<number>`rowid`.as('r')).where('id', '=', before).executeTakeFirst();
      query = query.where(db.dynamic.ref('rowid'), '<', from?.r ?? 0);
    }
    const rows = await query.execute();
    return { batches: rows.slice(0, limit).map(toBatchEntry), more: rows.length > limit };
  },
  'history.undo': async ({ batch }, ctx) => undoBatch(batch, ctx),
};
