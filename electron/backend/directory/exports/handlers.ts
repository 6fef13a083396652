import type { Handlers } from '../../rpc/handlers';
import { exportDirectory } from './service';

export const exportHandlers: Handlers<'directory.export'> = {
  'directory.export': (input, ctx) => exportDirectory(ctx, input),
};
