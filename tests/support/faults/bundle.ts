import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Runs child.cjs from a V8 code cache (compiled functions kept from a warm-up run), which cuts a
 * child's start-up by about a third. With FAULTS_MAKE_CACHE set it writes the cache once the
 * child prints "ready" and exits.
 */
const LOADER = `'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');
const file = path.join(__dirname, 'child.cjs');
const cacheFile = file + '.v8cache';
let cachedData;
try { cachedData = fs.readFileSync(cacheFile); } catch { cachedData = undefined; }
const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
const child = new Module(file, module);
child.filename = file;
child.paths = Module._nodeModulePaths(__dirname);
if (process.env.FAULTS_MAKE_CACHE) {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk, ...rest) => {
    if (String(chunk).includes('ready')) {
      fs.writeFileSync(cacheFile, script.createCachedData());
      process.exit(0);
    }
    return write(chunk, ...rest);
  };
}
script.runInThisContext().call(child.exports, child.exports, Module.createRequire(file), child, file, __dirname);
`;

/**
 * Bundles a fault-test child script (TypeScript, `@shared/*` imports) into one CommonJS file
 * once per test file, so each of the hundreds of child processes starts with a plain
 * `node run.cjs …`: no TypeScript loader, one file to parse instead of hundreds of modules, and
 * a V8 code cache made by one warm-up run (`warmUp(dir)` gives its arguments). `stubs` names
 * packages the child never loads for real (the crash writer imports CSV, never Excel: exceljs and
 * its dependencies are 1.7 of the bundle's 4 MB, a third of the start-up). Start-up to the
 * writer's "ready" is about 0.2 s on an idle machine instead of ~1 s through tsx. Only better-sqlite3 (native) stays
 * external and loads from the repository's node_modules, so the bundle lives under `<repo>/.tmp/`.
 */
export async function bundleScript(
  entry: string,
  { warmUp, stubs = [] }: { warmUp?: (dir: string) => string[]; stubs?: readonly string[] } = {},
): Promise<{ file: string; cleanup(): void }> {
  const base = join(root, '.tmp');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, 'faults-'));
  // Packages the child never uses, replaced by a module that throws if it ever does.
  const stub = join(dir, 'stub.cjs');
  writeFileSync(
    stub,
    `module.exports = new Proxy({}, { get(_, key) { if (key === '__esModule' || typeof key === 'symbol') return undefined; throw new Error('not bundled into this fault-test child: ' + String(key)); } });\n`,
  );
  await build({
    entryPoints: [resolve(root, entry)],
    outfile: join(dir, 'child.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // pdfkit finds its font metrics and colour profiles next to its own files: loaded from node_modules, not bundled.
    external: ['better-sqlite3', 'pdfkit', 'fontkit'],
    alias: { '@shared': resolve(root, 'shared'), ...Object.fromEntries(stubs.map((name) => [name, stub])) },
    logLevel: 'error',
  });
  const file = join(dir, 'run.cjs');
  writeFileSync(file, LOADER);
  if (warmUp) {
    const scratch = join(dir, 'warm-up');
    mkdirSync(scratch);
    spawnSync(process.execPath, [file, ...warmUp(scratch)], { env: { ...process.env, FAULTS_MAKE_CACHE: '1' }, stdio: 'ignore', timeout: 60_000 });
    rmSync(scratch, { recursive: true, force: true });
  }
  return { file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
