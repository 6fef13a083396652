import type { CallContext } from '../rpc/handlers';

// How the structure's rows follow the directory and the charter, through the Writer (so undo
// brings them back): deleting a person or an organization, merging two records, and removing a
// goal from the charter draft.

type Of = { organizationId: string } | { personId: string };

/**
 * Before a person or an organization is deleted: their working-group memberships, coalition
 * roles, applications and endorsements go; steering terms and the other rows that name them
 * beside something else keep that (a term held by a person for an organization stays the
 * organization's), and a term left with no holder at all goes.
 */
export async function detachStructureFrom(ctx: CallContext, of: Of): Promise<void> {
  const { db, write } = ctx;
  if ('personId' in of) {
    const id = of.personId;
    await write.removeMany('working_group_members', await db.selectFrom('working_group_members').selectAll().where('person_id', '=', id).execute());
    await write.removeMany('coalition_roles', await db.selectFrom('coalition_roles').selectAll().where('person_id', '=', id).execute());
    const terms = await db.selectFrom('steering_terms').selectAll().where('person_id', '=', id).execute();
    await write.removeMany('steering_terms', terms.filter((t) => t.organization_id === null));
    await write.updateMany('steering_terms', terms.filter((t) => t.organization_id !== null).map((t) => ({ before: t, patch: { person_id: null, updated_at: ctx.now } })));
    const applications = await db.selectFrom('membership_applications').selectAll().where('contact_person_id', '=', id).execute();
    await write.updateMany('membership_applications', applications.map((a) => ({ before: a, patch: { contact_person_id: null, updated_at: ctx.now } })));
    const endorsements = await db.selectFrom('charter_endorsements').selectAll().where('person_id', '=', id).execute();
    await write.updateMany('charter_endorsements', endorsements.map((e) => ({ before: e, patch: { person_id: null } })));
    return;
  }
  const id = of.organizationId;
  await write.removeMany('membership_applications', await db.selectFrom('membership_applications').selectAll().where('organization_id', '=', id).execute());
  await write.removeMany('charter_endorsements', await db.selectFrom('charter_endorsements').selectAll().where('organization_id', '=', id).execute());
  const terms = await db.selectFrom('steering_terms').selectAll().where('organization_id', '=', id).execute();
  await write.removeMany('steering_terms', terms.filter((t) => t.person_id === null));
  await write.updateMany('steering_terms', terms.filter((t) => t.person_id !== null).map((t) => ({ before: t, patch: { organization_id: null, updated_at: ctx.now } })));
}

/**
 * A merge: every structure row of the merged record is re-pointed to the survivor, except a
 * current working-group membership or a charter endorsement the survivor already has (deleted).
 */
export async function moveStructureRows(ctx: CallContext, entity: 'organization' | 'person', mergedId: string, survivorId: string): Promise<void> {
  const { db, write } = ctx;
  if (entity === 'person') {
    const survivorGroups = new Set(
      (await db.selectFrom('working_group_members').select('working_group_id').where('person_id', '=', survivorId).where('left_on', 'is', null).execute()).map(
        (m) => m.working_group_id,
      ),
    );
    const memberships = await db.selectFrom('working_group_members').selectAll().where('person_id', '=', mergedId).execute();
    const repeated = memberships.filter((m) => m.left_on === null && survivorGroups.has(m.working_group_id));
    await write.removeMany('working_group_members', repeated);
    await write.updateMany(
      'working_group_members',
      memberships.filter((m) => !repeated.includes(m)).map((m) => ({ before: m, patch: { person_id: survivorId } })),
    );
    const roles = await db.selectFrom('coalition_roles').selectAll().where('person_id', '=', mergedId).execute();
    await write.updateMany('coalition_roles', roles.map((r) => ({ before: r, patch: { person_id: survivorId, updated_at: ctx.now } })));
    const terms = await db.selectFrom('steering_terms').selectAll().where('person_id', '=', mergedId).execute();
    await write.updateMany('steering_terms', terms.map((t) => ({ before: t, patch: { person_id: survivorId, updated_at: ctx.now } })));
    const applications = await db.selectFrom('membership_applications').selectAll().where('contact_person_id', '=', mergedId).execute();
    await write.updateMany('membership_applications', applications.map((a) => ({ before: a, patch: { contact_person_id: survivorId, updated_at: ctx.now } })));
    const endorsements = await db.selectFrom('charter_endorsements').selectAll().where('person_id', '=', mergedId).execute();
    await write.updateMany('charter_endorsements', endorsements.map((e) => ({ before: e, patch: { person_id: survivorId } })));
    return;
  }
  const endorsed = new Set(
    (await db.selectFrom('charter_endorsements').select('charter_version_id').where('organization_id', '=', survivorId).execute()).map((e) => e.charter_version_id),
  );
  const endorsements = await db.selectFrom('charter_endorsements').selectAll().where('organization_id', '=', mergedId).execute();
  const repeated = endorsements.filter((e) => endorsed.has(e.charter_version_id));
  await write.removeMany('charter_endorsements', repeated);
  await write.updateMany(
    'charter_endorsements',
    endorsements.filter((e) => !repeated.includes(e)).map((e) => ({ before: e, patch: { organization_id: survivorId } })),
  );
  const applications = await db.selectFrom('membership_applications').selectAll().where('organization_id', '=', mergedId).execute();
  await write.updateMany('membership_applications', applications.map((a) => ({ before: a, patch: { organization_id: survivorId, updated_at: ctx.now } })));
  const terms = await db.selectFrom('steering_terms').selectAll().where('organization_id', '=', mergedId).execute();
  await write.updateMany('steering_terms', terms.map((t) => ({ before: t, patch: { organization_id: survivorId, updated_at: ctx.now } })));
}

/** Before a goal leaves the charter draft: the working groups' links to it go. */
export async function unlinkGoal(ctx: CallContext, goalId: string): Promise<void> {
  await ctx.write.removeMany('working_group_goals', await ctx.db.selectFrom('working_group_goals').selectAll().where('goal_id', '=', goalId).execute());
}
