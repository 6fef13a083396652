#!/usr/bin/env node
// `npm test`: every suite in order (typecheck, lint, Electron security scan, unit + component,
// build, e2e in Chromium), then one summary line `N passed, N failed` summing them all, which
// is what CI reads. A suite that cannot run counts as failed; later suites still run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = [];
const bin = (name) => `node_modules/.bin/${name}`;

function run(label, command, args, env = {}) {
  console.log(`\n━━ ${label}: ${[command, ...args].join(' ')}`);
  const child = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return child.status === 0;
}

/** A suite that is one check: it passes or fails as a whole. */
function check(label, command, args) {
  const ok = run(label, command, args);
  results.push({ label, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
  return ok;
}

/** A suite of many tests, counted from its JSON report; a missing report counts as one failure. */
function suite(label, command, args, reportPath, count, env) {
  rmSync(reportPath, { force: true });
  const ok = run(label, command, args, env);
  let counts = { passed: 0, failed: 0 };
  try {
    counts = count(JSON.parse(readFileSync(reportPath, 'utf8')));
  } catch {
    counts.failed += 1;
    console.error(`${label}: no report at ${reportPath}`);
  }
  if (!ok && counts.failed === 0) counts.failed = 1; // the runner failed outside any test
  results.push({ label, ...counts });
}

function ensureSystemPackages() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const missing = [!existsSync(chromium) && 'chromium', !existsSync('/usr/bin/pdftoppm') && 'poppler-utils'].filter(Boolean);
  if (missing.length === 0) return true;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    console.error(`Missing system packages: install them with \`sudo apt-get install -y ${missing.join(' ')}\` (or set CHROMIUM_PATH).`);
    return false;
  }
  console.log(`Installing ${missing.join(', ')} from Debian…`);
  return (
    run('apt-get update', 'apt-get', ['update', '-qq']) &&
    run('apt-get install', 'apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { DEBIAN_FRONTEND: 'noninteractive' })
  );
}

mkdirSync('test-results', { recursive: true });
const systemReady = ensureSystemPackages();
results.push({ label: 'system packages', passed: systemReady ? 1 : 0, failed: systemReady ? 0 : 1 });
check('native modules', 'node', ['scripts/native-for.mjs', 'node']);
check('typecheck', bin('tsc'), ['-b']);
check('lint', bin('eslint'), ['--max-warnings=0', '.']);
check('electronegativity', 'node', ['scripts/check-electronegativity.mjs']);
suite('unit + component', bin('vitest'), ['run', '--reporter=default', '--reporter=json', '--outputFile=test-results/vitest.json'], 'test-results/vitest.json', (r) => ({
  passed: r.numPassedTests,
  failed: r.numFailedTests + (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
}));
const built = check('build', bin('electron-vite'), ['build']);
if (built && systemReady) {
  suite('e2e (Chromium)', bin('playwright'), ['test'], 'test-results/e2e-report.json', (r) => ({
    passed: r.stats.expected,
    failed: r.stats.unexpected + r.stats.flaky + r.stats.skipped,
  }));
} else {
  results.push({ label: 'e2e (Chromium)', passed: 0, failed: 1 });
}

console.log('\n━━ Summary');
for (const r of results) console.log(`  ${r.failed ? '✗' : '✓'} ${r.label.padEnd(20)} ${r.passed} passed, ${r.failed} failed`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
