// Error codes that cross the RPC boundary. Every failure the renderer sees is one of these,
// with a human message and optional structured details — never a stack trace.
export const ERROR_CODES = ['validation', 'not_found', 'conflict', 'workspace', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface RpcErrorPayload {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** A field-level problem, as reported in `details.issues` of a validation error. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** Thrown by backend services for expected failures; turned into an RpcErrorPayload at the boundary. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toPayload(): RpcErrorPayload {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isRpcErrorPayload(value: unknown): value is RpcErrorPayload {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.message === 'string' && (ERROR_CODES as readonly unknown[]).includes(v.code);
}
