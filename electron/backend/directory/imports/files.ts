import { randomUUID } from 'node:crypto';
import { constants, rmSync } from 'node:fs';
import { mkdir, open, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { AppError } from '@shared/errors';
import type { ImportCheck, ImportEntity } from '@shared/directory/imports';
import type { CallContext } from '../../rpc/handlers';
import type { ImportTable } from './parse';

// The files being imported. An upload goes to a temporary file, never into memory: these files
// hold people's contact details, so they live in a folder of the operating system's temp
// directory that only this user can read (0700, files 0600), one subfolder per running backend
// process, and are deleted as soon as they are not needed: when discarded, after the import, when
// the workspace closes, when newer uploads push them out (at most MAX_IMPORT_FILES at a time), and
// at the next start for a process that died with files left (or any left for more than a day).

/** How many files may be uploading or staged at once for a workspace; beginning another drops its oldest. */
export const MAX_IMPORT_FILES = 3;
/** Files left by a process that no longer runs, or older than this, are deleted at start. */
const STALE_MS = 24 * 60 * 60 * 1000;
/** The folder under the temp directory that holds every process's import files. */
export const IMPORT_FILES_FOLDER = 'coalition-desk-imports';

export interface ImportFile {
  id: string;
  entity: ImportEntity;
  fileName: string;
  path: string;
  /** The workspace it was uploaded for: its files go when it closes. */
  workspace: string;
  size: number;
  received: number;
  /** What `imports.open` read (once it has). */
  table?: ImportTable | undefined;
  /**
   * The last dry run, by plan and the change log's last sequence number when it ran, and the file
   * its planned records were spilled to (`plannedPath`; null when they could not be), which the
   * import replays when both match.
   */
  checked?: { key: string; seq: number; check: ImportCheck; planned: string | null } | undefined;
}

/** Where a dry run spills the records it planned: beside the upload, 0600 like it. */
export function plannedPath(file: Pick<ImportFile, 'path'>): string {
  return `${file.path}.planned`;
}

/** Forgets the file's dry run and deletes what it spilled (a new dry run, a new open, the import itself). */
export async function forgetCheck(file: ImportFile): Promise<void> {
  file.checked = undefined;
  // One that cannot be deleted is not replayed (and goes with the process's folder).
  await rm(plannedPath(file), { force: true }).catch(() => undefined);
}

const files = new Map<string, ImportFile>();

/** This process's folder: `<pid>-<random>`, so a later start can tell whether its owner still runs. */
let folder: Promise<string> | null = null;

function processFolder(): Promise<string> {
  folder ??= (async () => {
    const root = join(tmpdir(), IMPORT_FILES_FOLDER);
    await mkdir(root, { recursive: true, mode: 0o700 });
    const mine = join(root, `${process.pid}-${randomUUID().slice(0, 8)}`);
    await mkdir(mine, { mode: 0o700 });
    // A process that ends normally takes its files along; a crash leaves them to the next start.
    process.once('exit', () => rmSync(mine, { recursive: true, force: true }));
    return mine;
  })();
  return folder;
}

/** The file of the workspace's database connection: uploads belong to it. */
async function workspacePath(ctx: Pick<CallContext, 'db'>): Promise<string> {
  const { rows } = await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(ctx.db);
  return rows[0]?.file ?? '';
}

function refused(path: string, message: string): AppError {
  return new AppError('validation', message, { issues: [{ path, message }] });
}

export async function beginImportFile(ctx: Pick<CallContext, 'db'>, input: { entity: ImportEntity; fileName: string; size: number }): Promise<{ importId: string }> {
  const id = randomUUID();
  const path = join(await processFolder(), `${id}.upload`);
  // Exclusive create, readable by this user only.
  const handle = await open(path, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
  await handle.close();
  const workspace = await workspacePath(ctx);
  files.set(id, { id, entity: input.entity, fileName: input.fileName, path, workspace, size: input.size, received: 0 });
  const mine = [...files.values()].filter((file) => file.workspace === workspace);
  for (const old of mine.slice(0, Math.max(0, mine.length - MAX_IMPORT_FILES))) await discardImportFile(old.id);
  return { importId: id };
}

/** The file under this id, or a not_found error that says what to do. */
export function importFile(importId: string): ImportFile {
  const found = files.get(importId);
  if (!found) {
    throw new AppError('not_found', 'This file is no longer open for import (it was imported, closed, or replaced by newer files). Open it again.', {
      issues: [{ path: 'importId', message: 'No file is open under this id.' }],
    });
  }
  return found;
}

/** Strict base64 (what the renderer's FileReader produces): anything else means the piece did not arrive intact. */
function decodeBase64(data: string): Buffer {
  if (data.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(data)) {
    throw refused('data', 'The file could not be read: a piece of it did not arrive intact (it is not valid base64). Choose the file again.');
  }
  return Buffer.from(data, 'base64');
}

export async function appendImportFile(input: { importId: string; offset: number; data: string }): Promise<{ received: number; size: number }> {
  const file = importFile(input.importId);
  if (input.offset !== file.received) {
    throw refused(
      'offset',
      `This piece starts at byte ${input.offset.toLocaleString('en')}, but ${file.received.toLocaleString('en')} bytes have arrived so far: pieces must arrive in order. Choose the file again.`,
    );
  }
  const bytes = decodeBase64(input.data);
  if (file.received + bytes.length > file.size) {
    throw refused('data', `This piece goes past the end of the file: it was announced as ${file.size.toLocaleString('en')} bytes. Choose the file again.`);
  }
  const handle = await open(file.path, constants.O_WRONLY | constants.O_APPEND);
  try {
    await handle.write(bytes);
  } finally {
    await handle.close();
  }
  file.received += bytes.length;
  return { received: file.received, size: file.size };
}

/** The file, once every byte has arrived. */
export function completeImportFile(importId: string): ImportFile {
  const file = importFile(importId);
  if (file.received !== file.size) {
    throw refused('importId', `The file has not finished uploading: ${file.received.toLocaleString('en')} of ${file.size.toLocaleString('en')} bytes have arrived.`);
  }
  return file;
}

export async function discardImportFile(importId: string): Promise<void> {
  const file = files.get(importId);
  if (!file) return;
  files.delete(importId);
  await rm(file.path, { force: true });
  await forgetCheck(file);
}

/** Deletes the import files of a workspace that closes (`db`: its connection, still open). */
export async function discardWorkspaceImportFiles(ctx: Pick<CallContext, 'db'>): Promise<void> {
  // A workspace that can no longer answer still closes; its files go when the process ends.
  const workspace = await workspacePath(ctx).catch(() => null);
  if (workspace === null) return;
  for (const file of [...files.values()]) if (file.workspace === workspace) await discardImportFile(file.id);
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Deletes the folders of processes that no longer run, and any older than a day (a crash, a
 * power cut). Best effort: a folder that cannot be read or removed is left for the next start.
 */
export async function sweepImportFiles(): Promise<void> {
  const root = join(tmpdir(), IMPORT_FILES_FOLDER);
  const entries = await readdir(root).catch(() => [] as string[]);
  const mine = folder ? await folder.catch(() => null) : null;
  for (const name of entries) {
    const path = join(root, name);
    if (path === mine) continue;
    const pid = Number(name.split('-')[0]);
    const info = await stat(path).catch(() => null);
    if (!info) continue;
    const stale = Date.now() - info.mtimeMs > STALE_MS;
    // Another process reusing this pid left a folder only after a restart: the day limit takes it.
    if (stale || !Number.isInteger(pid) || (pid !== process.pid && !running(pid))) await rm(path, { recursive: true, force: true }).catch(() => undefined);
  }
}
