import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import type SqliteDatabase from 'better-sqlite3';
import type { BackupKind } from '@shared/backups/contract';
import { contract, isMethod, type Method } from '@shared/contract';
import { AppError } from '@shared/errors';
import type { AppEvent, RpcResult } from '@shared/rpc';
import { BACKGROUND_CHECKPOINT_CHANGES, backgroundCheckpoints } from './db/checkpoints';
import { openWorkspace, type OpenOptions, type Workspace } from './db/connection';
import { Writer } from './db/writer';
import { validationError } from '@shared/validation';
import { toErrorPayload } from './rpc/errors';
import type { BackendMethod, Handler, Handlers } from './rpc/handlers';
import { charterHandlers } from './charter/handlers';
import { directoryHandlers } from './directory/handlers';
import { discardWorkspaceImportFiles, sweepImportFiles } from './directory/imports/files';
import { describeBatch } from './history/describe';
import { historyHandlers } from './history/handlers';
import { meetingHandlers } from './meetings/handlers';
import { meetingDocumentHandlers } from './meetings/documents/handlers';
import { profileHandlers } from './profile/handlers';
import { structureHandlers } from './structure/handlers';
import { campaignHandlers } from './campaigns/handlers';
import { policyHandlers } from './policy/handlers';
import { mediaHandlers } from './media/handlers';
import { storyHandlers } from './stories/handlers';
import { resourceHandlers } from './resources/handlers';
import { capacityHandlers } from './capacity/handlers';
import { metricHandlers } from './metrics/handlers';
import { reportHandlers } from './reports/handlers';
import { briefingHandlers } from './briefings/handlers';

/** Every backend method's handler; the compiler checks that none is missing. */
const handlers: Handlers<BackendMethod> = {
  ...profileHandlers,
  ...charterHandlers,
  ...directoryHandlers,
  ...historyHandlers,
  ...structureHandlers,
  ...meetingHandlers,
  ...meetingDocumentHandlers,
  ...campaignHandlers,
  ...policyHandlers,
  ...mediaHandlers,
  ...storyHandlers,
  ...resourceHandlers,
  ...capacityHandlers,
  ...metricHandlers,
  ...reportHandlers,
  ...briefingHandlers,
};

/**
 * Calls that change many records at once get a backup of the workspace first (after their input
 * is valid, before their transaction). Keyed by name: the import methods arrive separately.
 */
export const BACKUP_BEFORE: Readonly<Record<string, BackupKind>> = {
  'imports.run': 'before-import',
  'duplicates.merge': 'before-merge',
  // An undo can remove a whole import or split a merge back apart: as risky as what it undoes.
  'history.undo': 'before-undo',
};

export interface BackendOptions {
  workspacePath: string;
  /** Create the file when it does not exist (the default workspace, a new one from the menu). */
  create?: boolean;
  /** Check every result against the contract too (tests turn this on). */
  validateOutputs?: boolean;
  /** Receives progress events of long calls (the host forwards them to the window). */
  onEvent?: (event: AppEvent) => void;
  /** Takes the pre-migration backup (see OpenOptions.beforeMigrate). */
  beforeMigrate?: OpenOptions['beforeMigrate'];
  /** Takes a backup before the calls listed in BACKUP_BEFORE; if it fails the call is not run. */
  backUpBefore?: (kind: BackupKind) => Promise<void>;
  /** A backup opened to copy records out of: every write is refused (PRAGMA query_only). */
  readOnly?: boolean;
  /** Who makes the calls, recorded with each change; by default the operating system's user name. */
  actor?: string;
}

export interface Backend {
  readonly workspace: Pick<Workspace, 'path' | 'schemaVersion'>;
  /** Validates and runs one call. Never rejects: failures come back as `{ ok: false, error }`. */
  call(method: string, input: unknown): Promise<RpcResult>;
  /**
   * Runs `load` on the raw SQLite connection inside one immediate transaction, after any call in
   * progress. Only for the sample generator's bulk part (scale data for demos and benchmarks):
   * it bypasses validation and the change log, so nothing a user does may reach it.
   */
  bulkLoad<T>(load: (sqlite: SqliteDatabase.Database) => T): Promise<T>;
  /**
   * Runs `work` (a run of calls) with commits not flushed to disk one by one (SQLite's
   * synchronous=NORMAL: WAL keeps the file consistent, a power cut may lose the last commits),
   * then back to FULL with a checkpoint. Only for writing the sample coalition, which is
   * regenerable: its several hundred calls otherwise wait for a disk flush each.
   */
  withoutFlushPerCall<T>(work: () => Promise<T>): Promise<T>;
  /** The change log's last sequence number (0 when empty): whether anything changed since a backup. */
  changeSeq(): number;
  /** Who the next calls' changes are recorded as (the coordinator chose another name). */
  setActor(name: string): void;
  /** Resolves once the work calls left running in the background (a checkpoint after a large write, db/checkpoints.ts) is done. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Who the changes are recorded as: COALITION_DESK_USER when set (a shared computer account, the
 * screenshots), else the signed-in user's name as the operating system knows it ('' when it cannot say).
 */
export function osUserName(): string {
  const named = process.env['COALITION_DESK_USER']?.trim();
  if (named) return named.slice(0, 100);
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}

/** SQLite's automatic checkpoint threshold (its default), restored after a call that left the checkpoint to the background. */
const AUTOCHECKPOINT_PAGES = 1000;

/** Opens a workspace and answers RPC calls against it. Plain Node: no Electron here. */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  const workspace = await openWorkspace(options.workspacePath, {
    create: options.create ?? false,
    ...(options.beforeMigrate ? { beforeMigrate: options.beforeMigrate } : {}),
  });
  let closed = false;
  // Import files a crashed run left behind hold people's details: gone at the next start.
  void sweepImportFiles();
  let actor = options.actor ?? osUserName();
  if (options.readOnly) workspace.sqlite.pragma('query_only = ON');
  const checkpoints = backgroundCheckpoints(workspace.path);

  async function run(method: Method, input: unknown): Promise<unknown> {
    const handler = (handlers as Partial<Record<Method, Handler<Method>>>)[method];
    if (!handler) throw new AppError('validation', `${method} is not answered by the workspace backend.`);
    // An absent input means "no parameters"; null is not absent, and is refused like any other non-object.
    const parsed = contract[method].input.safeParse(input === undefined ? {} : input);
    if (!parsed.success) throw validationError(method, parsed.error, 'input');
    const backupKind = BACKUP_BEFORE[method];
    if (backupKind && options.backUpBefore) {
      await options.backUpBefore(backupKind).catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        throw new AppError('workspace', `The workspace could not be backed up first, so nothing was changed. ${reason}`);
      });
    }
    const now = new Date().toISOString();
    const progress = (task: string, done: number, total: number, message?: string) =>
      options.onEvent?.({ type: 'progress', task, done, total, ...(message === undefined ? {} : { message }) });
    // One transaction per call: a failed write leaves the workspace as it was.
    let checkpointLater = false;
    const transaction = workspace.db.transaction().execute(async (trx) => {
      const write = new Writer(trx, workspace.sqlite, randomUUID(), now);
      const result = await handler(parsed.data, { db: trx, write, now, actor, progress });
      // A call that changed something is one undo step: its batch, described (an undo writes its own).
      if (write.changes > 0) {
        const summary = await describeBatch(trx, write.batch, method, parsed.data);
        await trx
          .insertInto('change_batches')
          .values({ id: write.batch, method, summary, actor, at: now, changes: write.changes, kind: 'change', undone_by_batch: null, undoes_batch: null })
          .onConflict((oc) => oc.column('id').doUpdateSet({ changes: write.changes }))
          .execute();
      }
      if (write.changes >= BACKGROUND_CHECKPOINT_CHANGES && checkpoints.available) {
        workspace.sqlite.pragma('wal_autocheckpoint = 0');
        checkpointLater = true;
      }
      return result;
    });
    let value: unknown;
    try {
      value = await transaction;
    } finally {
      if (checkpointLater) {
        workspace.sqlite.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
        checkpoints.request();
      }
    }
    if (options.validateOutputs) {
      const checked = contract[method].output.safeParse(value);
      if (!checked.success) throw validationError(method, checked.error, 'output');
    }
    return value;
  }

  return {
    workspace: { path: workspace.path, schemaVersion: workspace.schemaVersion },
    async call(method, input) {
      try {
        if (closed) throw new AppError('workspace', 'The workspace is closed.');
        if (!isMethod(method)) throw new AppError('validation', `Unknown method: ${JSON.stringify(String(method)).slice(0, 80)}.`);
        return { ok: true, value: await run(method, input) };
      } catch (error) {
        if (options.readOnly && error instanceof Error && /readonly|query_only/i.test(`${(error as { code?: string }).code ?? ''} ${error.message}`)) {
          return {
            ok: false,
            error: { code: 'conflict', message: 'This is a backup opened read-only: nothing in it can change. Go back to your workspace to make changes.' },
          };
        }
        return { ok: false, error: toErrorPayload(error) };
      }
    },
    async bulkLoad(load) {
      if (closed) throw new AppError('workspace', 'The workspace is closed.');
      // Kysely's connection() waits for the single connection, so no call's transaction is open meanwhile.
      return workspace.db.connection().execute(() => Promise.resolve(workspace.sqlite.transaction(() => load(workspace.sqlite)).immediate()));
    },
    async withoutFlushPerCall(work) {
      if (closed) throw new AppError('workspace', 'The workspace is closed.');
      // A pragma of safety level cannot change inside a transaction: set it between calls.
      const setSync = (level: 'NORMAL' | 'FULL') => workspace.db.connection().execute(() => Promise.resolve(workspace.sqlite.pragma(`synchronous = ${level}`)));
      await setSync('NORMAL');
      try {
        return await work();
      } finally {
        if (!closed) {
          await setSync('FULL');
          await workspace.db.connection().execute(() => Promise.resolve(workspace.sqlite.pragma('wal_checkpoint(FULL)')));
        }
      }
    },
    changeSeq() {
      const row = workspace.sqlite.prepare('select coalesce(max(seq), 0) as seq from change_log').get() as { seq: number };
      return row.seq;
    },
    setActor(name) {
      actor = name;
    },
    idle() {
      return checkpoints.idle();
    },
    async close() {
      if (closed) return;
      closed = true;
      // The checkpoint's connection closes first, so that closing the backend's (the last) copies what is left and removes the log.
      await checkpoints.idle();
      await discardWorkspaceImportFiles(workspace);
      await workspace.close();
    },
  };
}
