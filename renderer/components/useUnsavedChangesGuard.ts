import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import { modals } from '@mantine/modals';

/**
 * Asks before leaving a screen with unsaved edits. Only navigation to another path is
 * guarded; moving within the same screen (search params) is not.
 */
export function useUnsavedChangesGuard(dirty: boolean, what = 'changes'): void {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    // Closing the dialog any other way (Escape, Stay here) means staying.
    let leaving = false;
    modals.openConfirmModal({
      title: 'Leave without saving?',
      children: `You have unsaved ${what}. If you leave now, they will be lost.`,
      labels: { confirm: 'Leave without saving', cancel: 'Stay here' },
      confirmProps: { color: 'red' },
      onConfirm: () => {
        leaving = true;
        blocker.proceed();
      },
      onClose: () => {
        if (!leaving) blocker.reset();
      },
    });
  }, [blocker, what]);
}
