import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AppEvent, RpcResult } from '@shared/rpc';
import { hostArgv, type HostRequest, type HostResponse } from '../../../electron/backend/host/protocol';
import { APP_ORIGIN, appResponseHeaders, resolveAppPath } from '../../../electron/main/protocol/appUrl';
import { chooseFolder, ENCRYPTED_EXTENSION, exportEncrypted, importEncrypted, type BackupFileDeps } from '../../../electron/main/rpc/backupFiles';
import { showNotification } from '../../../electron/main/rpc/notify';

// The web harness: the real backend host in a worker thread, the built renderer over loopback
// HTTP, and a small script standing in for the preload (same `window.coalition` object, over
// fetch and server-sent events). Only the transport differs from the desktop app.

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const rendererDir = join(repo, 'out/renderer');
const hostEntry = join(repo, 'out/main/backendHost.js');
const bridgeScript = join(repo, 'tests/e2e/harness/bridge.js');
const MAX_BODY_BYTES = 16 * 1024 * 1024;

const dataDir = resolve(process.env.COALITION_WEB_DATA ?? join(repo, '.tmp/web'));
mkdirSync(dataDir, { recursive: true });
const requestedPort = Number(process.env.PORT ?? 5199);

const worker = new Worker(hostEntry, {
  argv: hostArgv({ workspace: join(dataDir, 'default.coalition'), workspacesDir: dataDir }),
  env: { ...process.env, COALITION_APP_VERSION: process.env.npm_package_version ?? 'web' },
});
const pending = new Map<number, (result: RpcResult) => void>();
const eventStreams = new Set<ServerResponse>();
let nextId = 1;

worker.on('message', (message: HostResponse) => {
  if (message.kind === 'result') {
    pending.get(message.id)?.(message.result);
    pending.delete(message.id);
  } else if (message.kind === 'event') {
    broadcast(message.event);
  }
});
worker.on('error', (error) => console.error('[harness] backend host failed:', error));
worker.on('exit', (code) => {
  for (const resolveCall of pending.values()) {
    resolveCall({ ok: false, error: { code: 'internal', message: `The backend stopped (exit ${code}).` } });
  }
  pending.clear();
});

/** A host request before it is numbered. */
type Unnumbered<T> = T extends unknown ? Omit<T, 'id'> : never;

function send(request: Unnumbered<HostRequest>): Promise<RpcResult> {
  const id = nextId++;
  return new Promise((resolveCall) => {
    pending.set(id, resolveCall);
    worker.postMessage({ ...request, id });
  });
}

// The backup methods the desktop shell answers with native dialogs. A browser has no such dialogs,
// so the stand-in "chooses" fixed places in the harness data folder: encrypted files are written
// to and read from <data>/backup-files (the newest one), a chosen backups folder is <data>/chosen-backups.
const backupFilesDir = join(dataDir, 'backup-files');
const backupFiles: BackupFileDeps = {
  chooseSavePath: (suggestedName) => {
    mkdirSync(backupFilesDir, { recursive: true });
    return Promise.resolve(join(backupFilesDir, suggestedName));
  },
  chooseOpenPath: () => {
    mkdirSync(backupFilesDir, { recursive: true });
    const newest = readdirSync(backupFilesDir)
      .filter((name) => name.endsWith(`.${ENCRYPTED_EXTENSION}`))
      .map((name) => ({ path: join(backupFilesDir, name), at: statSync(join(backupFilesDir, name)).mtimeMs }))
      .sort((a, b) => b.at - a.at)[0];
    return Promise.resolve(newest?.path ?? null);
  },
  chooseFolder: () => Promise.resolve(join(dataDir, 'chosen-backups')),
  host: {
    call: (method, input) => send({ kind: 'call', method, input }),
    backupFolder: (path) => send({ kind: 'backupFolder', path }),
    exportEncrypted: (path, passphrase) => send({ kind: 'exportEncrypted', path, passphrase }),
    importEncrypted: (path, passphrase) => send({ kind: 'importEncrypted', path, passphrase }),
  },
};
const shellStandIns: Record<string, (input: unknown) => Promise<RpcResult>> = {
  'backups.chooseFolder': (input) => chooseFolder(input, backupFiles),
  'backups.exportEncrypted': (input) => exportEncrypted(input, backupFiles),
  'backups.importEncrypted': (input) => importEncrypted(input, backupFiles),
  // A browser tab has no desktop notifications here: the app shows its in-app notice instead.
  'notifications.show': (input) => showNotification(input, { isSupported: () => false, show: () => undefined, focusWindow: () => undefined }),
};

function broadcast(event: AppEvent): void {
  for (const stream of eventStreams) stream.write(`data: ${JSON.stringify(event)}\n\n`);
}

const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    console.error('[harness]', error);
    if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
    res.end('Internal error');
  });
});

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  // Loopback only, and only under our own host name: no other site can drive the backend.
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : requestedPort;
  if (req.headers.host !== `127.0.0.1:${port}` && req.headers.host !== `localhost:${port}`) {
    res.writeHead(403).end('Forbidden host');
    return;
  }
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  if (req.method === 'POST' && path === '/rpc') return rpc(req, res, port);
  if (req.method === 'GET' && path === '/events') return events(req, res);
  if (req.method === 'GET' && path === '/harness-bridge.js') return serveFile(res, bridgeScript);
  if (req.method === 'GET') return serveRenderer(res, path);
  res.writeHead(405).end('Method not allowed');
}

async function rpc(req: IncomingMessage, res: ServerResponse, port: number): Promise<void> {
  const origin = req.headers.origin;
  if (origin && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
    res.writeHead(403).end('Forbidden origin');
    return;
  }
  const body = await readBody(req);
  let result: RpcResult;
  if (body === null) {
    result = { ok: false, error: { code: 'validation', message: `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.` } };
  } else {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = undefined;
    }
    const call = parsed as { method?: unknown; input?: unknown } | undefined;
    const standIn = typeof call?.method === 'string' && Object.hasOwn(shellStandIns, call.method) ? shellStandIns[call.method] : undefined;
    result = standIn
      ? await standIn(call?.input)
      : typeof call?.method === 'string'
        ? await send({ kind: 'call', method: call.method, input: call.input })
        : { ok: false, error: { code: 'validation', message: 'The request must be JSON: { "method": string, "input": … }.' } };
  }
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(result));
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolveBody(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function events(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  res.write(': connected\n\n');
  eventStreams.add(res);
  req.on('close', () => eventStreams.delete(res));
}

async function serveRenderer(res: ServerResponse, path: string): Promise<void> {
  // The same path rules as the app:// protocol in the desktop app.
  const resolved = resolveAppPath(rendererDir, `${APP_ORIGIN}${path}`);
  if (!resolved.ok) {
    res.writeHead(resolved.status).end('Refused');
    return;
  }
  if (resolved.filePath.endsWith('index.html')) {
    const html = await readFile(resolved.filePath, 'utf8').catch(() => null);
    if (html === null) return notBuilt(res);
    // The stand-in for the preload runs before the app's module script.
    const withBridge = html.replace('<head>', '<head>\n    <script src="/harness-bridge.js"></script>');
    res.writeHead(200, appResponseHeaders(resolved.filePath)).end(withBridge);
    return;
  }
  await serveFile(res, resolved.filePath);
}

async function serveFile(res: ServerResponse, filePath: string): Promise<void> {
  const content = await readFile(filePath).catch(() => null);
  if (content === null) {
    res.writeHead(404, appResponseHeaders(null)).end('Not found');
    return;
  }
  res.writeHead(200, appResponseHeaders(filePath)).end(content);
}

function notBuilt(res: ServerResponse): void {
  res.writeHead(503, appResponseHeaders(null)).end('The renderer is not built: run `npm run build` first.');
}

async function shutdown(): Promise<void> {
  await send({ kind: 'shutdown' });
  await worker.terminate();
  for (const stream of eventStreams) stream.end();
  server.close();
  process.exit(0);
}

process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());

server.listen(requestedPort, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : requestedPort;
  // The e2e fixture reads this line to find the server.
  console.log(`Coalition Desk web harness: http://127.0.0.1:${port}/ (workspaces in ${dataDir})`);
});
