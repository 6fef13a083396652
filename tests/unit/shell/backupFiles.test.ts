import { describe, expect, it, vi } from 'vitest';
import type { RpcResult } from '@shared/rpc';
import { chooseFolder, exportEncrypted, importEncrypted, suggestedBackupName, withBackupExtension, type BackupFileDeps } from '../../../electron/main/rpc/backupFiles';

function deps(choice: string | null) {
  const host = {
    call: vi.fn((method: string): Promise<RpcResult> =>
      Promise.resolve(method === 'workspace.info' ? { ok: true, value: { fileName: 'Northgate.coalition' } } : { ok: true, value: { folder: '/home/ana/Northgate backups' } }),
    ),
    backupFolder: vi.fn((path: string): Promise<RpcResult> => Promise.resolve({ ok: true, value: { folder: path } })),
    exportEncrypted: vi.fn((path: string): Promise<RpcResult> => Promise.resolve({ ok: true, value: { saved: true, fileName: path, sizeBytes: 10 } })),
    importEncrypted: vi.fn((path: string): Promise<RpcResult> => Promise.resolve({ ok: true, value: { restored: true, fileName: path, safetyBackup: null } })),
  };
  const dialogs = {
    chooseSavePath: vi.fn((_name: string) => Promise.resolve(choice)),
    chooseOpenPath: vi.fn(() => Promise.resolve(choice)),
    chooseFolder: vi.fn((_current: string) => Promise.resolve(choice)),
  };
  const d: BackupFileDeps = { ...dialogs, host };
  return { d, host, dialogs };
}

const passphrase = 'long enough passphrase';

describe('backup files in the shell', () => {
  it('suggests a dated name and always writes the extension', () => {
    expect(suggestedBackupName('Northgate.coalition', new Date('2026-11-26T10:00:00Z'))).toBe('Northgate backup 2026-11-26.cdbackup');
    expect(withBackupExtension('/home/ana/move')).toBe('/home/ana/move.cdbackup');
    expect(withBackupExtension('/home/ana/move.CDBACKUP')).toBe('/home/ana/move.CDBACKUP');
  });

  it('exports to the path chosen in the Save dialog, never to one the renderer names', async () => {
    const { d, host, dialogs } = deps('/home/ana/Desktop/move');
    await exportEncrypted({ passphrase }, d, new Date('2026-11-26T10:00:00Z'));
    expect(dialogs.chooseSavePath).toHaveBeenCalledWith('Northgate backup 2026-11-26.cdbackup');
    expect(host.exportEncrypted).toHaveBeenCalledWith('/home/ana/Desktop/move.cdbackup', passphrase);
    const sneaky = await exportEncrypted({ passphrase, path: '/etc/passwd' }, d);
    expect(sneaky).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(host.exportEncrypted).toHaveBeenCalledTimes(1);
  });

  it('refuses a short passphrase before any dialog', async () => {
    const { d, dialogs } = deps('/x');
    const result = await exportEncrypted({ passphrase: 'short' }, d);
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', details: { issues: [{ path: 'passphrase', message: 'The passphrase needs at least 10 characters.' }] } } });
    expect(dialogs.chooseSavePath).not.toHaveBeenCalled();
  });

  it('reports cancelled dialogs as nothing done', async () => {
    const { d, host } = deps(null);
    await expect(exportEncrypted({ passphrase }, d)).resolves.toEqual({ ok: true, value: { saved: false, fileName: null, sizeBytes: null } });
    await expect(importEncrypted({ passphrase }, d)).resolves.toEqual({ ok: true, value: { restored: false, fileName: null, safetyBackup: null } });
    await expect(chooseFolder({}, d)).resolves.toEqual({ ok: true, value: { changed: false, folder: '/home/ana/Northgate backups' } });
    expect(host.importEncrypted).not.toHaveBeenCalled();
    expect(host.backupFolder).not.toHaveBeenCalled();
  });

  it('imports from the chosen file and moves the folder to the chosen one', async () => {
    const { d, host, dialogs } = deps('/media/usb/Northgate backup.cdbackup');
    await importEncrypted({ passphrase }, d);
    expect(host.importEncrypted).toHaveBeenCalledWith('/media/usb/Northgate backup.cdbackup', passphrase);
    await expect(chooseFolder({}, d)).resolves.toEqual({ ok: true, value: { changed: true, folder: '/media/usb/Northgate backup.cdbackup' } });
    expect(dialogs.chooseFolder).toHaveBeenCalledWith('/home/ana/Northgate backups');
  });
});
