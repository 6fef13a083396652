import type { Handlers } from '../../rpc/handlers';
import { appendImportFile, beginImportFile, discardImportFile } from './files';
import { checkImport, openImport, runImport } from './service';

export const importHandlers: Handlers<'imports.begin' | 'imports.append' | 'imports.open' | 'imports.check' | 'imports.run' | 'imports.discard'> = {
  'imports.begin': (input, ctx) => beginImportFile(ctx, input),
  'imports.append': (input) => appendImportFile(input),
  'imports.open': (input, ctx) => openImport(ctx, input),
  'imports.check': (input, ctx) => checkImport(ctx, input),
  'imports.run': (input, ctx) => runImport(ctx, input),
  'imports.discard': async (input) => {
    await discardImportFile(input.importId);
    return { deleted: true };
  },
};
