import type { Handlers } from '../rpc/handlers';
import { dashboardData, drillDown } from './dashboard';
import { catalogue, deleteMetric, getMetric, saveMetric, setTargets, setValues } from './service';
import { importResponses, previewImport } from './surveyImport';
import { compareRounds, deleteResponse, deleteRound, deleteSurvey, getSurvey, listResponses, listSurveys, roundResults, saveResponse, saveRound, saveSurvey } from './surveys';

type MetricMethod =
  | 'metrics.catalogue'
  | 'metrics.save'
  | 'metrics.delete'
  | 'metrics.get'
  | 'metrics.setValues'
  | 'metrics.setTargets'
  | 'metrics.dashboard'
  | 'metrics.drill'
  | 'surveys.list'
  | 'surveys.get'
  | 'surveys.save'
  | 'surveys.delete'
  | 'surveys.saveRound'
  | 'surveys.deleteRound'
  | 'surveys.responses'
  | 'surveys.saveResponse'
  | 'surveys.deleteResponse'
  | 'surveys.results'
  | 'surveys.compare'
  | 'surveys.previewImport'
  | 'surveys.importResponses';

export const metricHandlers: Handlers<MetricMethod> = {
  'metrics.catalogue': (_input, ctx) => catalogue(ctx.db),
  'metrics.save': (input, ctx) => saveMetric(ctx, input),
  'metrics.delete': (input, ctx) => deleteMetric(ctx, input.id),
  'metrics.get': (input, ctx) => getMetric(ctx, input),
  'metrics.setValues': (input, ctx) => setValues(ctx, input),
  'metrics.setTargets': (input, ctx) => setTargets(ctx, input),
  'metrics.dashboard': (input, ctx) => dashboardData(ctx.db, input),
  'metrics.drill': async (input, ctx) => {
    const rows = await drillDown(ctx.db, input);
    return { total: rows.length, rows: rows.slice(input.offset, input.offset + input.limit) };
  },
  'surveys.list': (_input, ctx) => listSurveys(ctx.db),
  'surveys.get': (input, ctx) => getSurvey(ctx.db, input.id),
  'surveys.save': (input, ctx) => saveSurvey(ctx, input),
  'surveys.delete': (input, ctx) => deleteSurvey(ctx, input.id),
  'surveys.saveRound': (input, ctx) => saveRound(ctx, input),
  'surveys.deleteRound': (input, ctx) => deleteRound(ctx, input.id),
  'surveys.responses': (input, ctx) => listResponses(ctx.db, input.roundId),
  'surveys.saveResponse': (input, ctx) => saveResponse(ctx, input),
  'surveys.deleteResponse': (input, ctx) => deleteResponse(ctx, input.id),
  'surveys.results': (input, ctx) => roundResults(ctx.db, input.roundId),
  'surveys.compare': (input, ctx) => compareRounds(ctx.db, input),
  'surveys.previewImport': (input, ctx) => previewImport(ctx, input),
  'surveys.importResponses': (input, ctx) => importResponses(ctx, input),
};
