import type { Handlers } from '../rpc/handlers';

export const resourceHandlers: Handlers<never> = {};
