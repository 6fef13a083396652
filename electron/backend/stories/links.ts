import type { CallContext } from '../rpc/handlers';

// What the directory's delete and merge do to stories, through the Writer (so undo brings it all
// back). A deleted storyteller is cleared: the story stays and becomes anonymous, so from then on
// the consent rule serves only its anonymized version (or refuses it when there is none). A merged
// storyteller's stories move to the survivor.

async function repointStoryteller(ctx: CallContext, from: string, to: string | null): Promise<void> {
  const told = await ctx.db.selectFrom('stories').selectAll().where('storyteller_person_id', '=', from).execute();
  await ctx.write.updateMany('stories', told.map((before) => ({ before, patch: { storyteller_person_id: to } })));
}

export async function detachStoriesFrom(ctx: CallContext, personId: string): Promise<void> {
  await repointStoryteller(ctx, personId, null);
}

export async function moveStoryLinks(ctx: CallContext, survivorId: string, mergedId: string): Promise<void> {
  await repointStoryteller(ctx, mergedId, survivorId);
}
