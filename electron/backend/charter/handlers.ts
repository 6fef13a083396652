import type { Handlers } from '../rpc/handlers';
import { adopt, compare, getDraft, getVersion, listVersions, saveDraft } from './service';

export const charterHandlers: Handlers<
  'charter.getDraft' | 'charter.saveDraft' | 'charter.adopt' | 'charter.listVersions' | 'charter.getVersion' | 'charter.compare'
> = {
  'charter.getDraft': (_input, ctx) => getDraft(ctx),
  'charter.saveDraft': (input, ctx) => saveDraft(ctx, input),
  'charter.adopt': (input, ctx) => adopt(ctx, input),
  'charter.listVersions': (_input, ctx) => listVersions(ctx),
  'charter.getVersion': (input, ctx) => getVersion(ctx, input.number),
  'charter.compare': (input, ctx) => compare(ctx, input.from, input.to),
};
