import type { CallContext } from '../rpc/handlers';

// What the directory's delete and merge do to trainings and technical assistance, through the
// Writer (so undo brings it all back). A deleted person's attendance and feedback go; they are
// no longer trainer, contact or provider. A deleted organization's own requests go with their
// history; it is no longer a trainer, provider, or an attendee's organization at the time. A
// merge re-points everything to the survivor (an attendance both had keeps the survivor's row,
// filled with the merged one's feedback).

type Of = { organizationId: string } | { personId: string };

export async function detachCapacityFrom(ctx: CallContext, of: Of): Promise<void> {
  const { db, write } = ctx;
  if ('personId' in of) {
    const id = of.personId;
    await write.removeMany('training_attendees', await db.selectFrom('training_attendees').selectAll().where('person_id', '=', id).execute());
    await repointPerson(ctx, id, null);
    return;
  }
  const id = of.organizationId;
  const requests = await db.selectFrom('ta_requests').selectAll().where('organization_id', '=', id).execute();
  for (let i = 0; i < requests.length; i += 500) {
    const ids = requests.slice(i, i + 500).map((r) => r.id);
    await write.removeMany('ta_status_changes', await db.selectFrom('ta_status_changes').selectAll().where('request_id', 'in', ids).execute());
  }
  await write.removeMany('ta_requests', requests);
  await repointOrganization(ctx, id, null);
}

async function repointPerson(ctx: CallContext, from: string, to: string | null): Promise<void> {
  const { db, write, now } = ctx;
  const trained = await db.selectFrom('trainings').selectAll().where('trainer_person_id', '=', from).execute();
  await write.updateMany('trainings', trained.map((before) => ({ before, patch: { trainer_person_id: to, updated_at: now } })));
  const contact = await db.selectFrom('ta_requests').selectAll().where('contact_person_id', '=', from).execute();
  await write.updateMany('ta_requests', contact.map((before) => ({ before, patch: { contact_person_id: to, updated_at: now } })));
  const provided = await db.selectFrom('ta_requests').selectAll().where('provider_person_id', '=', from).execute();
  await write.updateMany('ta_requests', provided.map((before) => ({ before, patch: { provider_person_id: to, updated_at: now } })));
}

async function repointOrganization(ctx: CallContext, from: string, to: string | null): Promise<void> {
  const { db, write, now } = ctx;
  const trained = await db.selectFrom('trainings').selectAll().where('trainer_organization_id', '=', from).execute();
  await write.updateMany('trainings', trained.map((before) => ({ before, patch: { trainer_organization_id: to, updated_at: now } })));
  const provided = await db.selectFrom('ta_requests').selectAll().where('provider_organization_id', '=', from).execute();
  await write.updateMany('ta_requests', provided.map((before) => ({ before, patch: { provider_organization_id: to, updated_at: now } })));
  const attended = await db.selectFrom('training_attendees').selectAll().where('organization_id', '=', from).execute();
  await write.updateMany('training_attendees', attended.map((before) => ({ before, patch: { organization_id: to } })));
  if (to !== null) {
    const requested = await db.selectFrom('ta_requests').selectAll().where('organization_id', '=', from).execute();
    await write.updateMany('ta_requests', requested.map((before) => ({ before, patch: { organization_id: to, updated_at: now } })));
  }
}

export async function moveCapacityRows(ctx: CallContext, entity: 'organization' | 'person', mergedId: string, survivorId: string): Promise<void> {
  if (entity === 'organization') {
    await repointOrganization(ctx, mergedId, survivorId);
    return;
  }
  const { db, write } = ctx;
  const survivorRows = new Map((await db.selectFrom('training_attendees').selectAll().where('person_id', '=', survivorId).execute()).map((r) => [r.training_id, r]));
  const mergedRows = await db.selectFrom('training_attendees').selectAll().where('person_id', '=', mergedId).execute();
  const dropped = mergedRows.filter((r) => survivorRows.has(r.training_id));
  await write.removeMany('training_attendees', dropped);
  await write.updateMany('training_attendees', [
    ...mergedRows.filter((r) => !survivorRows.has(r.training_id)).map((before) => ({ before, patch: { person_id: survivorId } })),
    ...dropped.map((row) => {
      const kept = survivorRows.get(row.training_id) as (typeof mergedRows)[number];
      return { before: kept, patch: { rating: kept.rating ?? row.rating, comment: kept.comment === '' ? row.comment : kept.comment, organization_id: kept.organization_id ?? row.organization_id } };
    }),
  ]);
  await repointPerson(ctx, mergedId, survivorId);
}
