import type { AppEvent, RpcResult } from '@shared/rpc';

// Messages between the shell (or the web harness) and the backend host. The same protocol runs
// over a utilityProcess port in the app and a worker_threads port in the harness.

export type HostRequest =
  /** An RPC call from the renderer, relayed untouched (the host validates it). */
  | { kind: 'call'; id: number; method: string; input: unknown }
  /** Shell-only: open (or create) the workspace at a path the coordinator chose in a native dialog. */
  | { kind: 'open'; id: number; path: string; create: boolean }
  /** Shell-only: close the workspace before quitting. */
  | { kind: 'shutdown'; id: number }
  /** Shell-only: keep the open workspace's backups in a folder the coordinator chose in a native dialog. */
  | { kind: 'backupFolder'; id: number; path: string }
  /** Shell-only: write an encrypted backup file to a path chosen in a native Save dialog. */
  | { kind: 'exportEncrypted'; id: number; path: string; passphrase: string }
  /** Shell-only: restore from an encrypted backup file chosen in a native Open dialog. */
  | { kind: 'importEncrypted'; id: number; path: string; passphrase: string };

export type HostResponse =
  | { kind: 'ready' }
  | { kind: 'result'; id: number; result: RpcResult }
  | { kind: 'event'; event: AppEvent };

/** Arguments the host is started with (process.argv in both transports). */
export interface HostArgs {
  /** The workspace to open at start: the embedded default in the user-data folder. */
  workspace: string;
  /** Where the default and sample workspaces live. */
  workspacesDir: string;
}

export function hostArgv(args: HostArgs): string[] {
  return [`--workspace=${args.workspace}`, `--workspaces-dir=${args.workspacesDir}`];
}

export function parseHostArgv(argv: readonly string[]): HostArgs {
  const get = (name: string): string => {
    const prefix = `--${name}=`;
    const arg = argv.find((a) => a.startsWith(prefix));
    if (!arg || arg.length === prefix.length) throw new Error(`backend host: missing ${prefix}<path>`);
    return arg.slice(prefix.length);
  };
  return { workspace: get('workspace'), workspacesDir: get('workspaces-dir') };
}

export function isHostRequest(value: unknown): value is HostRequest {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  if (typeof m.id !== 'number') return false;
  switch (m.kind) {
    case 'call':
      return typeof m.method === 'string';
    case 'open':
      return typeof m.path === 'string' && typeof m.create === 'boolean';
    case 'shutdown':
      return true;
    case 'backupFolder':
      return typeof m.path === 'string';
    case 'exportEncrypted':
    case 'importEncrypted':
      return typeof m.path === 'string' && typeof m.passphrase === 'string';
    default:
      return false;
  }
}
