import { randomUUID } from 'node:crypto';
import { AppError } from '@shared/errors';
import type { AgendaItem, AgendaItemInput } from '@shared/meetings/contract';
import type { AgendaItemsTable } from '../db/schema';
import type { CallContext } from '../rpc/handlers';
import { requireMeetingRow, requirePeople, type Db } from './common';

function parseDocuments(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export async function agendaOf(ctx: Db, meetingId: string): Promise<AgendaItem[]> {
  const rows = await ctx.db
    .selectFrom('agenda_items as a')
    .leftJoin('people as p', 'p.id', 'a.presenter_person_id')
    .select(['a.id', 'a.title', 'a.presenter_person_id', 'p.name as presenter_name', 'a.minutes_allotted', 'a.notes', 'a.documents_json'])
    .where('a.meeting_id', '=', meetingId)
    .orderBy('a.position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    presenterPersonId: r.presenter_person_id,
    presenterName: r.presenter_name,
    minutesAllotted: r.minutes_allotted,
    notes: r.notes,
    documents: parseDocuments(r.documents_json),
  }));
}

/**
 * Replaces a meeting's agenda with `items` in their order: items with an id are updated (and
 * moved), items without one are added, the meeting's other items are removed. One undo step.
 */
export async function saveAgenda(ctx: CallContext, input: { meetingId: string; items: AgendaItemInput[] }): Promise<AgendaItem[]> {
  await requireMeetingRow(ctx, input.meetingId, 'meetingId');
  await requirePeople(ctx, input.items.flatMap((item) => (item.presenterPersonId ? [item.presenterPersonId] : [])), 'items');
  const existing = await ctx.db.selectFrom('agenda_items').selectAll().where('meeting_id', '=', input.meetingId).execute();
  const byId = new Map(existing.map((row) => [row.id, row]));
  const seen = new Set<string>();
  const updates: { before: AgendaItemsTable; patch: Partial<AgendaItemsTable> }[] = [];
  const inserts: AgendaItemsTable[] = [];
  input.items.forEach((item, position) => {
    const columns = {
      position,
      title: item.title,
      presenter_person_id: item.presenterPersonId,
      minutes_allotted: item.minutesAllotted,
      notes: item.notes,
      documents_json: JSON.stringify(item.documents),
    };
    if (item.id === undefined) {
      inserts.push({ id: randomUUID(), meeting_id: input.meetingId, ...columns });
      return;
    }
    const before = byId.get(item.id);
    if (!before || seen.has(item.id)) {
      throw new AppError('validation', `Agenda item ${item.id} is not on this meeting's agenda (or is listed twice).`, {
        issues: [{ path: `items.${position}.id`, message: 'This agenda item is not on this meeting’s agenda.' }],
      });
    }
    seen.add(item.id);
    updates.push({ before, patch: columns });
  });
  await ctx.write.removeMany('agenda_items', existing.filter((row) => !seen.has(row.id)));
  await ctx.write.updateMany('agenda_items', updates);
  await ctx.write.insertMany('agenda_items', inserts);
  return agendaOf(ctx, input.meetingId);
}
