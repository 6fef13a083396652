import type { Handlers } from '../rpc/handlers';
import {
  coverageLog,
  deleteCoverage,
  deleteJournalist,
  deleteOutlet,
  deleteOutreach,
  getOutreach,
  listJournalists,
  listOutlets,
  listOutreach,
  moveOutreach,
  saveCoverage,
  saveJournalist,
  saveOutlet,
  saveOutreach,
} from './service';

type MediaMethod =
  | 'media.outlets.list'
  | 'media.outlets.save'
  | 'media.outlets.delete'
  | 'media.journalists.list'
  | 'media.journalists.save'
  | 'media.journalists.delete'
  | 'media.outreach.list'
  | 'media.outreach.get'
  | 'media.outreach.save'
  | 'media.outreach.move'
  | 'media.outreach.delete'
  | 'media.coverage.list'
  | 'media.coverage.save'
  | 'media.coverage.delete';

export const mediaHandlers: Handlers<MediaMethod> = {
  'media.outlets.list': (_input, ctx) => listOutlets(ctx),
  'media.outlets.save': (input, ctx) => saveOutlet(ctx, input.id, input.outlet),
  'media.outlets.delete': (input, ctx) => deleteOutlet(ctx, input.id),
  'media.journalists.list': (input, ctx) => listJournalists(ctx, input.outletId),
  'media.journalists.save': (input, ctx) => saveJournalist(ctx, input.id, input.journalist),
  'media.journalists.delete': (input, ctx) => deleteJournalist(ctx, input.id),
  'media.outreach.list': (input, ctx) => listOutreach(ctx, input),
  'media.outreach.get': (input, ctx) => getOutreach(ctx, input.id),
  'media.outreach.save': (input, ctx) => saveOutreach(ctx, input.id, input.item, input.today),
  'media.outreach.move': (input, ctx) => moveOutreach(ctx, input),
  'media.outreach.delete': (input, ctx) => deleteOutreach(ctx, input.id),
  'media.coverage.list': (input, ctx) => coverageLog(ctx, input.campaignId),
  'media.coverage.save': (input, ctx) => saveCoverage(ctx, input.id, input.entry),
  'media.coverage.delete': (input, ctx) => deleteCoverage(ctx, input.id),
};
