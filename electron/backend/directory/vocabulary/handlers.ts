import type { Handlers } from '../../rpc/handlers';
import { addTerm, listTerms, removeTerm, termUsage } from './service';

export const vocabularyHandlers: Handlers<'vocabulary.list' | 'vocabulary.add' | 'vocabulary.remove' | 'vocabulary.usage'> = {
  'vocabulary.list': (input, ctx) => listTerms(ctx, input.kind),
  'vocabulary.add': (input, ctx) => addTerm(ctx, input.kind, input.value),
  'vocabulary.remove': (input, ctx) => removeTerm(ctx, input.kind, input.value),
  'vocabulary.usage': (input, ctx) => termUsage(ctx, input.kind),
};
