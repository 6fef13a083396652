import type { Handlers } from '../../rpc/handlers';
import { deleteView, listViews, saveView } from './service';

export const viewHandlers: Handlers<'views.list' | 'views.save' | 'views.delete'> = {
  'views.list': (_input, ctx) => listViews(ctx),
  'views.save': (input, ctx) => saveView(ctx, input),
  'views.delete': (input, ctx) => deleteView(ctx, input.id),
};
