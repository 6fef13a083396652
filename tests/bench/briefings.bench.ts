import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, bench, describe } from 'vitest';
import { createBackend } from '../../electron/backend/backend';
import { RenderPool, renderPool, setRenderPool } from '../../electron/backend/briefings/pool';
import { SCALE_DIRECTORY, type DirectoryCounts } from '../../electron/backend/sample/directory';
import { ok } from '../support/backend';
import { tempDir } from '../support/workspace';

// A batch of 500 briefing packets on the policy bench's workspace — 8,000 officials, 20,000 bills
// with 100,000 status changes, 50,000 engagements (sample/policy.ts's generator) over the
// coalition-scale directory — plus 5,000 stories (sample/stories.ts), through the real backend
// `call` as the app makes it: startBatch (gathers the 500 packets in its call), then the render
// workers until the ZIP is ready. Targets: the batch done in ≤ 60 s, the process's peak RSS (the
// backend's thread and the workers) under 500 MB. The render workers are the built ones
// (out/main/briefingWorker.js, as in the app) when `npm run build` has run, else the TypeScript
// source through tsx. BRIEFINGS_BENCH_DIRECTORY=fifth builds a fifth of the directory (quicker).

const FIFTH: DirectoryCounts = { organizations: 20_000, people: 50_000, affiliations: 80_000, interactions: 100_000 };
const DIRECTORY = process.env['BRIEFINGS_BENCH_DIRECTORY'] === 'fifth' ? FIFTH : SCALE_DIRECTORY;
const DAY = '2026-06-01';
const BATCH = 500;
const TAG = '[briefings bench]';

const built = join(import.meta.dirname, '../../out/main/briefingWorker.js');
if (existsSync(built)) setRenderPool(new RenderPool({ script: built }, 2));
const workers = existsSync(built) ? 'the built render worker (out/main/briefingWorker.js)' : 'the render worker source through tsx';

const tmp = tempDir('coalition-bench-briefings-');
const path = join(tmp.dir, 'briefings.coalition');
const root = join(import.meta.dirname, '../..');
const module = (file: string) => JSON.stringify(pathToFileURL(join(root, file)).href);

// The workspace is generated in a child process (the generators hold hundreds of MB the batch
// never would), then opened here afresh, as the app opens a workspace. The child also sets up the
// ask: 500 officials spread over the whole list (every 16th), targeted by three campaigns with two
// approved messages for policymakers (and a draft) and five target bills each.
const SETUP = `
const { register } = await import(${JSON.stringify(pathToFileURL(join(dirname(createRequire(join(root, 'package.json')).resolve('tsx/esm/api')), 'index.mjs')).href)});
register({ tsconfig: ${JSON.stringify(join(root, 'tsconfig.node.json'))} });
const { createBackend } = await import(${module('electron/backend/backend.ts')});
const { generateDirectory, SCALE_DIRECTORY } = await import(${module('electron/backend/sample/directory.ts')});
const { generatePolicy, SCALE_POLICY } = await import(${module('electron/backend/sample/policy.ts')});
const { BENCH_STORIES, generateStories } = await import(${module('electron/backend/sample/stories.ts')});
const counts = process.env.BRIEFINGS_BENCH_DIRECTORY === 'fifth' ? ${JSON.stringify(FIFTH)} : SCALE_DIRECTORY;
const backend = await createBackend({ workspacePath: ${JSON.stringify(path)}, create: true });
const ok = async (method, input) => {
  const result = await backend.call(method, input);
  if (!result.ok) throw new Error(method + ': ' + result.error.message);
  return result.value;
};
const started = performance.now();
const directory = await backend.bulkLoad((sqlite) => generateDirectory(sqlite, { ...counts, seed: 2026 }));
const policy = await backend.bulkLoad((sqlite) => generatePolicy(sqlite, { ...SCALE_POLICY, seed: 5 }));
const stories = await backend.bulkLoad((sqlite) => generateStories(sqlite, BENCH_STORIES));
const stride = Math.max(1, Math.floor(policy.officialIds.length / ${BATCH}));
const officialIds = policy.officialIds.filter((_, i) => i % stride === 0).slice(0, ${BATCH});
const names = ['Clinics for every district', 'Homes before highways', 'Fair school meals'];
for (let c = 0; c < 3; c++) {
  const campaign = await ok('campaigns.save', { name: names[c], ask: 'Vote yes on the bills below and fund the programs the district depends on.', goalId: null, status: 'active', startsOn: '2026-01-01', endsOn: null, leadWorkingGroupId: null, notes: '' });
  for (let m = 0; m < 3; m++) {
    const message = await ok('campaigns.messages.save', {
      campaignId: campaign.id,
      audience: 'policymakers',
      title: 'Key message ' + (m + 1),
      message: 'Every dollar spent on community clinics saves three in emergency care; the district has waited long enough. '.repeat(2),
      talkingPoints: ['Ask for a yes vote.', 'Name the families in the district who depend on it.', 'Offer the cost study and a site visit.'],
      facts: [],
    });
    if (m < 2) await ok('campaigns.messages.approve', { id: message.id, approvedBy: 'Steering committee' });
  }
  await ok('policy.campaignTargets.set', {
    campaignId: campaign.id,
    bills: policy.billIds.slice(c * 5, c * 5 + 5).map((billId) => ({ billId, note: '' })),
    officials: officialIds.map((officialId) => ({ officialId, note: 'A deciding vote in committee.' })),
  });
}
await backend.close();
process.stdout.write(JSON.stringify({ directory, policy: SCALE_POLICY, stories, districts: BENCH_STORIES.districts, officialIds, seconds: (performance.now() - started) / 1000 }));
`;
const setup = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', SETUP], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: process.env })) as {
  directory: unknown;
  policy: unknown;
  stories: number;
  districts: number;
  officialIds: string[];
  seconds: number;
};
const officialIds = setup.officialIds;
console.log(
  `${TAG} directory ${DIRECTORY === FIFTH ? '(a fifth) ' : ''}${JSON.stringify(setup.directory)}; policy ${JSON.stringify(setup.policy)}; stories ${setup.stories} in ${setup.districts} districts; generated in ${setup.seconds.toFixed(1)} s (another process); ${workers}`,
);

const backend = await createBackend({ workspacePath: path });
afterAll(async () => {
  await renderPool().close();
  setRenderPool(null);
  await backend.close();
  tmp.cleanup();
});

let peak = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 25);
const { rss: before, heapTotal: heapBefore } = process.memoryUsage();
const cpu = process.cpuUsage();
const started = performance.now();
const job = await ok(backend, 'briefings.startBatch', { scope: { kind: 'officials', officialIds }, day: DAY });
const gathered = performance.now() - started;

// Other calls while the workers render: the backend's thread stays free.
const latencies: number[] = [];
let status = await ok(backend, 'briefings.batchStatus', { jobId: job.jobId });
while (status.state === 'rendering') {
  const t = performance.now();
  await ok(backend, 'policy.officials.get', { id: officialIds[latencies.length % officialIds.length] ?? '' });
  latencies.push(performance.now() - t);
  await new Promise((resolve) => setTimeout(resolve, 500));
  status = await ok(backend, 'briefings.batchStatus', { jobId: job.jobId });
}
const finished = performance.now() - started;
const used = process.cpuUsage(cpu);
const result = await ok(backend, 'briefings.batchResult', { jobId: job.jobId });
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);

const sorted = [...latencies].sort((a, b) => a - b);
const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? NaN;
const seconds = finished / 1000;
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
console.log(
  `${TAG} ${job.total} packets (${status.state}, ${status.failed.length} failed): gathered in ${(gathered / 1000).toFixed(1)} s, done in ${seconds.toFixed(1)} s (target ≤ 60 s)${seconds > 60 ? '  ← MISSED' : ''}; CPU ${((used.user + used.system) / 1e6).toFixed(1)} s over all threads; ZIP ${(result.content.length * 0.75 / 1024 / 1024).toFixed(1)} MB`,
);
console.log(`${TAG} peak RSS ${mb(peak)} MB (target < 500 MB)${peak >= 500 * 1024 * 1024 ? '  ← MISSED' : ''}, ${mb(before)} MB before the batch (of which JS heap ${mb(heapBefore)} MB)`);
// Wall time depends on what else the two cores run: the load average says how busy they were.
console.log(`${TAG} load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (1, 5, 15 min; 2 means two busy cores on a two-core machine)`);
console.log(`${TAG} an official's page while the workers render: p95 ${p95.toFixed(1)} ms (n=${latencies.length})`);

describe('briefing packets at scale', () => {
  bench('one packet (briefings.packet)', async () => {
    await ok(backend, 'briefings.packet', { officialId: officialIds[0] ?? '', day: DAY });
  });
});
