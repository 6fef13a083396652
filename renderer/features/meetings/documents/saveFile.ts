import type { Output } from '@shared/contract';
import { call } from '../../../api/client';
import { notifySuccess } from '../../../api/errors';

/** A file a backend method built, ready for the Save dialog (a meeting's PDF or .ics, a report, a digest…). */
type DocumentFile = Pick<Output<'meetings.summaryPdf'>, 'fileName' | 'mimeType' | 'encoding' | 'content'>;

/** Hands a file the backend built to the Save dialog; a cancelled dialog is the coordinator's choice, not a failure. */
export async function saveDocument(file: DocumentFile, what: string): Promise<void> {
  const result = await call('file.saveAs', { suggestedName: file.fileName, mimeType: file.mimeType, content: file.content, encoding: file.encoding });
  if (result.saved) notifySuccess(`Saved ${what} as ${result.fileName ?? file.fileName}.`);
}

// Countries that print on Letter paper; everyone else uses A4.
const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'GT', 'CR', 'PR']);

/** The paper the coordinator's locale prints on. */
export function localPageSize(): 'A4' | 'LETTER' {
  const region = new Intl.Locale(navigator.language || 'en').maximize().region ?? '';
  return LETTER_REGIONS.has(region) ? 'LETTER' : 'A4';
}
