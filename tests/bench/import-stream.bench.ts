import { closeSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, bench, describe } from 'vitest';
import { MAX_IMPORT_CHUNK_BYTES, type ImportPlan } from '@shared/directory/imports';
import { createBackend } from '../../electron/backend/backend';
import { seededRandom } from '../../electron/backend/sample/random';
import { ok } from '../support/backend';
import { tempDir } from '../support/workspace';

// A huge import, streamed (issue 7): a CSV of IMPORT_STREAM_ROWS organizations (2,000,000 by
// default, over 300 MB) written to a temp folder, uploaded in pieces the way the renderer sends
// it, then imports.open, imports.check (with every row creating: no duplicate index; and with
// duplicates skipped: the index of every row's match keys) and imports.run through the real
// backend. Prints rows/s and the peak RSS and heap sampled during each step (every 50 ms), and the
// peak live heap (sampled after a full garbage collection, every 10 s: more often, the collections
// of a gigabyte of duplicate index would be most of the time measured), against the file's size:
// the point is that memory does not grow with the file (only the duplicate index grows, with the
// rows' keys). IMPORT_STREAM_RUN=0 leaves out the run.

const ROWS = Number(process.env['IMPORT_STREAM_ROWS'] ?? 2_000_000);
const RUN = process.env['IMPORT_STREAM_RUN'] !== '0';
const tmp = tempDir('coalition-bench-import-stream-');
const backend = await createBackend({ workspacePath: join(tmp.dir, 'stream.coalition'), create: true });

afterAll(async () => {
  await backend.close();
  tmp.cleanup();
});

// A full collection on demand, for the live heap (what the import holds, not garbage waiting).
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;

// ---------------------------------------------------------------------------------------------
// The file, written a block of rows at a time (never held whole).

const CITIES = ['São Paulo', 'Riverside', 'Lakeshore', 'Cedar Valley', 'Northgate', 'Mesa Verde', 'Harbor City', 'San José', 'Española', 'Montréal', 'Bogotá', 'Springfield'];
const WORDS = ['Family Services', 'Justice Project', 'Legal Aid Society', 'Community Health Center', 'Neighbors Association', 'Interfaith Council', 'Youth Council', 'Mutual Aid Network'];
const SECTORS = ['Nonprofit', 'Community & grassroots', 'Government & policy', 'Private sector'];
const STAGES = ['Identified', 'Contacted', 'Engaged', 'Member'];
const TAGS = ['clinic', 'bilingual', 'rapid-response', 'funder', 'press contact', 'rural', 'youth-led'];
const NOTES = ['Met at the spring forum; follow up about the housing campaign and the “Know your rights” clinic.', 'Runs a food pantry on Saturdays, bilingual staff.', ''];

const path = join(tmp.dir, 'partners.csv');
const generateStart = performance.now();
{
  const random = seededRandom(2026);
  const fd = openSync(path, 'w');
  writeSync(fd, 'Organization name,Sector,Stage,City,Email,Website,Tags,Notes\r\n');
  let block: string[] = [];
  for (let i = 0; i < ROWS; i++) {
    const name = `${random.pick(WORDS)} ${i}`;
    const tags = [random.pick(TAGS), random.pick(TAGS)].join('; ');
    block.push(`${name},${random.pick(SECTORS)},${random.pick(STAGES)},${random.pick(CITIES)},contact${i}@partner${i}.example.org,https://www.partner${i}.example.org,"${tags}","${random.pick(NOTES)}"`);
    if (block.length === 10_000) {
      writeSync(fd, `${block.join('\r\n')}\r\n`);
      block = [];
    }
  }
  if (block.length > 0) writeSync(fd, `${block.join('\r\n')}\r\n`);
  closeSync(fd);
}
const size = statSync(path).size;
console.log(`[import-stream bench] ${ROWS.toLocaleString('en')} rows, ${mb(size)} written in ${((performance.now() - generateStart) / 1000).toFixed(1)} s`);

// ---------------------------------------------------------------------------------------------
// Each step with its memory sampled.

async function measured<T>(name: string, work: () => Promise<T>): Promise<T> {
  collect();
  let peakRss = 0;
  let peakHeap = 0;
  let peakLive = 0;
  const sample = () => {
    const { rss, heapUsed } = process.memoryUsage();
    peakRss = Math.max(peakRss, rss);
    peakHeap = Math.max(peakHeap, heapUsed);
  };
  const sampleLive = () => {
    collect();
    peakLive = Math.max(peakLive, process.memoryUsage().heapUsed);
  };
  sampleLive();
  const timers = [setInterval(sample, 50), setInterval(sampleLive, 10_000)];
  const started = performance.now();
  try {
    return await work();
  } finally {
    const seconds = (performance.now() - started) / 1000;
    for (const timer of timers) clearInterval(timer);
    sample();
    console.log(
      `[import-stream bench] ${name}: ${seconds.toFixed(1)} s, ${Math.round(ROWS / seconds).toLocaleString('en')} rows/s; peak RSS ${mb(peakRss)}, peak heap ${mb(peakHeap)}, peak live heap ${mb(peakLive)} (file ${mb(size)})`,
    );
  }
}

const baseline = process.memoryUsage();
console.log(`[import-stream bench] before: RSS ${mb(baseline.rss)}, heap ${mb(baseline.heapUsed)}; load average ${loadavg()[0]?.toFixed(1)}`);

const importId = await measured('upload (3 MB pieces)', async () => {
  const { importId: id } = await ok(backend, 'imports.begin', { entity: 'organization', fileName: 'partners.csv', size });
  const fd = openSync(path, 'r');
  const piece = Buffer.alloc(MAX_IMPORT_CHUNK_BYTES);
  for (let offset = 0; offset < size; ) {
    const read = readSync(fd, piece, 0, piece.length, offset);
    await ok(backend, 'imports.append', { importId: id, offset, data: piece.subarray(0, read).toString('base64') });
    offset += read;
  }
  closeSync(fd);
  return id;
});

const preview = await measured('imports.open', () => ok(backend, 'imports.open', { importId }));
if (preview.rowCount !== ROWS) throw new Error(`expected ${ROWS} rows, the file has ${preview.rowCount}`);
const plan = (duplicates: ImportPlan['duplicates']) => ({ importId, entity: 'organization', mapping: preview.mapping, duplicates }) as ImportPlan;

const created = await measured('imports.check, every row created (no duplicate index)', () => ok(backend, 'imports.check', plan('create')));
if (created.created !== ROWS) throw new Error(`expected ${ROWS} created, got ${JSON.stringify(created).slice(0, 300)}`);
const skipped = await measured('imports.check, duplicates skipped (index of every key)', () => ok(backend, 'imports.check', plan('skip')));
if (skipped.created !== ROWS) throw new Error(`expected ${ROWS} created, got ${JSON.stringify(skipped).slice(0, 300)}`);
if (RUN) {
  const result = await measured('imports.run (one transaction)', () => ok(backend, 'imports.run', { ...plan('skip'), skipInvalid: false }));
  if (result.created !== ROWS) throw new Error(`expected ${ROWS} created, got ${JSON.stringify(result)}`);
}

// vitest's table: the first tenth of the file uploaded and read through again.
const tenth = Buffer.alloc(Math.ceil(size / 10));
{
  const fd = openSync(path, 'r');
  const read = readSync(fd, tenth, 0, tenth.length, 0);
  closeSync(fd);
  // Whole rows only.
  tenth.fill(0x20, tenth.lastIndexOf(0x0a, read) + 1);
}
describe('import stream', () => {
  bench(
    `upload and imports.open, ${mb(tenth.length)}`,
    async () => {
      const { importId: id } = await ok(backend, 'imports.begin', { entity: 'organization', fileName: 'tenth.csv', size: tenth.length });
      for (let offset = 0; offset < tenth.length; offset += MAX_IMPORT_CHUNK_BYTES) {
        await ok(backend, 'imports.append', { importId: id, offset, data: tenth.subarray(offset, offset + MAX_IMPORT_CHUNK_BYTES).toString('base64') });
      }
      await ok(backend, 'imports.open', { importId: id });
      await ok(backend, 'imports.discard', { importId: id });
    },
    { iterations: 2, warmupIterations: 0 },
  );
});
