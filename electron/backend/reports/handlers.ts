import type { Handlers } from '../rpc/handlers';

export const reportHandlers: Handlers<never> = {};
