import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { BACKUP_ID, backupKind, recordCounts, type BackupKind, type BackupSummary } from '@shared/backups/contract';
import { AppError } from '@shared/errors';
import { z } from 'zod';
import { readJsonFile, writeJsonFile } from '../jsonFile';
import { backupsToKeep, DEFAULT_POLICY, type RotationPolicy } from './rotation';
import { describe, removeDatabaseFiles, snapshot, type CopyTo, type Verify } from './snapshot';

// One workspace's backups folder: `<stamp>-<kind>.coalition` files, each with a `.json` sidecar
// written after the copy passed its check (a backup without a sidecar does not count and is not
// listed). Listing reads only the sidecars, so it stays fast for large workspaces.

const sidecar = z.object({
  createdAt: z.string(),
  kind: backupKind,
  sizeBytes: z.number().int(),
  schemaVersion: z.number().int(),
  counts: recordCounts,
  changeSeq: z.number().int(),
});

export interface StoredBackup extends BackupSummary {
  changeSeq: number;
}

export interface BackupFailure {
  at: string;
  kind: BackupKind;
  message: string;
}

/** The default folder: "<workspace name> backups" next to the workspace file. */
export function defaultBackupFolder(workspacePath: string): string {
  return join(dirname(workspacePath), `${basename(workspacePath, extname(workspacePath))} backups`);
}

/** `20261126T065423123Z` from an instant: sortable, and valid in every file system. */
export function stamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

export class BackupStore {
  lastFailure: BackupFailure | null = null;

  constructor(
    readonly folder: string,
    private readonly options: { now?: () => Date; policy?: RotationPolicy; verify?: Verify } = {},
  ) {}

  #now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Every counted backup, newest first. */
  list(): StoredBackup[] {
    let names: string[];
    try {
      names = readdirSync(this.folder);
    } catch {
      // Not there yet, or not a folder (lastFailure says why when a backup could not be written).
      return [];
    }
    const backups: StoredBackup[] = [];
    for (const name of names) {
      if (!BACKUP_ID.test(name) || !existsSync(join(this.folder, `${name}.json`))) continue;
      try {
        const parsed = sidecar.safeParse(JSON.parse(readFileSync(join(this.folder, `${name}.json`), 'utf8')));
        if (parsed.success) backups.push({ id: name, ...parsed.data });
      } catch {
        // An unreadable sidecar: the backup is not listed (and not deleted either).
      }
    }
    return backups.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1));
  }

  /** The file of a listed backup; `not_found` otherwise. */
  pathOf(id: string): string {
    if (!BACKUP_ID.test(id) || !this.list().some((b) => b.id === id)) {
      throw new AppError('not_found', 'That backup is no longer in the backups folder.', { id });
    }
    return join(this.folder, id);
  }

  /** The backup being taken, if any: the next one waits for it. */
  #queue: Promise<unknown> = Promise.resolve();

  /**
   * Takes a backup with `copy`, checks it, records it and applies the rotation. A backup that
   * fails is deleted, remembered in `lastFailure` and thrown as a clear error. One at a time: a
   * manual or pre-import backup asked for during an automatic one starts when that one is done
   * (at coalition scale a checked backup takes most of a minute; two at once would double it).
   */
  create(kind: BackupKind, copy: CopyTo): Promise<StoredBackup> {
    const next = this.#queue.then(() => this.#create(kind, copy));
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #create(kind: BackupKind, copy: CopyTo): Promise<StoredBackup> {
    const createdAt = this.#now();
    try {
      mkdirSync(this.folder, { recursive: true });
      let at = createdAt.getTime();
      let id = `${stamp(new Date(at))}-${kind}.coalition`;
      while (existsSync(join(this.folder, id))) id = `${stamp(new Date(++at))}-${kind}.coalition`;
      const path = join(this.folder, id);
      const facts = await snapshot(copy, path, this.options.verify);
      const record = { createdAt: new Date(at).toISOString(), kind, ...facts };
      // The sidecar is written last, atomically: until it exists the backup does not count.
      writeFileSync(`${path}.json.partial`, JSON.stringify(record, null, 2));
      renameSync(`${path}.json.partial`, `${path}.json`);
      this.lastFailure = null;
      this.#rotate();
      return { id, ...record };
    } catch (error) {
      const message = error instanceof AppError ? error.message : `The backup could not be written: ${describe(error)}`;
      this.lastFailure = { at: createdAt.toISOString(), kind, message };
      throw new AppError('workspace', message, { folder: this.folder });
    }
  }

  #rotate(): void {
    const all = this.list();
    const keep = backupsToKeep(
      all.map((b) => ({ id: b.id, createdAt: new Date(b.createdAt) })),
      this.#now(),
      this.options.policy ?? DEFAULT_POLICY,
    );
    for (const backup of all) {
      if (keep.has(backup.id)) continue;
      // The sidecar first: a half-deleted backup is then simply not listed.
      rmSync(join(this.folder, `${backup.id}.json`), { force: true });
      removeDatabaseFiles(join(this.folder, backup.id));
    }
  }
}

/**
 * Where each workspace keeps its backups when the coordinator chose a folder: a small JSON file
 * (workspace path → folder) in the app's workspaces folder. Absent means the default folder.
 */
export class BackupFolders {
  constructor(private readonly file: string) {}

  #read(): Record<string, string> {
    return readJsonFile(this.file, z.record(z.string(), z.string()), {});
  }

  folderFor(workspacePath: string): { folder: string; isDefault: boolean } {
    const chosen = this.#read()[workspacePath];
    return chosen ? { folder: chosen, isDefault: false } : { folder: defaultBackupFolder(workspacePath), isDefault: true };
  }

  set(workspacePath: string, folder: string | null): void {
    const all = this.#read();
    if (folder === null) delete all[workspacePath];
    else all[workspacePath] = folder;
    writeJsonFile(this.file, all);
  }
}
