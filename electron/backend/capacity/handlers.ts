import type { Handlers } from '../rpc/handlers';
import { createRequest, deleteRequest, getRequest, listRequests, setStatus, updateRequest } from './assistance';
import { createTraining, deleteTraining, getTraining, listTrainings, saveFeedback, setAttendees, updateTraining } from './trainings';

export type CapacityMethod =
  | 'trainings.list'
  | 'trainings.get'
  | 'trainings.create'
  | 'trainings.update'
  | 'trainings.delete'
  | 'trainings.setAttendees'
  | 'trainings.saveFeedback'
  | 'assistance.list'
  | 'assistance.get'
  | 'assistance.create'
  | 'assistance.update'
  | 'assistance.setStatus'
  | 'assistance.delete';

export const capacityHandlers: Handlers<CapacityMethod> = {
  'trainings.list': (input, ctx) => listTrainings(ctx, input),
  'trainings.get': (input, ctx) => getTraining(ctx, input.id),
  'trainings.create': (input, ctx) => createTraining(ctx, input),
  'trainings.update': (input, ctx) => updateTraining(ctx, input.id, input.training),
  'trainings.delete': (input, ctx) => deleteTraining(ctx, input.id),
  'trainings.setAttendees': (input, ctx) => setAttendees(ctx, input),
  'trainings.saveFeedback': (input, ctx) => saveFeedback(ctx, input),
  'assistance.list': (input, ctx) => listRequests(ctx, input),
  'assistance.get': (input, ctx) => getRequest(ctx, input.id, input.today),
  'assistance.create': (input, ctx) => createRequest(ctx, input.request, input.today),
  'assistance.update': (input, ctx) => updateRequest(ctx, input.id, input.request, input.today),
  'assistance.setStatus': (input, ctx) => setStatus(ctx, input),
  'assistance.delete': (input, ctx) => deleteRequest(ctx, input.id),
};
