import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { subscribe } from '../../api/client';

/** Edit ▸ Undo last change…: the History screen with the confirmation naming what will be undone. */
export function useUndoMenuCommand(): void {
  const navigate = useNavigate();
  useEffect(
    () =>
      subscribe((event) => {
        if (event.type === 'menu-command' && event.command === 'undo-last-change') void navigate('/history?undo=last');
      }),
    [navigate],
  );
}
