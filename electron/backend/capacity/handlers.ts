import type { Handlers } from '../rpc/handlers';

export const capacityHandlers: Handlers<never> = {};
