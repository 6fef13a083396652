import type { Handlers } from '../../rpc/handlers';
import { checkImport, discardImport, openImport, runImport } from './service';

export const importHandlers: Handlers<'imports.open' | 'imports.check' | 'imports.run' | 'imports.discard'> = {
  'imports.open': (input, ctx) => openImport(ctx, input),
  'imports.check': (input, ctx) => checkImport(ctx, input),
  'imports.run': (input, ctx) => runImport(ctx, input),
  'imports.discard': (input) => Promise.resolve(discardImport(input.importId)),
};
