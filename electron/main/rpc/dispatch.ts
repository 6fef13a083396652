import { SHELL_METHODS } from '@shared/contract';
import type { RpcResult } from '@shared/rpc';
import { isTrustedSender } from '../security/sender';

// What ipcMain's `coalition:call` handler does, as a pure function: check who is asking, answer
// shell methods here, relay everything else to the backend host, and never throw.

export type ShellMethod = (typeof SHELL_METHODS)[number];

export const REFUSED_MESSAGE = 'Refused: the request did not come from the app window.';

export interface DispatchDeps {
  /** Origins whose frames may call (see rendererSource). */
  allowedOrigins: readonly string[];
  shell: { [M in ShellMethod]: (input: unknown) => Promise<RpcResult> };
  host: { call(method: string, input: unknown): Promise<RpcResult> };
}

function isShellMethod(method: string): method is ShellMethod {
  return (SHELL_METHODS as readonly string[]).includes(method);
}

/**
 * Answers one renderer call. `frameUrl` is the sending frame's URL (null when the frame is
 * gone or is not the window's main frame). The host validates methods and inputs itself.
 */
export async function dispatchRendererCall(
  deps: DispatchDeps,
  frameUrl: string | null,
  method: unknown,
  input: unknown,
): Promise<RpcResult> {
  if (!isTrustedSender(frameUrl, deps.allowedOrigins)) return { ok: false, error: { code: 'internal', message: REFUSED_MESSAGE } };
  if (typeof method !== 'string') return { ok: false, error: { code: 'validation', message: 'The method name must be a string.' } };
  try {
    return isShellMethod(method) ? await deps.shell[method](input) : await deps.host.call(method, input);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'internal', message: `Something went wrong in the app shell: ${message}` } };
  }
}
