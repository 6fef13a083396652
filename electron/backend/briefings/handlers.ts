import type { Handlers } from '../rpc/handlers';
import { batchResult, batchStatus, briefingPacket, cancelBatch, resolveScope, startBatch } from './service';

type BriefingMethod = 'briefings.packet' | 'briefings.scope' | 'briefings.startBatch' | 'briefings.batchStatus' | 'briefings.batchResult' | 'briefings.cancelBatch';

export const briefingHandlers: Handlers<BriefingMethod> = {
  'briefings.packet': (input, ctx) => briefingPacket(ctx, input),
  'briefings.scope': (input, ctx) => resolveScope(ctx, input.scope),
  'briefings.startBatch': (input, ctx) => startBatch(ctx, input),
  'briefings.batchStatus': (input) => Promise.resolve(batchStatus(input.jobId)),
  'briefings.batchResult': (input) => Promise.resolve(batchResult(input.jobId)),
  'briefings.cancelBatch': (input) => Promise.resolve(cancelBatch(input.jobId)),
};
