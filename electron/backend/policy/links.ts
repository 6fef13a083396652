import type { CallContext } from '../rpc/handlers';

// How the policy rows follow the directory and the meeting planner, through the Writer (so undo
// brings them back). Deleting a person: their relationship-holder rows and engagement
// attendances go, and they are no longer a follow-up's owner. Deleting an organization: its
// relationship-holder rows go. A merge moves them to the survivor (a holder or attendee row the
// survivor already has is dropped). Deleting a planner meeting keeps the engagement, without it.

type Of = { organizationId: string } | { personId: string };

export async function detachPolicyFrom(ctx: CallContext, of: Of): Promise<void> {
  const { db, write } = ctx;
  if ('personId' in of) {
    const id = of.personId;
    await write.removeMany('relationship_holders', await db.selectFrom('relationship_holders').selectAll().where('person_id', '=', id).execute());
    await write.removeMany('engagement_attendees', await db.selectFrom('engagement_attendees').selectAll().where('person_id', '=', id).execute());
    const owned = await db.selectFrom('engagements').selectAll().where('follow_up_owner_person_id', '=', id).execute();
    await write.updateMany('engagements', owned.map((before) => ({ before, patch: { follow_up_owner_person_id: null, updated_at: ctx.now } })));
    return;
  }
  await write.removeMany('relationship_holders', await db.selectFrom('relationship_holders').selectAll().where('organization_id', '=', of.organizationId).execute());
}

export async function movePolicyRows(ctx: CallContext, entity: 'organization' | 'person', mergedId: string, survivorId: string): Promise<void> {
  const { db, write } = ctx;
  const column = entity === 'person' ? 'person_id' : 'organization_id';
  const holders = await db.selectFrom('relationship_holders').selectAll().where(column, '=', mergedId).execute();
  const survivorOfficials = new Set((await db.selectFrom('relationship_holders').select('official_id').where(column, '=', survivorId).execute()).map((h) => h.official_id));
  const repeated = holders.filter((h) => survivorOfficials.has(h.official_id));
  await write.removeMany('relationship_holders', repeated);
  await write.updateMany('relationship_holders', holders.filter((h) => !repeated.includes(h)).map((before) => ({ before, patch: { [column]: survivorId } })));
  if (entity !== 'person') return;
  const attended = await db.selectFrom('engagement_attendees').selectAll().where('person_id', '=', mergedId).execute();
  const survivorEngagements = new Set((await db.selectFrom('engagement_attendees').select('engagement_id').where('person_id', '=', survivorId).execute()).map((a) => a.engagement_id));
  const twice = attended.filter((a) => survivorEngagements.has(a.engagement_id));
  await write.removeMany('engagement_attendees', twice);
  await write.updateMany('engagement_attendees', attended.filter((a) => !twice.includes(a)).map((before) => ({ before, patch: { person_id: survivorId } })));
  const owned = await db.selectFrom('engagements').selectAll().where('follow_up_owner_person_id', '=', mergedId).execute();
  await write.updateMany('engagements', owned.map((before) => ({ before, patch: { follow_up_owner_person_id: survivorId, updated_at: ctx.now } })));
}

/** A planner meeting is deleted from the planner: the engagement stays, without its meeting. */
export async function detachMeetingFromEngagements(ctx: CallContext, meetingId: string): Promise<void> {
  const rows = await ctx.db.selectFrom('engagements').selectAll().where('meeting_id', '=', meetingId).execute();
  await ctx.write.updateMany('engagements', rows.map((before) => ({ before, patch: { meeting_id: null, updated_at: ctx.now } })));
}
