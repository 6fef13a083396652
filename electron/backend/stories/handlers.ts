import type { Handlers } from '../rpc/handlers';
import { createStory, deleteStory, expiringConsents, getStory, listStories, storyFacets, updateStory } from './service';

type StoryMethod = 'stories.list' | 'stories.get' | 'stories.create' | 'stories.update' | 'stories.delete' | 'stories.facets' | 'stories.expiring';

export const storyHandlers: Handlers<StoryMethod> = {
  'stories.list': (input, ctx) => listStories(ctx, input),
  'stories.get': (input, ctx) => getStory(ctx, input.id, input.today),
  'stories.create': (input, ctx) => createStory(ctx, input.story, input.today),
  'stories.update': (input, ctx) => updateStory(ctx, input.id, input.story, input.today),
  'stories.delete': (input, ctx) => deleteStory(ctx, input.id),
  'stories.facets': (_input, ctx) => storyFacets(ctx),
  'stories.expiring': (input, ctx) => expiringConsents(ctx, input.today, input.days),
};
