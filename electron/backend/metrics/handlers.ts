import type { Handlers } from '../rpc/handlers';

export const metricHandlers: Handlers<never> = {};
