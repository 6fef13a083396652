import type { Handlers } from '../rpc/handlers';

export const storyHandlers: Handlers<never> = {};
