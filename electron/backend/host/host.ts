import { rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { contract, HOST_METHODS } from '@shared/contract';
import { AppError } from '@shared/errors';
import type { AppEvent, RpcResult } from '@shared/rpc';
import type { WorkspaceInfo } from '@shared/workspace/contract';
import { createBackend, type Backend } from '../backend';
import { validationError } from '@shared/validation';
import { toErrorPayload } from '../rpc/errors';
import { generateSample } from '../sample/generate';
import type { HostArgs, HostRequest, HostResponse } from './protocol';

export const SAMPLE_FILE = 'sample-coalition.coalition';
export const SAMPLE_SEED = 20261126;

interface Open {
  backend: Backend;
  isSample: boolean;
}

export interface HostOptions extends HostArgs {
  appVersion: string;
  validateOutputs?: boolean;
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

  constructor(
    private readonly options: HostOptions,
    private readonly emit: (event: AppEvent) => void,
  ) {}

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
      case 'call':
        return this.#call(request.method, request.input);
    }
  }

  async #call(method: string, input: unknown): Promise<unknown> {
    if ((HOST_METHODS as readonly string[]).includes(method)) {
      const hostMethod = method as (typeof HOST_METHODS)[number];
      // Checked against the contract like every backend method (an absent input means none).
      const parsed = contract[hostMethod].input.safeParse(input === undefined ? {} : input);
      if (!parsed.success) throw validationError(hostMethod, parsed.error, 'input');
      return this.#hostMethod(hostMethod);
    }
    const open = this.#requireOpen();
    const result = await open.backend.call(method, input);
    if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.details);
    return result.value;
  }

  async #hostMethod(method: (typeof HOST_METHODS)[number]): Promise<WorkspaceInfo> {
    switch (method) {
      case 'workspace.info':
        return this.#info();
      case 'workspace.openSample':
        await this.#switchTo(join(this.options.workspacesDir, SAMPLE_FILE), { create: true, announce: true, sample: true });
        return this.#info();
      case 'workspace.openDefault':
        await this.#switchTo(this.options.workspace, { create: true, announce: true });
        return this.#info();
    }
  }

  #info(): WorkspaceInfo {
    const open = this.#requireOpen();
    return {
      fileName: basename(open.backend.workspace.path),
      path: open.backend.workspace.path,
      schemaVersion: open.backend.workspace.schemaVersion,
      isSample: open.isSample,
      appVersion: this.options.appVersion,
    };
  }

  #requireOpen(): Open {
    if (this.#open) return this.#open;
    throw this.#openError ?? new AppError('workspace', 'No workspace is open.');
  }

  async #switchTo(path: string, how: { create: boolean; announce: boolean; sample?: boolean }): Promise<void> {
    const current = this.#open?.backend.workspace.path;
    if (current === path) return;
    let backend: Backend | null = null;
    try {
      backend = await createBackend({ workspacePath: path, create: how.create, validateOutputs: this.options.validateOutputs ?? false, onEvent: this.emit });
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
      if (!this.#open) this.#openError = failure;
      throw failure;
    }
    await this.#close();
    this.#open = { backend, isSample: how.sample ?? false };
    this.#openError = null;
    if (how.announce) this.emit({ type: 'workspace-changed', fileName: basename(path) });
  }

  async #close(): Promise<void> {
    const open = this.#open;
    this.#open = null;
    await open?.backend.close();
  }
}
