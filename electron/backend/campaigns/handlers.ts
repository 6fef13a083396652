import type { Handlers } from '../rpc/handlers';

export const campaignHandlers: Handlers<never> = {};
