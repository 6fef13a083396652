import type { ExportFormat } from '@shared/directory/exports';
import { call } from '../../api/client';
import { notifyError } from '../../api/errors';
import { saveDocument } from '../meetings/documents/saveFile';

/** The scorecard (one official or all) through the Save dialog. */
export async function exportScorecard(officialId: string | null, format: ExportFormat): Promise<void> {
  try {
    const file = await call('policy.scorecard.export', { officialId, format });
    await saveDocument(file, 'the scorecard');
  } catch (error) {
    notifyError('The scorecard could not be exported', error);
  }
}
