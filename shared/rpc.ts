import type { RpcErrorPayload } from './errors';
import type { Input, Method, Output } from './contract';

/** What crosses every boundary (host ↔ shell ↔ preload ↔ renderer) for one call. */
export type RpcResult<T = unknown> = { ok: true; value: T } | { ok: false; error: RpcErrorPayload };

/** Events pushed to the renderer. */
export type AppEvent =
  | { type: 'progress'; task: string; done: number; total: number; message?: string }
  | { type: 'workspace-changed'; fileName: string }
  /** A menu item whose work happens in the window (the passphrase is typed there). */
  | { type: 'menu-command'; command: MenuCommand };

/** What the File and Edit menus can ask the window to do. */
export type MenuCommand = 'backup-to-file' | 'restore-from-file' | 'undo-last-change';

/**
 * The one object the preload (or the harness stand-in) puts on `window.coalition`.
 * `call` resolves with an RpcResult and never rejects for application errors.
 */
export interface CoalitionBridge {
  call(method: string, input: unknown): Promise<RpcResult>;
  /** Subscribe to events; the returned function unsubscribes. */
  subscribe(listener: (event: AppEvent) => void): () => void;
}

/** The typed view of a call, used by the renderer's client. */
export type TypedCall = <M extends Method>(method: M, input: Input<M>) => Promise<Output<M>>;

/** The IPC channel names, shared by main and preload. */
export const IPC = { call: 'coalition:call', event: 'coalition:event' } as const;
