import type { ChangeEntry } from '@shared/history/contract';
import type { Handlers } from '../rpc/handlers';

export const historyHandlers: Handlers<'history.list'> = {
  'history.list': async ({ entity, entityId, limit }, { db }) => {
    let query = db.selectFrom('change_log').selectAll().orderBy('seq', 'desc').limit(limit);
    if (entity) query = query.where('entity', '=', entity);
    if (entityId) query = query.where('entity_id', '=', entityId);
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
      }),
    );
  },
};
