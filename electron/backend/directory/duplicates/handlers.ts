import type { Handlers } from '../../rpc/handlers';
import { findDuplicates, mergeRecords } from './service';

export const duplicateHandlers: Handlers<'duplicates.find' | 'duplicates.merge'> = {
  'duplicates.find': (input, ctx) => findDuplicates(ctx, input),
  'duplicates.merge': (input, ctx) => mergeRecords(ctx, input),
};
