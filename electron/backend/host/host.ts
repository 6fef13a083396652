import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { passphrase as passphraseSchema, type BackupList, type BackupSummary, type RecoveryInfo } from '@shared/backups/contract';
import { contract, HOST_METHODS, type ParsedInput } from '@shared/contract';
import { AppError } from '@shared/errors';
import type { AppEvent, RpcResult } from '@shared/rpc';
import type { ActorSetting } from '@shared/settings/contract';
import type { WorkspaceInfo } from '@shared/workspace/contract';
import { createBackend, osUserName, type Backend } from '../backend';
import { decryptFile, DEFAULT_SCRYPT, encryptFile, type ScryptParams } from '../backups/encrypted';
import { salvage } from '../backups/salvage';
import { AutoBackup, type Timers } from '../backups/schedule';
import { copyFromConnection, copyFromFile, describe, removeDatabaseFiles, snapshot, verifyCopy, verifyHere, verifyInWorker } from '../backups/snapshot';
import { BackupFolders, BackupStore, stamp, type StoredBackup } from '../backups/store';
import { SCHEMA_VERSION } from '../db/migrations';
import { validationError } from '@shared/validation';
import { toErrorPayload } from '../rpc/errors';
import { generateSample } from '../sample/generate';
import type { HostArgs, HostRequest, HostResponse } from './protocol';
import { ComputerSettings } from './settings';

export const SAMPLE_FILE = 'sample-coalition.coalition';
export const SAMPLE_SEED = 20261126;

interface Open {
  backend: Backend;
  isSample: boolean;
  /** The workspace's backups folder (changes when the coordinator picks another one). */
  backups: BackupStore;
  auto: AutoBackup;
  /** The backup taken at open, while it runs: the app works meanwhile; the backups list waits for it. */
  atOpen: Promise<void>;
  /** Set while a backup is open read-only: which one, and the workspace to go back to. */
  viewing?: { id: string; createdAt: string; kind: string; copy: string; returnTo: string; returnToSample: boolean };
}

export interface HostOptions extends HostArgs {
  appVersion: string;
  validateOutputs?: boolean;
  /** Test seams for backups: the clock, the automatic schedule's timers, cheaper scrypt settings. */
  backupClock?: () => Date;
  backupTimers?: Timers;
  scrypt?: ScryptParams;
  /** The built backup-check worker script; without it backups are checked on the host's thread (tests). */
  backupCheckWorker?: string;
}

type HostMethod = (typeof HOST_METHODS)[number];

/** A backup as the renderer sees it (the change-log position stays in the host). */
interface SetAside {
  /** Where the damaged file is now. */
  kept: string;
  /** Renames the files back (when what replaced them could not be opened). */
  putBack(): void;
}

/**
 * Renames a damaged workspace and its -wal / -shm to `<name>.damaged-<stamp>.coalition` next to
 * it, never over another file: kept, never deleted.
 */
function setAside(path: string): SetAside {
  const base = join(dirname(path), basename(path, extname(path)));
  let at = Date.now();
  let kept = `${base}.damaged-${stamp(new Date(at))}.coalition`;
  while ([kept, `${kept}-wal`, `${kept}-shm`].some((f) => existsSync(f))) kept = `${base}.damaged-${stamp(new Date(++at))}.coalition`;
  const moved: [string, string][] = [];
  const putBack = () => {
    for (const [from, to] of moved.reverse()) renameSync(to, from);
  };
  try {
    for (const suffix of ['', '-wal', '-shm']) {
      if (!existsSync(`${path}${suffix}`)) continue;
      renameSync(`${path}${suffix}`, `${kept}${suffix}`);
      moved.push([`${path}${suffix}`, `${kept}${suffix}`]);
    }
  } catch (error) {
    putBack();
    throw error;
  }
  return { kept, putBack };
}

function summary({ changeSeq: _seq, ...backup }: StoredBackup): BackupSummary {
  return backup;
}

/**
 * The backend host: owns which workspace is open and answers every call for it. It runs off
 * the window's thread (utilityProcess in the app, worker thread in the harness). When the
 * workspace cannot be opened, it keeps running and answers with that error, so the window
 * can explain what happened instead of crashing.
 */
export class Host {
  #open: Open | null = null;
  #openError: AppError | null = null;
  /** The workspace file that could not be opened while none was open (the recovery screen's file). */
  #failedPath: string | null = null;
  readonly #folders: BackupFolders;
  readonly #settings: ComputerSettings;

  constructor(
    private readonly options: HostOptions,
    private readonly emit: (event: AppEvent) => void,
  ) {
    this.#folders = new BackupFolders(join(options.workspacesDir, 'backup-folders.json'));
    this.#settings = new ComputerSettings(join(options.workspacesDir, 'settings.json'));
  }

  /** Opens the start-up workspace (the embedded default, created on first run). */
  async start(): Promise<void> {
    await this.#switchTo(this.options.workspace, { create: true, announce: false });
  }

  async handle(request: HostRequest): Promise<HostResponse> {
    const result = await this.#answer(request).then(
      (value): RpcResult => ({ ok: true, value }),
      (error: unknown): RpcResult => ({ ok: false, error: toErrorPayload(error) }),
    );
    return { kind: 'result', id: request.id, result };
  }

  async #answer(request: HostRequest): Promise<unknown> {
    switch (request.kind) {
      case 'open':
        await this.#switchTo(request.path, { create: request.create, announce: true });
        return this.#info();
      case 'shutdown':
        await this.#close();
        return null;
      case 'backupFolder':
      case 'exportEncrypted':
      case 'importEncrypted':
        if (this.#open?.viewing) throw new AppError('conflict', 'A backup is open read-only. Go back to your workspace first.');
        return this.#fileRequest(request);
      case 'call':
        return this.#call(request.method, request.input);
    }
  }

  #fileRequest(request: Extract<HostRequest, { kind: 'backupFolder' | 'exportEncrypted' | 'importEncrypted' }>): Promise<unknown> {
    switch (request.kind) {
      case 'backupFolder':
        return Promise.resolve(this.#setBackupFolder(request.path));
      case 'exportEncrypted':
        return this.#exportEncrypted(request.path, request.passphrase);
      case 'importEncrypted':
        return this.#importEncrypted(request.path, request.passphrase);
    }
  }

  async #call(method: string, input: unknown): Promise<unknown> {
    if ((HOST_METHODS as readonly string[]).includes(method)) {
      const hostMethod = method as HostMethod;
      // Checked against the contract like every backend method (an absent input means none).
      const parsed = contract[hostMethod].input.safeParse(input === undefined ? {} : input);
      if (!parsed.success) throw validationError(hostMethod, parsed.error, 'input');
      return this.#hostMethod(hostMethod, parsed.data);
    }
    const open = this.#requireOpen();
    const result = await open.backend.call(method, input);
    if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.details);
    return result.value;
  }

  async #hostMethod(method: HostMethod, input: unknown): Promise<unknown> {
    // While a backup is open read-only, backups are managed from the workspace itself.
    if (this.#open?.viewing && method.startsWith('backups.') && method !== 'backups.list' && method !== 'backups.closeReadOnly') {
      throw new AppError('conflict', 'A backup is open read-only. Go back to your workspace first.');
    }
    switch (method) {
      case 'workspace.info':
        return this.#info();
      case 'workspace.openSample':
        await this.#switchTo(join(this.options.workspacesDir, SAMPLE_FILE), { create: true, announce: true, sample: true });
        return this.#info();
      case 'workspace.openDefault':
        await this.#switchTo(this.options.workspace, { create: true, announce: true });
        return this.#info();
      case 'backups.list':
        await this.#requireOpen().atOpen;
        return this.#backupList();
      case 'workspace.recovery':
        return this.#recovery();
      case 'workspace.recoverFromBackup':
        return this.#recoverFromBackup((input as ParsedInput<'workspace.recoverFromBackup'>).id);
      case 'workspace.startOver':
        return this.#startOver();
      case 'settings.actor':
        return this.#actorSetting();
      case 'settings.setActor': {
        const { name } = input as ParsedInput<'settings.setActor'>;
        this.#settings.setActorName(name || null);
        this.#open?.backend.setActor(this.#actorName());
        return this.#actorSetting();
      }
      case 'workspace.salvage': {
        if (this.#open || !this.#failedPath) return null;
        const { folder, tables } = salvage(this.#failed().path, this.options.backupClock?.() ?? new Date());
        return { folderName: basename(folder), tables };
      }
      case 'backups.create': {
        const open = this.#requireOpen();
        return summary(await open.backups.create('manual', copyFromFile(open.backend.workspace.path)));
      }
      case 'backups.restore': {
        const { id } = input as ParsedInput<'backups.restore'>;
        const open = this.#requireOpen();
        const source = open.backups.pathOf(id);
        const restored = open.backups.list().find((b) => b.id === id);
        const candidate = `${open.backend.workspace.path}.restoring`;
        removeDatabaseFiles(candidate);
        copyFileSync(source, candidate);
        const safetyBackup = await this.#replaceWith(candidate);
        return { restored: summary(restored as StoredBackup), safetyBackup: summary(safetyBackup) };
      }
      case 'backups.useDefaultFolder':
        return this.#setBackupFolder(null);
      case 'backups.openReadOnly': {
        const { id } = input as ParsedInput<'backups.openReadOnly'>;
        const open = this.#requireOpen();
        const source = open.backups.pathOf(id);
        const backup = open.backups.list().find((b) => b.id === id) as StoredBackup;
        // A copy is opened, never the backup itself: opening may upgrade it, and the backup stays as taken.
        const viewDir = join(tmpdir(), 'coalition-desk-backup-view');
        mkdirSync(viewDir, { recursive: true });
        const copy = join(viewDir, `${process.pid}-${id}`);
        removeDatabaseFiles(copy);
        copyFileSync(source, copy);
        const returnTo = open.backend.workspace.path;
        const returnToSample = open.isSample;
        const store = open.backups;
        try {
          await this.#switchTo(copy, { create: false, announce: true, view: { id, createdAt: backup.createdAt, kind: backup.kind, copy, returnTo, returnToSample } });
        } catch (error) {
          removeDatabaseFiles(copy);
          throw error;
        }
        // The Backups screen keeps listing the workspace's backups.
        if (this.#open) this.#open.backups = store;
        return this.#info();
      }
      case 'backups.closeReadOnly': {
        const viewing = this.#requireOpen().viewing;
        if (!viewing) return this.#info();
        await this.#switchTo(viewing.returnTo, { create: false, announce: true });
        if (this.#open) this.#open.isSample = viewing.returnToSample;
        removeDatabaseFiles(viewing.copy);
        return this.#info();
      }
    }
  }

  #backupList(): BackupList {
    const open = this.#requireOpen();
    const { isDefault } = this.#folders.folderFor(open.backend.workspace.path);
    return {
      folder: open.backups.folder,
      folderIsDefault: isDefault,
      backups: open.backups.list().map(summary),
      lastFailure: open.backups.lastFailure,
    };
  }

  /** Keeps this workspace's next backups in `folder` (null: the default one). Existing backups stay where they are. */
  #setBackupFolder(folder: string | null): BackupList {
    const open = this.#requireOpen();
    const path = open.backend.workspace.path;
    if (folder !== null) {
      try {
        mkdirSync(folder, { recursive: true });
      } catch (error) {
        throw new AppError('workspace', `Backups cannot be kept in that folder: ${describe(error)}`);
      }
    }
    this.#folders.set(path, folder);
    open.backups = this.#storeFor(path);
    return this.#backupList();
  }

  #storeFor(workspacePath: string): BackupStore {
    return new BackupStore(this.#folders.folderFor(workspacePath).folder, {
      ...(this.options.backupClock ? { now: this.options.backupClock } : {}),
      ...(this.options.backupCheckWorker ? { verify: verifyInWorker(this.options.backupCheckWorker) } : {}),
    });
  }

  /** "Back up to file…": a checked copy of the workspace, encrypted into the chosen file. */
  async #exportEncrypted(path: string, passphrase: string): Promise<{ saved: boolean; fileName: string; sizeBytes: number }> {
    const checked = passphraseSchema.safeParse(passphrase);
    if (!checked.success) throw validationError('backups.exportEncrypted', checked.error, 'input');
    const open = this.#requireOpen();
    mkdirSync(open.backups.folder, { recursive: true });
    // The plain copy lives only while it is encrypted, in the backups folder (already private to the coordinator).
    const plain = join(open.backups.folder, `export-${stamp(new Date())}.partial`);
    try {
      await snapshot(copyFromFile(open.backend.workspace.path), plain);
      const sizeBytes = await encryptFile(plain, path, passphrase, this.options.scrypt ?? DEFAULT_SCRYPT);
      return { saved: true, fileName: basename(path), sizeBytes };
    } finally {
      removeDatabaseFiles(plain);
    }
  }

  /** "Restore from file…": decrypt and check the file, back up the current state, then replace it. */
  async #importEncrypted(path: string, passphrase: string): Promise<{ restored: boolean; fileName: string; safetyBackup: BackupSummary }> {
    const open = this.#requireOpen();
    const candidate = `${open.backend.workspace.path}.restoring`;
    removeDatabaseFiles(candidate);
    await decryptFile(path, candidate, passphrase);
    const safetyBackup = await this.#replaceWith(candidate);
    return { restored: true, fileName: basename(path), safetyBackup: summary(safetyBackup) };
  }

  /**
   * Replaces the open workspace with `candidate` (a standalone copy next to it, consumed here):
   * checks it, backs up the current state, swaps the files and opens the result. If anything
   * before the swap fails, nothing changed; if the result cannot be opened, the current state
   * is put back from the safety backup.
   */
  async #replaceWith(candidate: string): Promise<StoredBackup> {
    const open = this.#requireOpen();
    const path = open.backend.workspace.path;
    let safety: StoredBackup;
    try {
      const facts = verifyCopy(candidate);
      if (facts.schemaVersion > SCHEMA_VERSION) {
        throw new AppError(
          'workspace',
          `This backup was made by a newer version of Coalition Desk (schema ${facts.schemaVersion}; this version knows up to ${SCHEMA_VERSION}). Update Coalition Desk to restore it. Nothing was restored.`,
        );
      }
      safety = await open.backups.create('before-restore', copyFromFile(path));
    } catch (error) {
      removeDatabaseFiles(candidate);
      throw error;
    }
    const wasSample = open.isSample;
    await this.#close();
    // After a clean close the workspace has no -wal; a stale one must not be replayed onto the restored file.
    for (const side of [`${path}-wal`, `${path}-shm`]) rmSync(side, { force: true });
    renameSync(candidate, path);
    try {
      await this.#switchTo(path, { create: false, announce: true, restored: true });
    } catch (error) {
      const back = `${path}.restoring`;
      copyFileSync(join(open.backups.folder, safety.id), back);
      for (const side of [`${path}-wal`, `${path}-shm`]) rmSync(side, { force: true });
      renameSync(back, path);
      await this.#switchTo(path, { create: false, announce: true });
      throw new AppError('workspace', `The backup could not be opened, so the workspace was put back as it was. ${describe(error)}`);
    }
    if (this.#open) this.#open.isSample = wasSample;
    return safety;
  }

  /** The workspace that could not be opened; `conflict` when one is open (nothing to recover). */
  #failed(): { path: string; error: AppError } {
    if (this.#open || !this.#failedPath || !this.#openError) {
      throw new AppError('conflict', 'The workspace is open and readable; there is nothing to recover.');
    }
    return { path: this.#failedPath, error: this.#openError };
  }

  /**
   * What the recovery screen shows: the failure and the backups of the file, each checked again
   * now. The backups folder is the one the host remembers for this file (backup-folders.json,
   * outside the workspace), else the default one next to it.
   */
  async #recovery(): Promise<RecoveryInfo | null> {
    if (this.#open || !this.#failedPath) return null;
    const { path, error } = this.#failed();
    const store = this.#storeFor(path);
    // Checked newest first (in the backup-check worker when there is one) until one passes: a
    // check of a coalition-scale backup takes ~45 s, so older ones keep the check they passed when
    // they were taken (`checked: false`); restoring any of them checks it again first.
    const verify = this.options.backupCheckWorker ? verifyInWorker(this.options.backupCheckWorker) : verifyHere;
    const backups: RecoveryInfo['backups'] = [];
    let foundGood = false;
    for (const stored of store.list()) {
      const backup = summary(stored);
      if (foundGood) {
        backups.push({ ...backup, ok: true, checked: false, problem: null });
        continue;
      }
      try {
        const facts = await verify(join(store.folder, stored.id));
        backups.push({ ...backup, schemaVersion: facts.schemaVersion, counts: facts.counts, sizeBytes: facts.sizeBytes, ok: true, checked: true, problem: null });
        foundGood = true;
      } catch (problem) {
        backups.push({ ...backup, ok: false, checked: true, problem: describe(problem) });
      }
    }
    return {
      fileName: basename(path),
      message: error.message,
      damaged: (error.details as { damaged?: unknown } | undefined)?.damaged === true,
      folder: store.folder,
      backups,
    };
  }


  /**
   * Puts a checked backup in place of the workspace that could not be opened. The damaged file
   * (with its -wal / -shm) is renamed to `<name>.damaged-<stamp>.coalition` next to it, never
   * overwritten or deleted; if the backup cannot be put in place and opened, it is moved back.
   */
  async #recoverFromBackup(id: string): Promise<unknown> {
    const { path, error: openError } = this.#failed();
    const store = this.#storeFor(path);
    const source = store.pathOf(id);
    const chosen = store.list().find((b) => b.id === id) as StoredBackup;
    const candidate = `${path}.restoring`;
    removeDatabaseFiles(candidate);
    try {
      copyFileSync(source, candidate);
      const facts = verifyCopy(candidate);
      if (facts.schemaVersion > SCHEMA_VERSION) {
        throw new AppError('workspace', `This backup was made by a newer version of Coalition Desk (schema ${facts.schemaVersion}). Update Coalition Desk to restore it.`);
      }
    } catch (error) {
      removeDatabaseFiles(candidate);
      throw new AppError('workspace', `The backup could not be used: ${describe(error)} Nothing was changed; the damaged file is where it was.`);
    }
    let aside: SetAside;
    try {
      aside = setAside(path);
    } catch (error) {
      removeDatabaseFiles(candidate);
      throw new AppError('workspace', `The damaged file could not be moved aside, so nothing was changed. ${describe(error)}`);
    }
    let placed = false;
    try {
      renameSync(candidate, path);
      placed = true;
      await this.#switchTo(path, { create: false, announce: true, restored: true });
    } catch (error) {
      // Back as it was: the restored copy goes, the damaged file and its side files come back.
      await this.#close();
      // Only the restored copy (ours) is removed; the damaged file's names are never deleted.
      removeDatabaseFiles(placed ? path : candidate);
      aside.putBack();
      this.#openError = openError;
      this.#failedPath = path;
      throw new AppError('workspace', `The backup could not be restored, so the damaged file was put back as it was. ${describe(error)}`);
    }
    return { restored: summary(chosen), damagedKeptAs: basename(aside.kept), workspace: this.#info() };
  }

  /**
   * Starts a new, empty workspace in place of a damaged one, for a coordinator with no backup to
   * restore: the damaged file is set aside as in a restore (kept, renamed) and its backups stay
   * where they are. Only for a file refused as damaged, never for one a newer version wrote.
   */
  async #startOver(): Promise<unknown> {
    if (this.#open || !this.#failedPath) return null;
    const { path, error: openError } = this.#failed();
    if ((openError.details as { damaged?: unknown } | undefined)?.damaged !== true) {
      throw new AppError('conflict', 'The workspace is not damaged, so it is not set aside. Open it with the version of Coalition Desk that wrote it, or restore a backup.');
    }
    const aside = setAside(path);
    try {
      await this.#switchTo(path, { create: true, announce: true });
    } catch (error) {
      await this.#close();
      // Only the new, empty file (ours) is removed; the damaged file comes back under its name.
      removeDatabaseFiles(path);
      aside.putBack();
      this.#openError = openError;
      this.#failedPath = path;
      throw new AppError('workspace', `A new workspace could not be started, so the damaged file was put back as it was. ${describe(error)}`);
    }
    return { damagedKeptAs: basename(aside.kept), workspace: this.#info() };
  }

  /** Who changes are recorded as: the name chosen on this computer, else its user name. */
  #actorName(): string {
    return this.#settings.actorName() ?? osUserName();
  }

  #actorSetting(): ActorSetting {
    const chosen = this.#settings.actorName();
    return { name: chosen ?? osUserName(), fromSystem: osUserName(), chosen: chosen !== null };
  }

  #info(): WorkspaceInfo {
    const open = this.#requireOpen();
    return {
      fileName: basename(open.backend.workspace.path),
      path: open.backend.workspace.path,
      schemaVersion: open.backend.workspace.schemaVersion,
      isSample: open.isSample,
      appVersion: this.options.appVersion,
      ...(open.viewing ? { viewingBackup: { id: open.viewing.id, createdAt: open.viewing.createdAt, kind: open.viewing.kind } } : {}),
    };
  }

  #requireOpen(): Open {
    if (this.#open) return this.#open;
    throw this.#openError ?? new AppError('workspace', 'No workspace is open.');
  }

  async #switchTo(
    path: string,
    how: { create: boolean; announce: boolean; sample?: boolean; restored?: boolean; view?: NonNullable<Open['viewing']> },
  ): Promise<void> {
    const current = this.#open?.backend.workspace.path;
    if (current === path) return;
    let backend: Backend | null = null;
    const backups = this.#storeFor(path);
    try {
      backend = await createBackend({
        workspacePath: path,
        create: how.create,
        actor: this.#actorName(),
        validateOutputs: this.options.validateOutputs ?? false,
        onEvent: this.emit,
        ...(how.view ? { readOnly: true } : {}),
        beforeMigrate: async (sqlite) => {
          // A backup's throwaway copy is upgraded without a backup of its own.
          if (how.view) return;
          await backups.create('before-migration', copyFromConnection(sqlite)).catch((error: unknown) => {
            throw new AppError('workspace', `The workspace was not upgraded, because it could not be backed up first. ${describe(error)}`);
          });
        },
        backUpBefore: async (kind) => {
          await backups.create(kind, copyFromFile(path));
        },
      });
      if (how.sample) await generateSample(backend, { seed: SAMPLE_SEED }).catch(async (error: unknown) => {
        // A half-written sample would be skipped next time (it has a profile): remove it, so
        // the next attempt starts clean. The sample is ours and regenerable; nothing is lost.
        await backend?.close();
        backend = null;
        for (const file of [path, `${path}-wal`, `${path}-shm`]) rmSync(file, { force: true });
        throw error;
      });
    } catch (error) {
      // A workspace opened for a sample that could not be written is closed again, not leaked.
      await backend?.close();
      const failure = error instanceof AppError ? error : new AppError('workspace', String(error));
      // A failed switch keeps the workspace that was open; a failed start is remembered.
      if (!this.#open) {
        this.#openError = failure;
        this.#failedPath = path;
      }
      throw failure;
    }
    await this.#close();
    const opened: Backend = backend;
    const open: Open = {
      backend: opened,
      isSample: how.sample ?? false,
      backups,
      atOpen: Promise.resolve(),
      auto: new AutoBackup({
        changeSeq: () => opened.changeSeq(),
        newestBackupSeq: () => open.backups.list()[0]?.changeSeq ?? null,
        // A failed automatic backup is remembered by the store and shown on the Backups screen.
        take: () =>
          open.backups.create('automatic', copyFromFile(path)).then(
            () => undefined,
            (error: unknown) => console.error('[backend] automatic backup failed:', describe(error)),
          ),
        ...(this.options.backupTimers ? { timers: this.options.backupTimers } : {}),
      }),
    };
    if (how.view) open.viewing = how.view;
    this.#open = open;
    this.#openError = null;
    this.#failedPath = null;
    if (how.announce) this.emit({ type: 'workspace-changed', fileName: basename(path) });
    // A backup opened read-only is not backed up.
    if (how.view) return;
    // At open: a backup unless the newest one holds this very state (or it was just restored from
    // one); then every 15 minutes if changed. Not waited for: at coalition scale a checked backup
    // takes most of a minute, and the coordinator works meanwhile.
    open.atOpen = open.auto.start({ atOpen: !how.restored });
  }

  async #close(): Promise<void> {
    const open = this.#open;
    this.#open = null;
    await open?.auto.stop();
    await open?.backend.close();
    if (open?.viewing) removeDatabaseFiles(open.viewing.copy);
  }
}
