import type { Handlers } from '../../rpc/handlers';
import { deleteTarget, representationSummary, saveTarget } from './service';

export const representationHandlers: Handlers<'representation.summary' | 'representation.targets.save' | 'representation.targets.delete'> = {
  'representation.summary': (input, ctx) => representationSummary(ctx, input.stages),
  'representation.targets.save': (input, ctx) => saveTarget(ctx, input),
  'representation.targets.delete': (input, ctx) => deleteTarget(ctx, input.id),
};
