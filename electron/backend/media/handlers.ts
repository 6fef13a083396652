import type { Handlers } from '../rpc/handlers';

export const mediaHandlers: Handlers<never> = {};
