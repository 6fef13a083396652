import type { CallContext } from '../rpc/handlers';

// What the directory's delete and merge do to media records, through the Writer (so undo brings
// it all back): a deleted person is cleared as a journalist's directory link and as an outreach
// item's owner (the journalist and the item stay); a merged person's references move to the survivor.

async function repointPerson(ctx: CallContext, from: string, to: string | null): Promise<void> {
  const linked = await ctx.db.selectFrom('journalists').selectAll().where('person_id', '=', from).execute();
  await ctx.write.updateMany('journalists', linked.map((before) => ({ before, patch: { person_id: to } })));
  const owned = await ctx.db.selectFrom('outreach_items').selectAll().where('owner_person_id', '=', from).execute();
  await ctx.write.updateMany('outreach_items', owned.map((before) => ({ before, patch: { owner_person_id: to } })));
}

export async function detachMediaFrom(ctx: CallContext, personId: string): Promise<void> {
  await repointPerson(ctx, personId, null);
}

export async function moveMediaLinks(ctx: CallContext, survivorId: string, mergedId: string): Promise<void> {
  await repointPerson(ctx, mergedId, survivorId);
}
