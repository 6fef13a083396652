import type { Handlers } from '../../rpc/handlers';
import { exportIcs } from './icsExport';
import { importIcs } from './icsImport';
import { meetingSummaryPdf } from './summary';

export const meetingDocumentHandlers: Handlers<'meetings.exportIcs' | 'meetings.importIcs' | 'meetings.summaryPdf'> = {
  'meetings.exportIcs': (input, ctx) => exportIcs(ctx, input),
  'meetings.importIcs': (input, ctx) => importIcs(ctx, input),
  'meetings.summaryPdf': (input, ctx) => meetingSummaryPdf(ctx, input),
};
