import type { Handlers } from '../../rpc/handlers';
import { createAffiliation, deleteAffiliation, updateAffiliation } from './service';

export const affiliationHandlers: Handlers<'affiliations.create' | 'affiliations.update' | 'affiliations.delete'> = {
  'affiliations.create': (input, ctx) => createAffiliation(ctx, input),
  'affiliations.update': (input, ctx) => updateAffiliation(ctx, input.id, input.affiliation),
  'affiliations.delete': (input, ctx) => deleteAffiliation(ctx, input.id),
};
