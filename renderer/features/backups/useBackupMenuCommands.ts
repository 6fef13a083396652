import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { subscribe } from '../../api/client';

/** The encrypted-file dialog a Backups URL opens (`/backups?file=export`), e.g. from the File menu. */
export type FileDialog = 'export' | 'import';

/** File ▸ Back up / Restore from encrypted file: show the Backups screen with that dialog open. */
export function useBackupMenuCommands(): void {
  const navigate = useNavigate();
  useEffect(
    () =>
      subscribe((event) => {
        if (event.type !== 'menu-command' || (event.command !== 'backup-to-file' && event.command !== 'restore-from-file')) return;
        void navigate(`/backups?file=${event.command === 'backup-to-file' ? 'export' : 'import'}`);
      }),
    [navigate],
  );
}
