import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import type { DraftInput } from '@shared/charter/contract';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { openWorkspace } from '../../electron/backend/db/connection';
import { Host, SAMPLE_SEED } from '../../electron/backend/host/host';
import { generateSample } from '../../electron/backend/sample/generate';
import { ok } from '../support/backend';
import { tempDir } from '../support/workspace';

// The backend's everyday operations on real workspace files, as the app runs them (outputs are
// not re-checked against the contract, as in production). Everything lives in one temp folder,
// removed at the end.

const tmp = tempDir('coalition-bench-');
let fileNumber = 0;
const newFile = (label: string) => join(tmp.dir, `${label}-${fileNumber++}.coalition`);

/** A workspace holding the sample coalition: a profile, charter versions 1 and 2 and the draft. */
async function sampleBackend(path = newFile('sample')): Promise<Backend> {
  const backend = await createBackend({ workspacePath: path, create: true });
  await generateSample(backend, { seed: SAMPLE_SEED });
  return backend;
}

function goals(count: number, round: number): DraftInput['goals'] {
  const categories = ['policy_change', 'public_awareness', 'capacity_building'] as const;
  return Array.from({ length: count }, (_, i) => ({
    category: categories[i % categories.length] ?? 'policy_change',
    title: `Goal ${i + 1}, round ${round}`,
    description: 'Win a just-cause eviction ordinance in the two largest cities of the region. '.repeat(3),
    target: i % 2 ? null : { metric: 'People reached', value: 1000 * (i + 1), unit: 'people', dueOn: '2027-06-30' },
  }));
}

const existingPath = newFile('existing');
await (await sampleBackend(existingPath)).close();

const sample = await sampleBackend();

const editing = await createBackend({ workspacePath: newFile('edit'), create: true });
const base = await ok(editing, 'charter.saveDraft', { mission: 'Mission.', vision: 'Vision.', values: ['Equity'], goals: goals(20, 0) });
const replacing = await createBackend({ workspacePath: newFile('replace'), create: true });
let round = 0;

const hostDir = join(tmp.dir, 'host');
mkdirSync(hostDir);
const host = new Host({ workspace: join(hostDir, 'default.coalition'), workspacesDir: hostDir, appVersion: 'bench' }, () => undefined);
await host.start();
let requestId = 1;
const opened = await host.handle({ kind: 'call', id: requestId++, method: 'workspace.openSample', input: {} });
if (opened.kind !== 'result' || !opened.result.ok) throw new Error('the host could not open the sample');

afterAll(async () => {
  await sample.close();
  await editing.close();
  await replacing.close();
  await host.handle({ kind: 'shutdown', id: 0 });
  tmp.cleanup();
});

describe('workspace files', () => {
  bench('open + migrate a new workspace', async () => {
    const workspace = await openWorkspace(newFile('new'), { create: true });
    await workspace.close();
  });

  bench('open an existing workspace (the sample)', async () => {
    const workspace = await openWorkspace(existingPath, { create: false });
    await workspace.close();
  });
});

describe('charter calls (backend.call: validation, transaction, handler)', () => {
  bench('charter.getDraft', async () => {
    await ok(sample, 'charter.getDraft', {});
  });

  bench('charter.compare 1 → 2', async () => {
    await ok(sample, 'charter.compare', { from: 1, to: 2 });
  });

  bench('charter.saveDraft, 20 goals, one edited', async () => {
    round++;
    const edited = base.goals.map((goal, i) => (i === round % base.goals.length ? { ...goal, title: `Edited in round ${round}` } : goal));
    await ok(editing, 'charter.saveDraft', { mission: 'Mission.', vision: 'Vision.', values: ['Equity'], goals: edited });
  });

  bench('charter.saveDraft, 20 new goals replacing 20', async () => {
    round++;
    await ok(replacing, 'charter.saveDraft', { mission: 'Mission.', vision: 'Vision.', values: ['Equity'], goals: goals(20, round) });
  });
});

describe('host', () => {
  bench('RPC round trip through Host.handle (charter.getDraft)', async () => {
    const response = await host.handle({ kind: 'call', id: requestId++, method: 'charter.getDraft', input: {} });
    if (response.kind !== 'result' || !response.result.ok) throw new Error('the call failed');
  });
});

describe('sample data', () => {
  bench('generate the sample coalition (new file, then the sample through the RPC)', async () => {
    const backend = await createBackend({ workspacePath: newFile('generated'), create: true });
    await generateSample(backend, { seed: SAMPLE_SEED });
    await backend.close();
  });
});
