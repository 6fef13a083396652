import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort as workerPort } from 'node:worker_threads';
import { Host } from './host';
import { isHostRequest, parseHostArgv, type HostResponse } from './protocol';

// The backend host's entry point. The same file runs in Electron's utilityProcess (messages on
// process.parentPort, wrapped in events) and in a worker thread for the web harness (messages
// on worker_threads' parentPort, bare).

interface Port {
  postMessage(message: HostResponse): void;
  onMessage(listener: (message: unknown) => void): void;
}

interface UtilityParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

function connect(): Port {
  const utility = (process as unknown as { parentPort?: UtilityParentPort }).parentPort;
  if (utility) {
    return { postMessage: (m) => utility.postMessage(m), onMessage: (l) => utility.on('message', (e) => l(e.data)) };
  }
  if (workerPort) {
    const port = workerPort;
    return { postMessage: (m) => port.postMessage(m), onMessage: (l) => port.on('message', l) };
  }
  throw new Error('The backend host must run in a utilityProcess or a worker thread.');
}

/** The backup-check worker built next to this entry (out/main/backupCheck.js), when there is one. */
function backupCheckWorker(): { backupCheckWorker?: string } {
  const script = join(import.meta.dirname, 'backupCheck.js');
  return existsSync(script) ? { backupCheckWorker: script } : {};
}

async function main(): Promise<void> {
  const port = connect();
  const host = new Host(
    { ...parseHostArgv(process.argv), appVersion: process.env.COALITION_APP_VERSION ?? '0.0.0', ...backupCheckWorker() },
    (event) => port.postMessage({ kind: 'event', event }),
  );
  // Queue requests until the start-up workspace is open; answer them in arrival order.
  let queue: Promise<void> = host.start().catch((error: unknown) => {
    console.error('[backend] the start-up workspace could not be opened:', error instanceof Error ? error.message : error);
  });
  port.onMessage((message) => {
    if (!isHostRequest(message)) {
      console.error('[backend] ignored a malformed host message');
      return;
    }
    queue = queue.then(async () => port.postMessage(await host.handle(message)));
  });
  await queue;
  port.postMessage({ kind: 'ready' });
}

void main();
