import type { Handlers } from '../../rpc/handlers';
import { searchDirectory } from './service';

export const searchHandlers: Handlers<'directory.search'> = {
  'directory.search': (input, ctx) => searchDirectory(ctx, input.query, input.limit),
};
