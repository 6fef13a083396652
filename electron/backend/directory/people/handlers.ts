import type { Handlers } from '../../rpc/handlers';
import { createPerson, deletePerson, getPerson, listPeople, updatePerson } from './service';

export const peopleHandlers: Handlers<'people.list' | 'people.get' | 'people.create' | 'people.update' | 'people.delete'> = {
  'people.list': (input, ctx) => listPeople(ctx, input),
  'people.get': (input, ctx) => getPerson(ctx, input.id),
  'people.create': (input, ctx) => createPerson(ctx, input),
  'people.update': (input, ctx) => updatePerson(ctx, input.id, input.person),
  'people.delete': (input, ctx) => deletePerson(ctx, input.id),
};
