import type { Method } from '@shared/contract';

/** Every stories read (a save or delete refreshes them all). */
export const STORY_READS = ['stories.list', 'stories.get', 'stories.facets', 'stories.expiring'] as const satisfies readonly Method[];

export const storyHref = (id: string) => `/media/stories/${id}`;
