import { useEffect, type ReactNode } from 'react';
import { AppShell } from '@mantine/core';
import { useLocation } from 'react-router';
import type { Profile } from '@shared/profile/contract';
import type { WorkspaceInfo } from '@shared/workspace/contract';
import { BackupViewBanner } from '../features/backups/BackupViewBanner';
import { useBackupMenuCommands } from '../features/backups/useBackupMenuCommands';
import { useUndoMenuCommand } from '../features/history/useUndoMenuCommand';
import { SampleBanner } from '../features/workspace/SampleBanner';
import { CommandPalette } from './CommandPalette';
import { Sidebar } from './Sidebar';

const MAIN_ID = 'main-content';

/** The app shell: sidebar with every area, the current screen, and the command palette. */
export function AppLayout({ workspace, profile, children }: { workspace: WorkspaceInfo; profile: Profile; children: ReactNode }) {
  const { pathname } = useLocation();
  useBackupMenuCommands();
  useUndoMenuCommand();
  // A new screen starts at its top.
  useEffect(() => {
    // A block body: Chromium's scrollTo returns a promise, and an effect may only return a cleanup.
    window.scrollTo({ top: 0 });
  }, [pathname]);

  return (
    <AppShell navbar={{ width: 264, breakpoint: 0 }} padding={0}>
      <button type="button" className="skip-link" onClick={() => document.getElementById(MAIN_ID)?.focus()}>
        Skip to content
      </button>
      <AppShell.Navbar className="sidebar">
        <Sidebar profile={profile} workspace={workspace} />
      </AppShell.Navbar>
      <AppShell.Main id={MAIN_ID} tabIndex={-1} className="main">
        {workspace.viewingBackup ? <BackupViewBanner backup={workspace.viewingBackup} /> : workspace.isSample && <SampleBanner />}
        {children}
      </AppShell.Main>
      <CommandPalette />
    </AppShell>
  );
}
