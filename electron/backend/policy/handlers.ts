import type { Handlers } from '../rpc/handlers';

export const policyHandlers: Handlers<never> = {};
