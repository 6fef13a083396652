import { SHELL_METHODS } from '@shared/contract';
import type { RpcResult } from '@shared/rpc';
import type { DispatchDeps, ShellMethod } from '../../../electron/main/rpc/dispatch';

/** A shell answering every shell method through `answer`: tests keep working when a method is added. */
export function everyShellMethod(answer: (method: ShellMethod, input: unknown) => Promise<RpcResult>): DispatchDeps['shell'] {
  const table = {} as Record<ShellMethod, (input: unknown) => Promise<RpcResult>>;
  for (const method of SHELL_METHODS) table[method] = (input) => answer(method, input);
  return table;
}
