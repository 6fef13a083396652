import type { Handlers } from '../../rpc/handlers';
import { deleteCustomField, listCustomFields, saveCustomField } from './service';

export const customFieldHandlers: Handlers<'customFields.list' | 'customFields.save' | 'customFields.delete'> = {
  'customFields.list': (input, ctx) => listCustomFields(ctx, input.entity),
  'customFields.save': (input, ctx) => saveCustomField(ctx, input),
  'customFields.delete': (input, ctx) => deleteCustomField(ctx, input.id),
};
