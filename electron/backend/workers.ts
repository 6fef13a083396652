import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

// Finding and starting the backend's worker_threads (briefings/pool.ts's render workers, the
// import's row converter in directory/imports/rows.ts): the same script built by electron-vite
// next to the backend's bundle, or, running from the repository (tests, benches, `tsx`), its
// TypeScript source through tsx.

/** How to start a worker: a script's path, or (eval) the code of a small loader. */
export interface WorkerLauncher {
  script: string;
  eval?: boolean;
}

/**
 * Where a worker is: `built` (an entry of electron.vite.config.ts, e.g. 'briefingWorker.js') next
 * to the backend's bundle (in `from` or its parent: `from` is the calling module's folder, which is
 * out/main or its chunks folder once built); else, running from the repository, the TypeScript
 * `source(from)` through tsx with the project's path aliases; else null (the caller works on its
 * own thread).
 */
export function findWorker(built: string, from: string | undefined, source: (from: string) => string): WorkerLauncher | null {
  // A bundle without import.meta.dirname (a CommonJS build of the backend): no worker.
  const here = import.meta.dirname as string | undefined;
  if (from === undefined || here === undefined) return null;
  for (const dir of [from, dirname(from)]) {
    const script = join(dir, built);
    if (existsSync(script)) return { script };
  }
  const script = source(from);
  if (!existsSync(script)) return null;
  // The repository's root (this file is electron/backend/workers.ts).
  const root = join(here, '..', '..');
  let api: string;
  try {
    // require.resolve finds the CommonJS build; the worker imports its ES module beside it.
    api = join(dirname(createRequire(join(root, 'package.json')).resolve('tsx/esm/api')), 'index.mjs');
  } catch {
    return null;
  }
  // tsx registered inside the worker (Node 20 does not apply --import hooks to a worker's entry),
  // with the project's tsconfig for the @shared alias.
  const url = (path: string) => JSON.stringify(pathToFileURL(path).href);
  const tsconfig = JSON.stringify(join(root, 'tsconfig.node.json'));
  return { script: `import(${url(api)}).then(({ register }) => { register({ tsconfig: ${tsconfig} }); return import(${url(script)}); });`, eval: true };
}

/** Starts a worker found by `findWorker`. */
export function launchWorker(launcher: WorkerLauncher, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  return new Worker(launcher.script, { ...options, eval: launcher.eval ?? false });
}
