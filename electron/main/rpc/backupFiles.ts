import { basename, extname } from 'node:path';
import { backupsContract } from '../../../shared/backups/contract';
import type { RpcResult } from '../../../shared/rpc';
import { validationError } from '../../../shared/validation';

// The backup methods that need a path: answered by the shell, which asks the coordinator in a
// native dialog and then hands the chosen path to the backend host. The renderer never names a
// path. Pure apart from the injected dialogs and host, so it is unit-tested with fakes.
// Relative imports: the web harness (plain tsx, no @shared alias) runs this file too.

export const ENCRYPTED_EXTENSION = 'cdbackup';
export const ENCRYPTED_FILTERS = [{ name: 'Coalition Desk backup', extensions: [ENCRYPTED_EXTENSION] }];

export interface BackupFileDeps {
  /** Native Save dialog; null when cancelled. */
  chooseSavePath(suggestedName: string): Promise<string | null>;
  /** Native Open dialog for a backup file; null when cancelled. */
  chooseOpenPath(): Promise<string | null>;
  /** Native folder picker; null when cancelled. */
  chooseFolder(current: string): Promise<string | null>;
  host: {
    call(method: string, input: unknown): Promise<RpcResult>;
    backupFolder(path: string): Promise<RpcResult>;
    exportEncrypted(path: string, passphrase: string): Promise<RpcResult>;
    importEncrypted(path: string, passphrase: string): Promise<RpcResult>;
  };
}

type BackupFileMethod = 'backups.chooseFolder' | 'backups.exportEncrypted' | 'backups.importEncrypted';

function parse<M extends BackupFileMethod>(method: M, input: unknown) {
  const parsed = backupsContract[method].input.safeParse(input === undefined ? {} : input);
  if (!parsed.success) return { error: { ok: false as const, error: validationError(method, parsed.error, 'input').toPayload() } };
  return { data: parsed.data };
}

/** Linux save dialogs do not add the filter's extension; an encrypted backup always has it. */
export function withBackupExtension(path: string): string {
  return extname(path).toLowerCase() === `.${ENCRYPTED_EXTENSION}` ? path : `${path}.${ENCRYPTED_EXTENSION}`;
}

/** "Northgate backup 2026-11-26.cdbackup" for the workspace "Northgate.coalition". */
export function suggestedBackupName(workspaceFileName: string, today: Date): string {
  const name = basename(workspaceFileName, extname(workspaceFileName)) || 'Coalition Desk';
  return `${name} backup ${today.toISOString().slice(0, 10)}.${ENCRYPTED_EXTENSION}`;
}

export async function exportEncrypted(input: unknown, deps: BackupFileDeps, today = new Date()): Promise<RpcResult> {
  const parsed = parse('backups.exportEncrypted', input);
  if (parsed.error) return parsed.error;
  const info = await deps.host.call('workspace.info', {});
  if (!info.ok) return info;
  const fileName = (info.value as { fileName: string }).fileName;
  const chosen = await deps.chooseSavePath(suggestedBackupName(fileName, today));
  if (chosen === null) return { ok: true, value: { saved: false, fileName: null, sizeBytes: null } };
  return deps.host.exportEncrypted(withBackupExtension(chosen), parsed.data.passphrase);
}

export async function importEncrypted(input: unknown, deps: BackupFileDeps): Promise<RpcResult> {
  const parsed = parse('backups.importEncrypted', input);
  if (parsed.error) return parsed.error;
  const chosen = await deps.chooseOpenPath();
  if (chosen === null) return { ok: true, value: { restored: false, fileName: null, safetyBackup: null } };
  return deps.host.importEncrypted(chosen, parsed.data.passphrase);
}

export async function chooseFolder(input: unknown, deps: BackupFileDeps): Promise<RpcResult> {
  const parsed = parse('backups.chooseFolder', input);
  if (parsed.error) return parsed.error;
  const list = await deps.host.call('backups.list', {});
  if (!list.ok) return list;
  const current = (list.value as { folder: string }).folder;
  const chosen = await deps.chooseFolder(current);
  if (chosen === null) return { ok: true, value: { changed: false, folder: current } };
  const changed = await deps.host.backupFolder(chosen);
  if (!changed.ok) return changed;
  return { ok: true, value: { changed: true, folder: (changed.value as { folder: string }).folder } };
}
