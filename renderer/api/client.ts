import type { Input, Method, Output } from '@shared/contract';
import type { ErrorCode, FieldIssue, RpcErrorPayload } from '@shared/errors';
import type { CoalitionBridge } from '@shared/rpc';

/** An RPC failure as the renderer sees it: the backend's code, message and field issues. */
export class RpcError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  /** Field-level problems of a validation error (`path` like 'goals.0.title'); empty otherwise. */
  readonly issues: FieldIssue[];

  constructor(payload: RpcErrorPayload) {
    super(payload.message);
    this.name = 'RpcError';
    this.code = payload.code;
    this.details = payload.details;
    this.issues = issuesOf(payload.details);
  }
}

function issuesOf(details: unknown): FieldIssue[] {
  if (typeof details !== 'object' || details === null) return [];
  const issues = (details as { issues?: unknown }).issues;
  if (!Array.isArray(issues)) return [];
  return issues.filter(
    (i): i is FieldIssue => typeof i === 'object' && i !== null && typeof (i as FieldIssue).path === 'string' && typeof (i as FieldIssue).message === 'string',
  );
}

function bridge(): CoalitionBridge {
  const found = window.coalition;
  if (!found) {
    throw new RpcError({ code: 'internal', message: 'Coalition Desk cannot reach its data service. Restart the app.' });
  }
  return found;
}

/**
 * Calls one backend method, typed from the shared contract: a renamed field breaks the build.
 * Resolves with the method's output; throws an RpcError for every failure.
 */
export async function call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  let result;
  try {
    result = await bridge().call(method, input);
  } catch (error) {
    // The bridge itself failed (host gone, harness unreachable): not an application error.
    if (error instanceof RpcError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new RpcError({ code: 'internal', message: `The data service did not answer: ${message}` });
  }
  if (!result.ok) throw new RpcError(result.error);
  // The backend validated the output against the same contract.
  return result.value as Output<M>;
}

/** Subscribes to events pushed by the host; a no-op when no bridge is present. */
export function subscribe(listener: Parameters<CoalitionBridge['subscribe']>[0]): () => void {
  return window.coalition?.subscribe(listener) ?? (() => undefined);
}
