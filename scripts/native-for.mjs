#!/usr/bin/env node
// Usage: node scripts/native-for.mjs <electron|node>
//
// better-sqlite3 is a native module, built for one ABI at a time: Node's for the tests and the
// web harness, Electron's for `npm run dev` / `npm start`. This script makes sure the build in
// node_modules matches what comes next, and rebuilds only when it does not. A marker file
// remembers the current target, so the usual case (nothing to do) costs one file read.

import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MARKER = join(root, 'node_modules/.coalition-native-target');

const target = process.argv[2];
if (target !== 'node' && target !== 'electron') {
  console.error('usage: node scripts/native-for.mjs <electron|node>');
  process.exit(2);
}

/** The exact ABI we need: Node's module version, or the Electron version the app runs on. */
function wantedBuild() {
  if (target === 'node') return `node:${process.versions.modules}`;
  const { version } = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8'));
  return `electron:${version}`;
}

function readMarker() {
  try {
    return readFileSync(MARKER, 'utf8').trim();
  } catch {
    return null;
  }
}

/** Loads better-sqlite3 in a fresh Node process (a failed native load poisons the current one). */
function loadsInNode() {
  const probe = "const D = require('better-sqlite3'); new D(':memory:').prepare('select 1').get();";
  return spawnSync(process.execPath, ['-e', probe], { cwd: root, stdio: 'ignore' }).status === 0;
}

function run(command, args) {
  // npm and npx are .cmd scripts on Windows, which only a shell can start.
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error(`native-for: \`${command} ${args.join(' ')}\` failed`);
    process.exit(result.status ?? 1);
  }
}

function rebuild(reason) {
  console.log(`native-for: rebuilding better-sqlite3 for ${target} (${reason})`);
  if (target === 'node') {
    run('npm', ['rebuild', 'better-sqlite3']);
    if (!loadsInNode()) {
      console.error('native-for: better-sqlite3 still does not load in Node after the rebuild');
      process.exit(1);
    }
  } else {
    // Downloads Electron's headers and rebuilds every native dependency against them.
    run('npx', ['electron-builder', 'install-app-deps']);
  }
}

const wanted = wantedBuild();
const current = readMarker();
if (current !== wanted) {
  if (current !== null) rebuild(`it was built for ${current}`);
  else if (target === 'electron') rebuild('no record of its current build');
  // No record and Node wanted: a fresh `npm ci` builds for Node, so check before rebuilding.
  else if (!loadsInNode()) rebuild('it does not load in this Node');
  writeFileSync(MARKER, `${wanted}\n`);
}
