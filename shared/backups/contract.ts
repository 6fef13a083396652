import { z } from 'zod';
import { emptyInput } from '../common';
import { workspaceInfo } from '../workspace/contract';

// Backups of the open workspace. The list, "Back up now" and restore are answered by the backend
// host (it owns which workspace is open and its files); the encrypted file and the folder choice
// are answered by the shell, which shows the native dialog and then hands the chosen path to the
// host. The renderer never names a path itself.

export const BACKUP_KINDS = ['automatic', 'manual', 'before-import', 'before-merge', 'before-undo', 'before-migration', 'before-restore'] as const;
export const backupKind = z.enum(BACKUP_KINDS);
export type BackupKind = z.infer<typeof backupKind>;

/** Backup file names the host writes: `<UTC stamp>-<kind>.coalition`. Anything else is refused. */
export const BACKUP_ID = new RegExp(`^\\d{8}T\\d{6}\\d{3}Z-(${BACKUP_KINDS.join('|')})\\.coalition$`);

export const PASSPHRASE_MIN = 10;
export const passphrase = z
  .string({ error: 'The passphrase is missing.' })
  .min(PASSPHRASE_MIN, { message: `The passphrase needs at least ${PASSPHRASE_MIN} characters.` })
  .max(1024, { message: 'The passphrase must be at most 1024 characters.' });

export const recordCounts = z.object({
  organizations: z.number().int(),
  people: z.number().int(),
  interactions: z.number().int(),
  charterVersions: z.number().int(),
});
export type RecordCounts = z.infer<typeof recordCounts>;

export const backupSummary = z.object({
  /** The backup's file name in the backups folder. */
  id: z.string(),
  createdAt: z.string(),
  kind: backupKind,
  sizeBytes: z.number().int(),
  schemaVersion: z.number().int(),
  counts: recordCounts,
});
export type BackupSummary = z.infer<typeof backupSummary>;

export const backupFailure = z.object({ at: z.string(), kind: backupKind, message: z.string() });

export const backupList = z.object({
  folder: z.string(),
  /** True when the folder is the default one next to the workspace. */
  folderIsDefault: z.boolean(),
  backups: z.array(backupSummary),
  /** The last backup that failed its check or could not be written (null once one succeeds). */
  lastFailure: backupFailure.nullable(),
});
export type BackupList = z.infer<typeof backupList>;

/** A backup as the recovery screen sees it: checked again now (a backup can be damaged too). */
export const recoveryBackup = backupSummary.extend({
  /** True when the backup passed the same check a new backup passes (integrity, a Coalition Desk file). */
  ok: z.boolean(),
  /**
   * True when it was checked just now. The newest ones are, until one passes; older ones keep the
   * check they passed when taken (a restore checks again first).
   */
  checked: z.boolean(),
  /** What is wrong with it when it failed the check. */
  problem: z.string().nullable(),
});
export type RecoveryBackup = z.infer<typeof recoveryBackup>;

export const recoveryInfo = z.object({
  /** The workspace file that could not be opened (its name; the path stays in the host). */
  fileName: z.string(),
  message: z.string(),
  /** True when the file is damaged (as opposed to, say, made by a newer version). */
  damaged: z.boolean(),
  /** The backups folder looked in: the one remembered for this workspace, else the default next to it. */
  folder: z.string(),
  /** Newest first. */
  backups: z.array(recoveryBackup),
});
export type RecoveryInfo = z.infer<typeof recoveryInfo>;

export const backupsContract = {
  'backups.list': {
    summary: 'The open workspace’s backups, newest first, with the folder they are kept in.',
    input: emptyInput,
    output: backupList,
  },
  'backups.create': {
    summary: 'Back up the open workspace now (checked before it counts).',
    input: emptyInput,
    output: backupSummary,
  },
  'backups.restore': {
    summary: 'Back up the current state, then replace the workspace with a backup.',
    input: z.strictObject({ id: z.string().regex(BACKUP_ID, { message: 'This is not a backup of this workspace.' }) }),
    output: z.object({ restored: backupSummary, safetyBackup: backupSummary }),
  },
  'backups.openReadOnly': {
    summary: 'Open a backup read-only, in place of the workspace, to copy records out of it.',
    input: z.strictObject({ id: z.string().regex(BACKUP_ID, { message: 'This is not a backup of this workspace.' }) }),
    output: workspaceInfo,
  },
  'backups.closeReadOnly': {
    summary: 'Close the backup opened read-only and go back to the workspace.',
    input: emptyInput,
    output: workspaceInfo,
  },
  'backups.useDefaultFolder': {
    summary: 'Keep backups in the default folder next to the workspace again.',
    input: emptyInput,
    output: backupList,
  },
  // The recovery screen: for a workspace that could not be opened (a damaged file), answered by the host.
  'workspace.recovery': {
    summary: 'The workspace that could not be opened: what went wrong, and its backups, each checked (null when the workspace is open).',
    input: emptyInput,
    output: recoveryInfo.nullable(),
  },
  'workspace.recoverFromBackup': {
    summary: 'Move the damaged workspace file aside (kept, renamed) and put a checked backup in its place.',
    input: z.strictObject({ id: z.string().regex(BACKUP_ID, { message: 'This is not a backup of this workspace.' }) }),
    output: z.object({ restored: backupSummary, damagedKeptAs: z.string(), workspace: workspaceInfo }),
  },
  'workspace.startOver': {
    summary: 'Move the damaged workspace file aside (kept, renamed) and start a new, empty workspace in its place; its backups stay where they are (null when the workspace is open).',
    input: emptyInput,
    output: z.object({ damagedKeptAs: z.string(), workspace: workspaceInfo }).nullable(),
  },
  'workspace.salvage': {
    summary: 'Export what can still be read from the damaged workspace: one CSV file per table in a new folder next to it (null when the workspace is open).',
    input: emptyInput,
    output: z
      .object({
        /** The new folder's name (next to the damaged file). */
        folderName: z.string(),
        tables: z.array(
          z.object({
            name: z.string(),
            rows: z.number().int(),
            /** Rowids that could not be read (each a lost row or a gap in the numbering). */
            unreadableRows: z.number().int(),
            /** Ranges skipped whole rather than split row by row. */
            skippedRanges: z.number().int(),
            /** So many reads failed that splitting stopped: some readable rows may be missing too. */
            stoppedSplitting: z.boolean(),
          }),
        ),
      })
      .nullable(),
  },
  // Answered by the shell: a native dialog, then the host does the work on the chosen path.
  'backups.chooseFolder': {
    summary: 'Ask the coordinator for a folder to keep this workspace’s backups in.',
    input: emptyInput,
    output: z.object({ changed: z.boolean(), folder: z.string() }),
  },
  'backups.exportEncrypted': {
    summary: 'Write the workspace to one passphrase-encrypted file the coordinator chooses.',
    input: z.strictObject({ passphrase }),
    output: z.object({ saved: z.boolean(), fileName: z.string().nullable(), sizeBytes: z.number().int().nullable() }),
  },
  'backups.importEncrypted': {
    summary: 'Restore the workspace from an encrypted backup file the coordinator chooses (the current state is backed up first).',
    input: z.strictObject({ passphrase }),
    output: z.object({ restored: z.boolean(), fileName: z.string().nullable(), safetyBackup: backupSummary.nullable() }),
  },
} as const;
