import type { Kysely } from 'kysely';
import type { Method, Output, ParsedInput } from '@shared/contract';
import type { HOST_METHODS, SHELL_METHODS } from '@shared/contract';
import type { Database } from '../db/schema';
import type { Writer } from '../db/writer';

/** What a handler works with: the call's transaction and the change-recording writer. */
export interface CallContext {
  db: Kysely<Database>;
  write: Writer;
  /** The call's timestamp (ISO-8601), the same for every record it touches. */
  now: string;
  /** Who makes the call (the coordinator's name as the app knows it; '' when unknown). */
  actor: string;
  /** Reports how far a long call (an import) has got; the renderer shows it as a progress bar. */
  progress(task: string, done: number, total: number, message?: string): void;
}

/** Methods answered by the workspace backend (the host and the shell answer the others). */
export type BackendMethod = Exclude<Method, (typeof HOST_METHODS)[number] | (typeof SHELL_METHODS)[number]>;

export type Handler<M extends Method> = (input: ParsedInput<M>, ctx: CallContext) => Promise<Output<M>>;

/** A domain's handlers: each domain folder exports one of these for its methods. */
export type Handlers<M extends BackendMethod> = { [K in M]: Handler<K> };
