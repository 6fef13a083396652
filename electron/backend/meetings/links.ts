import type { CallContext } from '../rpc/handlers';

// What the directory's delete and merge do to meetings, through the Writer (so undo brings it
// all back). A deleted person's invitations go; they are no longer organizer, presenter or owner,
// and their action items stay, waiting for a new owner. A merged person's rows move to the
// survivor. Organizations are not referenced by meetings (represented organizations are derived
// from affiliations), so they need nothing here.

/** Re-points (or clears, with null) a person's organizer, presenter and owner references. */
async function repointPerson(ctx: CallContext, from: string, to: string | null): Promise<void> {
  const organized = await ctx.db.selectFrom('meetings').selectAll().where('organizer_person_id', '=', from).execute();
  await ctx.write.updateMany('meetings', organized.map((before) => ({ before, patch: { organizer_person_id: to } })));
  const presented = await ctx.db.selectFrom('agenda_items').selectAll().where('presenter_person_id', '=', from).execute();
  await ctx.write.updateMany('agenda_items', presented.map((before) => ({ before, patch: { presenter_person_id: to } })));
  const owned = await ctx.db.selectFrom('action_items').selectAll().where('owner_person_id', '=', from).execute();
  await ctx.write.updateMany('action_items', owned.map((before) => ({ before, patch: { owner_person_id: to } })));
}

export async function removeMeetingLinksOf(ctx: CallContext, personId: string): Promise<void> {
  await ctx.write.removeMany('meeting_invitees', await ctx.db.selectFrom('meeting_invitees').selectAll().where('person_id', '=', personId).execute());
  await repointPerson(ctx, personId, null);
}

/**
 * A merge: the merged person's invitations move to the survivor, except at meetings the survivor
 * was invited to too, where the survivor's row is kept (taking the merged one's RSVP or
 * attendance where the survivor's has none) and the merged one removed.
 */
export async function moveMeetingLinks(ctx: CallContext, survivorId: string, mergedId: string): Promise<void> {
  const survivorRows = new Map(
    (await ctx.db.selectFrom('meeting_invitees').selectAll().where('person_id', '=', survivorId).execute()).map((row) => [row.meeting_id, row]),
  );
  const mergedRows = await ctx.db.selectFrom('meeting_invitees').selectAll().where('person_id', '=', mergedId).orderBy('id').execute();
  const moved = [];
  const filled = [];
  const dropped = [];
  for (const row of mergedRows) {
    const kept = survivorRows.get(row.meeting_id);
    if (!kept) {
      moved.push({ before: row, patch: { person_id: survivorId } });
      continue;
    }
    dropped.push(row);
    filled.push({ before: kept, patch: { rsvp: kept.rsvp === 'none' ? row.rsvp : kept.rsvp, attendance: kept.attendance ?? row.attendance } });
  }
  await ctx.write.removeMany('meeting_invitees', dropped);
  await ctx.write.updateMany('meeting_invitees', [...moved, ...filled]);
  await repointPerson(ctx, mergedId, survivorId);
}
