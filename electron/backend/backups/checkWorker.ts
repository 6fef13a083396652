import { parentPort, workerData } from 'node:worker_threads';
import { verifyCopy } from './snapshot';

// Runs a backup's check (integrity_check and counts) in a worker thread: on a coalition-scale
// workspace it takes tens of seconds, and the host's own thread must keep answering calls.

const { path } = workerData as { path: string };
try {
  parentPort?.postMessage({ ok: true, facts: verifyCopy(path) });
} catch (error) {
  parentPort?.postMessage({ ok: false, code: (error as { code?: string }).code ?? 'workspace', message: error instanceof Error ? error.message : String(error) });
}
