import type { Handlers } from '../rpc/handlers';

export const briefingHandlers: Handlers<never> = {};
