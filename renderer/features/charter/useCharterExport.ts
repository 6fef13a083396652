import type { CharterContent } from '@shared/charter/contract';
import { call } from '../../api/client';
import { notifyError, notifySuccess } from '../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../api/queries';
import { charterFileName, charterMarkdown } from './charterMarkdown';

export interface ExportedEdition {
  /** A version number, or 'draft'. */
  edition: number | 'draft';
  adoptedOn?: string;
  note?: string;
  content: CharterContent;
}

/** "Export as Markdown": builds the document and hands it to the Save dialog. */
export function useCharterExport() {
  const profile = useRpcQuery('profile.get', {});
  const saveAs = useRpcMutation('file.saveAs');

  async function exportCharter(edition: ExportedEdition): Promise<void> {
    const coalition = profile.data ?? (await call('profile.get', {}));
    const name = coalition?.name ?? 'Coalition';
    const content = charterMarkdown({
      coalitionName: name,
      edition: edition.edition === 'draft' ? 'Draft' : `Version ${edition.edition}`,
      adoptedOn: edition.adoptedOn,
      note: edition.note,
      content: edition.content,
    });
    try {
      const result = await saveAs.mutateAsync({
        suggestedName: charterFileName({ name, shortName: coalition?.shortName ?? '' }, edition.edition),
        mimeType: 'text/markdown',
        content,
        encoding: 'utf8',
      });
      // A cancelled Save dialog is the coordinator's choice, not a failure.
      if (result.saved) notifySuccess(`Saved ${result.fileName ?? 'the charter'}.`, 'Charter exported');
    } catch (error) {
      notifyError('The charter was not exported', error);
    }
  }

  return { exportCharter, exporting: saveAs.isPending };
}
