import { statSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, bench, describe } from 'vitest';
import { createBackend } from '../../electron/backend/backend';
import { decryptFile, encryptFile } from '../../electron/backend/backups/encrypted';
import { existsSync } from 'node:fs';
import { copyFromFile, verifyCopy, verifyInWorker } from '../../electron/backend/backups/snapshot';
import { BackupStore } from '../../electron/backend/backups/store';
import { generateDirectory, SCALE_DIRECTORY } from '../../electron/backend/sample/directory';
import { tempDir } from '../support/workspace';

// Backups of a coalition-scale workspace (the directory bench's 100k organizations, 250k people,
// 1M interactions): how long a checked backup takes, how long the host's event loop is blocked
// at most meanwhile (calls wait that long), and the encrypted file both ways.

const tmp = tempDir('coalition-bench-backups-');
const path = join(tmp.dir, 'scale.coalition');
const backend = await createBackend({ workspacePath: path, create: true });
await backend.bulkLoad((sqlite) => generateDirectory(sqlite, { ...SCALE_DIRECTORY, seed: 2026 }));
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
console.log(`[backups bench] workspace ${mb(statSync(path).size)} MB (plus WAL)`);

afterAll(async () => {
  await backend.close();
  tmp.cleanup();
});

/** Runs `task` while measuring the longest gap between 10 ms ticks (the worst wait a call would see). */
async function withLoopProbe<T>(task: () => Promise<T>): Promise<{ value: T; seconds: number; longestBlockMs: number }> {
  let last = performance.now();
  let longest = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 10);
  const started = performance.now();
  try {
    const value = await task();
    // A block at the very end is not followed by a tick before the probe stops: count it too.
    longest = Math.max(longest, performance.now() - last);
    return { value, seconds: (performance.now() - started) / 1000, longestBlockMs: longest };
  } finally {
    clearInterval(probe);
  }
}

const store = new BackupStore(join(tmp.dir, 'backups'));
const copy = await withLoopProbe(() => copyFromFile(path)(join(tmp.dir, 'copy.coalition')));
const check = await withLoopProbe(() => Promise.resolve(verifyCopy(join(tmp.dir, 'copy.coalition'))));
const quick = await withLoopProbe(() => {
  const db = new SqliteDatabase(join(tmp.dir, 'copy.coalition'), { readonly: true });
  try {
    return Promise.resolve(db.pragma('quick_check', { simple: true }));
  } finally {
    db.close();
  }
});
const whole = await withLoopProbe(() => store.create('manual', copyFromFile(path)));
// As the app runs it: the check in the built worker (run `npx electron-vite build` first).
const workerScript = join(import.meta.dirname, '../../out/main/backupCheck.js');
const inWorker = existsSync(workerScript)
  ? await withLoopProbe(() => new BackupStore(join(tmp.dir, 'backups-worker'), { verify: verifyInWorker(workerScript) }).create('manual', copyFromFile(path)))
  : null;
const file = join(tmp.dir, 'scale.cdbackup');
const encrypt = await withLoopProbe(() => encryptFile(join(store.folder, whole.value.id), file, 'bench passphrase 2026'));
const decrypt = await withLoopProbe(() => decryptFile(file, join(tmp.dir, 'decrypted.coalition'), 'bench passphrase 2026'));
const ms = (s: number) => `${(s * 1000).toFixed(0)} ms`;
console.log(`[backups bench] backup file ${mb(whole.value.sizeBytes)} MB`);
console.log(`[backups bench] online copy: ${ms(copy.seconds)}, longest event-loop block ${copy.longestBlockMs.toFixed(0)} ms`);
console.log(`[backups bench] integrity_check + counts: ${ms(check.seconds)} (blocks the loop throughout)`);
console.log(`[backups bench] quick_check alone (for comparison): ${ms(quick.seconds)}`);
console.log(`[backups bench] checked backup (copy + check + sidecar + rotation): ${ms(whole.seconds)}, longest block ${whole.longestBlockMs.toFixed(0)} ms`);
console.log(
  inWorker
    ? `[backups bench] checked backup, check in the worker: ${ms(inWorker.seconds)}, longest block ${inWorker.longestBlockMs.toFixed(0)} ms`
    : '[backups bench] (build first to measure the check in its worker)',
);
console.log(`[backups bench] encrypted file (scrypt N=2^17 + AES-256-GCM stream): ${ms(encrypt.seconds)}, longest block ${encrypt.longestBlockMs.toFixed(0)} ms`);
console.log(`[backups bench] decrypt: ${ms(decrypt.seconds)}, longest block ${decrypt.longestBlockMs.toFixed(0)} ms`);

describe('backups at coalition scale', () => {
  bench('verify a backup (integrity_check + counts)', () => {
    verifyCopy(join(tmp.dir, 'copy.coalition'));
  }, { iterations: 1, warmupIterations: 0 });
});
