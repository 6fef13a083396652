import type { CallContext } from '../rpc/handlers';
import { detachCapacityFrom, moveCapacityRows } from '../capacity/links';
import { fieldError } from './common';

// What the directory's delete and merge do to fundraising, grants and in-kind support (and,
// through capacity/links.ts, to trainings and technical assistance), through the Writer so undo
// brings it all back. Money records stay when their contributor or funder is deleted: the
// directory link is replaced by the name it had, so totals and history keep the gift. A lead is
// cleared; in-kind support keeps its row with no contributor. A merge re-points to the survivor.

type Of = { organizationId: string } | { personId: string };

export async function detachResourcesFrom(ctx: CallContext, of: Of): Promise<void> {
  const { db, write, now } = ctx;
  if ('personId' in of) {
    const id = of.personId;
    const person = await db.selectFrom('people').select('name').where('id', '=', id).executeTakeFirst();
    const given = await db.selectFrom('contributions').selectAll().where('contributor_person_id', '=', id).execute();
    await write.updateMany('contributions', given.map((before) => ({ before, patch: { contributor_person_id: null, contributor_name: person?.name ?? '', updated_at: now } })));
    const led = await db.selectFrom('fundraising_campaigns').selectAll().where('lead_person_id', '=', id).execute();
    await write.updateMany('fundraising_campaigns', led.map((before) => ({ before, patch: { lead_person_id: null, updated_at: now } })));
    const inKind = await db.selectFrom('in_kind_contributions').selectAll().where('contributor_person_id', '=', id).execute();
    await write.updateMany('in_kind_contributions', inKind.map((before) => ({ before, patch: { contributor_person_id: null, updated_at: now } })));
  } else {
    const id = of.organizationId;
    const organization = await db.selectFrom('organizations').select('name').where('id', '=', id).executeTakeFirst();
    const name = organization?.name ?? '';
    const given = await db.selectFrom('contributions').selectAll().where('contributor_organization_id', '=', id).execute();
    await write.updateMany('contributions', given.map((before) => ({ before, patch: { contributor_organization_id: null, contributor_name: name, updated_at: now } })));
    const funded = await db.selectFrom('grants').selectAll().where('funder_organization_id', '=', id).execute();
    await write.updateMany('grants', funded.map((before) => ({ before, patch: { funder_organization_id: null, funder_name: name, updated_at: now } })));
    const led = await db.selectFrom('fundraising_campaigns').selectAll().where('lead_organization_id', '=', id).execute();
    await write.updateMany('fundraising_campaigns', led.map((before) => ({ before, patch: { lead_organization_id: null, updated_at: now } })));
    const inKind = await db.selectFrom('in_kind_contributions').selectAll().where('contributor_organization_id', '=', id).execute();
    await write.updateMany('in_kind_contributions', inKind.map((before) => ({ before, patch: { contributor_organization_id: null, updated_at: now } })));
  }
  await detachCapacityFrom(ctx, of);
}

export async function moveResourceRows(ctx: CallContext, entity: 'organization' | 'person', mergedId: string, survivorId: string): Promise<void> {
  const { db, write, now } = ctx;
  if (entity === 'person') {
    const given = await db.selectFrom('contributions').selectAll().where('contributor_person_id', '=', mergedId).execute();
    await write.updateMany('contributions', given.map((before) => ({ before, patch: { contributor_person_id: survivorId, updated_at: now } })));
    const led = await db.selectFrom('fundraising_campaigns').selectAll().where('lead_person_id', '=', mergedId).execute();
    await write.updateMany('fundraising_campaigns', led.map((before) => ({ before, patch: { lead_person_id: survivorId, updated_at: now } })));
    const inKind = await db.selectFrom('in_kind_contributions').selectAll().where('contributor_person_id', '=', mergedId).execute();
    await write.updateMany('in_kind_contributions', inKind.map((before) => ({ before, patch: { contributor_person_id: survivorId, updated_at: now } })));
  } else {
    const given = await db.selectFrom('contributions').selectAll().where('contributor_organization_id', '=', mergedId).execute();
    await write.updateMany('contributions', given.map((before) => ({ before, patch: { contributor_organization_id: survivorId, updated_at: now } })));
    const funded = await db.selectFrom('grants').selectAll().where('funder_organization_id', '=', mergedId).execute();
    await write.updateMany('grants', funded.map((before) => ({ before, patch: { funder_organization_id: survivorId, updated_at: now } })));
    const led = await db.selectFrom('fundraising_campaigns').selectAll().where('lead_organization_id', '=', mergedId).execute();
    await write.updateMany('fundraising_campaigns', led.map((before) => ({ before, patch: { lead_organization_id: survivorId, updated_at: now } })));
    const inKind = await db.selectFrom('in_kind_contributions').selectAll().where('contributor_organization_id', '=', mergedId).execute();
    await write.updateMany('in_kind_contributions', inKind.map((before) => ({ before, patch: { contributor_organization_id: survivorId, updated_at: now } })));
  }
  await moveCapacityRows(ctx, entity, mergedId, survivorId);
}

/**
 * Before a meeting, an advocacy campaign or a public event is deleted: in-kind support that
 * supported it keeps its row and loses the link; fundraising for a deleted campaign keeps going
 * without it. A meeting that is a training's is refused: the training is deleted with its meeting.
 */
export async function detachResourcesFromRecord(ctx: CallContext, of: { meetingId: string } | { campaignId: string } | { eventId: string }): Promise<void> {
  const { db, write, now } = ctx;
  if ('meetingId' in of) {
    const training = await db.selectFrom('trainings').select('title').where('meeting_id', '=', of.meetingId).executeTakeFirst();
    if (training) {
      throw fieldError('conflict', 'id', `This meeting is the training “${training.title}”; delete the training (Capacity ▸ Trainings) to remove both.`);
    }
    const rows = await db.selectFrom('in_kind_contributions').selectAll().where('supported_meeting_id', '=', of.meetingId).execute();
    await write.updateMany('in_kind_contributions', rows.map((before) => ({ before, patch: { supported_meeting_id: null, updated_at: now } })));
    return;
  }
  if ('campaignId' in of) {
    const rows = await db.selectFrom('in_kind_contributions').selectAll().where('supported_campaign_id', '=', of.campaignId).execute();
    await write.updateMany('in_kind_contributions', rows.map((before) => ({ before, patch: { supported_campaign_id: null, updated_at: now } })));
    const funds = await db.selectFrom('fundraising_campaigns').selectAll().where('campaign_id', '=', of.campaignId).execute();
    await write.updateMany('fundraising_campaigns', funds.map((before) => ({ before, patch: { campaign_id: null, updated_at: now } })));
    return;
  }
  const rows = await db.selectFrom('in_kind_contributions').selectAll().where('supported_event_id', '=', of.eventId).execute();
  await write.updateMany('in_kind_contributions', rows.map((before) => ({ before, patch: { supported_event_id: null, updated_at: now } })));
}
