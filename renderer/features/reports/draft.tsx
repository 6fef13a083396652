import { useState } from 'react';
import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useNavigate } from 'react-router';
import { reportInput, type Report, type ReportInput } from '@shared/reports/contract';
import { RpcError } from '../../api/client';
import { issuesToErrors, notifyError, notifySuccess, validateWithSchema } from '../../api/errors';
import { useRpcMutation } from '../../api/queries';
import { useUnsavedChangesGuard } from '../../components/useUnsavedChangesGuard';
import { REPORT_READS } from './reads';

// The report editor's and the digest screen's state: the input being edited, its field errors,
// saving (checked with the contract's own schema first) and deleting.

export function inputOf(report: Report): ReportInput {
  return {
    kind: report.kind,
    title: report.title,
    period: report.period,
    audience: report.audience,
    sections: report.sections,
    challengesMd: report.challengesMd,
    nextStepsMd: report.nextStepsMd,
    getInvolvedMd: report.getInvolvedMd,
  };
}

/** The editor's state: the input being edited, its field errors, saving and deleting. */
export function useReportDraft(report: Report) {
  const navigate = useNavigate();
  const [draft, setDraft] = useState<ReportInput>(() => inputOf(report));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const update = useRpcMutation('reports.update', { invalidates: REPORT_READS });
  const remove = useRpcMutation('reports.delete', { invalidates: ['reports.list'] });
  const dirty = JSON.stringify(draft) !== JSON.stringify(inputOf(report));
  useUnsavedChangesGuard(dirty, 'changes to this report');

  const set = <K extends keyof ReportInput>(key: K, value: ReportInput[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([path]) => !path.startsWith(key))));
  };

  /** Saves when something changed; false when the draft was refused (its errors are shown). */
  async function save(): Promise<boolean> {
    const found = validateWithSchema(reportInput, draft) as Record<string, string>;
    if (Object.keys(found).length > 0) {
      setErrors(found);
      return false;
    }
    if (!dirty) return true;
    try {
      await update.mutateAsync({ id: report.id, report: draft });
      return true;
    } catch (error) {
      const issues = error instanceof RpcError ? issuesToErrors(error.issues, (p) => p.replace(/^report\./, '')) : {};
      setErrors(issues as Record<string, string>);
      notifyError('The report was not saved', error);
      return false;
    }
  }

  function confirmDelete() {
    modals.openConfirmModal({
      title: `Delete “${report.title}”?`,
      children: <Text size="sm">Its settings and narrative go (History can bring them back). Files you exported stay where you saved them.</Text>,
      labels: { confirm: 'Delete', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        remove.mutate(
          { id: report.id },
          {
            onSuccess: () => {
              notifySuccess(`Deleted ${report.title}.`);
              void navigate('/reports');
            },
            onError: (error) => notifyError('The report was not deleted', error),
          },
        ),
    });
  }

  return { draft, set, errors, dirty, save, saving: update.isPending, confirmDelete };
}

