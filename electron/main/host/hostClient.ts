import { isRpcErrorPayload } from '@shared/errors';
import type { AppEvent, RpcResult } from '@shared/rpc';
import type { HostRequest, HostResponse } from '../../backend/host/protocol';

// The shell's side of the backend host protocol: ids and pending calls, the start-up handshake,
// event relay, and restarts after a crash. Pure: it talks to a HostPort, which is a utilityProcess
// in the app (see utilityHost.ts) and a fake in the unit tests.

/** One running host process. */
export interface HostPort {
  postMessage(message: HostRequest): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number) => void): void;
  kill(): void;
}

export interface HostClientOptions {
  /** Starts a host process (always with the same arguments). */
  start: () => HostPort;
  /** Receives the host's events (progress, workspace changes). */
  onEvent: (event: AppEvent) => void;
  /** Restarts allowed within `restartWindowMs` before the client gives up. */
  maxRestarts?: number;
  restartWindowMs?: number;
  now?: () => number;
  log?: (message: string) => void;
}

export function hostFailure(message: string): RpcResult<never> {
  return { ok: false, error: { code: 'internal', message } };
}

export const SHUTTING_DOWN_MESSAGE = 'Coalition Desk is closing; the request was not run.';

function isRpcResult(value: unknown): value is RpcResult {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return r.ok === true ? 'value' in r : r.ok === false && isRpcErrorPayload(r.error);
}

function isHostResponse(value: unknown): value is HostResponse {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  switch (m.kind) {
    case 'ready':
      return true;
    case 'result':
      return typeof m.id === 'number' && isRpcResult(m.result);
    case 'event':
      return typeof m.event === 'object' && m.event !== null && typeof (m.event as Record<string, unknown>).type === 'string';
    default:
      return false;
  }
}

export class HostClient {
  readonly #options: Required<Omit<HostClientOptions, 'log'>> & Pick<HostClientOptions, 'log'>;
  #port: HostPort | null = null;
  /** Requests wait here until the host says it is ready. */
  #queue: HostRequest[] = [];
  #ready = false;
  #pending = new Map<number, (result: RpcResult) => void>();
  #nextId = 1;
  #restarts: number[] = [];
  #shuttingDown = false;
  /** Set after a crash: the new host opened the start-up workspace, which the window must be told. */
  #announceWorkspace = false;
  #exitWaiters: (() => void)[] = [];

  constructor(options: HostClientOptions) {
    this.#options = { maxRestarts: 3, restartWindowMs: 60_000, now: Date.now, ...options };
    this.#port = this.#spawn();
  }

  /** Relays an RPC call; resolves with the host's RpcResult, or an `internal` failure if the host dies. */
  call(method: string, input: unknown): Promise<RpcResult> {
    return this.#request((id) => ({ kind: 'call', id, method, input }));
  }

  /** Opens (or creates) the workspace at `path`; resolves with workspace info on success. */
  open(path: string, create: boolean): Promise<RpcResult> {
    return this.#request((id) => ({ kind: 'open', id, path, create }));
  }

  /** Keeps the open workspace's backups in a folder the coordinator chose in a native dialog. */
  backupFolder(path: string): Promise<RpcResult> {
    return this.#request((id) => ({ kind: 'backupFolder', id, path }));
  }

  /** Writes an encrypted backup file to a path the coordinator chose in a native Save dialog. */
  exportEncrypted(path: string, passphrase: string): Promise<RpcResult> {
    return this.#request((id) => ({ kind: 'exportEncrypted', id, path, passphrase }));
  }

  /** Restores from an encrypted backup file the coordinator chose in a native Open dialog. */
  importEncrypted(path: string, passphrase: string): Promise<RpcResult> {
    return this.#request((id) => ({ kind: 'importEncrypted', id, path, passphrase }));
  }

  /** Asks the host to close the workspace; resolves when it has answered or exited. No restarts after this. */
  async shutdown(): Promise<void> {
    if (this.#shuttingDown) return;
    const answered = this.#request((id) => ({ kind: 'shutdown', id }));
    this.#shuttingDown = true;
    if (!this.#port) return;
    const exited = new Promise<void>((resolve) => this.#exitWaiters.push(resolve));
    await Promise.race([answered, exited]);
  }

  /** Ends the host process at once (after shutdown, or when it does not answer). */
  kill(): void {
    this.#shuttingDown = true;
    this.#port?.kill();
  }

  #request(build: (id: number) => HostRequest): Promise<RpcResult> {
    if (this.#shuttingDown) return Promise.resolve(hostFailure(SHUTTING_DOWN_MESSAGE));
    if (!this.#port) {
      return Promise.resolve(hostFailure('The backend has stopped and could not be restarted. Quit and reopen Coalition Desk.'));
    }
    const request = build(this.#nextId++);
    return new Promise<RpcResult>((resolve) => {
      this.#pending.set(request.id, resolve);
      if (this.#ready) this.#port?.postMessage(request);
      else this.#queue.push(request);
    });
  }

  #spawn(): HostPort {
    const port = this.#options.start();
    this.#ready = false;
    port.onMessage((message) => this.#receive(port, message));
    port.onExit((code) => this.#exited(port, code));
    return port;
  }

  #receive(port: HostPort, message: unknown): void {
    if (port !== this.#port) return; // a late message from a host that was replaced
    if (!isHostResponse(message)) {
      this.#options.log?.('backend host: ignored a malformed message');
      return;
    }
    switch (message.kind) {
      case 'ready': {
        this.#ready = true;
        const queued = this.#queue;
        this.#queue = [];
        for (const request of queued) port.postMessage(request);
        if (this.#announceWorkspace) this.#announceOpenWorkspace();
        return;
      }
      case 'result': {
        const resolve = this.#pending.get(message.id);
        this.#pending.delete(message.id);
        resolve?.(message.result);
        return;
      }
      case 'event':
        this.#options.onEvent(message.event);
        return;
    }
  }

  #exited(port: HostPort, code: number): void {
    if (port !== this.#port) return;
    this.#port = null;
    this.#ready = false;
    this.#queue = [];
    for (const resolve of this.#exitWaiters.splice(0)) resolve();

    const restart = !this.#shuttingDown && this.#mayRestart();
    const failure = this.#shuttingDown
      ? hostFailure(SHUTTING_DOWN_MESSAGE)
      : hostFailure(
          restart
            ? `The backend stopped unexpectedly (exit code ${code}) and is restarting. Try again in a moment.`
            : `The backend stopped unexpectedly (exit code ${code}) and could not be restarted. Quit and reopen Coalition Desk.`,
        );
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const resolve of pending) resolve(failure);

    if (this.#shuttingDown) return;
    this.#options.log?.(`backend host exited with code ${code}${restart ? '; restarting' : '; giving up'}`);
    if (!restart) return;
    this.#announceWorkspace = true;
    try {
      this.#port = this.#spawn();
    } catch (error) {
      this.#options.log?.(`backend host could not be restarted: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * A restarted host has the start-up workspace open, which may not be the one the window
   * shows: ask which it is and tell the window, so nothing is entered into the wrong coalition.
   */
  #announceOpenWorkspace(): void {
    this.#announceWorkspace = false;
    void this.call('workspace.info', {}).then((result) => {
      const info = result.ok ? (result.value as { fileName?: unknown } | null) : null;
      if (typeof info?.fileName === 'string') this.#options.onEvent({ type: 'workspace-changed', fileName: info.fileName });
    });
  }

  /** True unless the host already crashed maxRestarts times within the window (a crash loop). */
  #mayRestart(): boolean {
    const now = this.#options.now();
    this.#restarts = this.#restarts.filter((t) => now - t < this.#options.restartWindowMs);
    if (this.#restarts.length >= this.#options.maxRestarts) return false;
    this.#restarts.push(now);
    return true;
  }
}
