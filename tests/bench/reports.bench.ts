import { join } from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { createBackend } from '../../electron/backend/backend';
import { generateDirectory, type DirectoryCounts } from '../../electron/backend/sample/directory';
import { generateMeetings, SCALE_MEETINGS } from '../../electron/backend/sample/meetings';
import { BENCH_METRICS, generateMetrics } from '../../electron/backend/sample/metrics';
import { writeCampaigns } from '../../electron/backend/sample/campaigns';
import type { Input, Method, Output } from '@shared/contract';
import { REPORT_SECTION_VALUES } from '@shared/reports/contract';
import { ok } from '../support/backend';
import { tempDir } from '../support/workspace';

// The impact report at coalition scale, measured backend-side through the real `call`: a year's
// report with every section (headline numbers, activities, successes, engagement, capacity,
// resources, stories, narrative, the member list) over generated data — a fifth of the
// coalition-scale directory (20,000 organizations, 4,000-odd of them members: the list prints the
// first 1,000), 5,000 meetings with ~100,000 invitations over three years, 200 entered metrics
// with five years of values and targets, the sample's campaigns (events, grassroots actions),
// and a year of trainings, contributions and in-kind gifts through the public methods (their
// areas have no bulk generator yet). Target: a report of 20+ pages with 10+ charts in ≤ 3 s. The
// digest of a month in all three formats is measured too.

const DIRECTORY: DirectoryCounts = { organizations: 20_000, people: 50_000, affiliations: 80_000, interactions: 100_000 };
const YEAR = { kind: 'year', from: '2026-01-01', to: '2026-12-31' } as const;
const MONTH = { kind: 'month', from: '2026-10-01', to: '2026-10-31' } as const;

const tmp = tempDir('coalition-bench-reports-');
const backend = await createBackend({ workspacePath: join(tmp.dir, 'reports.coalition'), create: true });
const started = performance.now();
const directory = await backend.bulkLoad((sqlite) => generateDirectory(sqlite, { ...DIRECTORY, seed: 2026 }));
const meetings = await backend.bulkLoad((sqlite) => generateMeetings(sqlite, { ...SCALE_MEETINGS, seed: 4, from: '2024-01-01', to: '2027-01-01', today: '2026-06-01' }));
const metrics = await backend.bulkLoad((sqlite) => generateMetrics(sqlite, BENCH_METRICS));
await supportYear();
console.log(`[reports bench] directory ${JSON.stringify(directory)}; meetings ${JSON.stringify(meetings)}; metrics ${JSON.stringify(metrics)}; generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);

type Call = <M extends Method>(method: M, input: Input<M>) => Promise<Output<M>>;

/** The sample's campaigns, and a year of trainings, contributions and in-kind gifts (2026). */
async function supportYear(): Promise<void> {
  const call: Call = (method, input) => ok(backend, method, input);
  await call('profile.save', { name: 'Eastside Health Equity Coalition', shortName: 'EHEC', region: 'Eastside', foundedOn: '2019-04-02' });
  await writeCampaigns(call);
  const members = (await call('organizations.list', { filters: { stage: ['member'] }, limit: 40 })).rows;
  const fund = await call('fundraising.create', { name: 'Coverage for All 2026', purpose: 'advocacy_campaign', campaignId: null, goalMinor: 25_000_000, currency: 'USD', startsOn: '2026-01-01', endsOn: '2026-12-31', leadOrganizationId: null, leadPersonId: null, notes: '' });
  const topics = ['advocacy_tactics', 'public_speaking', 'media_relations', 'engaging_policymakers'] as const;
  for (let month = 1; month <= 12; month++) {
    const day = `2026-${String(month).padStart(2, '0')}-12`;
    const member = members[month % Math.max(1, members.length)];
    await call('trainings.create', {
      title: `Training ${month}`,
      topic: topics[month % topics.length] ?? 'advocacy_tactics',
      format: 'in_person',
      trainerPersonId: null,
      trainerOrganizationId: null,
      startsAt: `${day}T15:00:00.000Z`,
      endsAt: `${day}T17:00:00.000Z`,
      timeZone: 'UTC',
      location: 'Eastside Library',
      videoUrl: '',
      description: '',
      materials: [],
      status: 'scheduled',
    });
    const pledge = await call('contributions.save', {
      contribution: { fundraisingCampaignId: fund.id, contributorType: 'member', contributorOrganizationId: member?.id ?? null, contributorPersonId: null, contributorName: member ? '' : 'A friend', pledgedMinor: 1_000_000 + month * 50_000, currency: 'USD', pledgedOn: day, restricted: false, restrictionNote: '', notes: '' },
    });
    await call('contributions.addPayment', { contributionId: pledge.id, amountMinor: 800_000 + month * 40_000, receivedOn: day, note: '' });
    await call('inKind.save', {
      inKind: { contributorOrganizationId: member?.id ?? null, contributorPersonId: null, kind: month % 3 === 0 ? 'volunteer_time' : month % 3 === 1 ? 'meeting_space' : 'technical_expertise', description: `Support in month ${month}`, hours: 4 + month, quantity: null, valueMinor: 20_000 * month, currency: 'USD', givenOn: day, supportedMeetingId: null, supportedCampaignId: null, supportedEventId: null, notes: '' },
    });
  }
}

afterAll(async () => {
  await backend.close();
  tmp.cleanup();
});

const narrative = Array.from({ length: 6 }, (_, i) => `Paragraph ${i + 1}: ${'The coalition met, listened and planned the next campaign with its members. '.repeat(5)}\n\n- A point to remember\n- Another one`).join('\n\n');
const report = await ok(backend, 'reports.create', {
  kind: 'impact',
  title: 'Impact report 2026',
  period: YEAR,
  audience: 'funders',
  sections: [...REPORT_SECTION_VALUES],
  challengesMd: narrative,
  nextStepsMd: narrative,
  getInvolvedMd: '',
});
const digest = await ok(backend, 'reports.create', { kind: 'digest', title: 'October update', period: MONTH, audience: 'members', sections: [], challengesMd: '', nextStepsMd: '', getInvolvedMd: 'Join a working group.' });

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? NaN;
}

/**
 * Wall time (p95) and this process's CPU time (median) per run. On a shared, busy machine the wall
 * time includes waiting for a core; the CPU time is the work itself (the backend is one thread),
 * which is what a quiet laptop's wall time comes close to.
 */
async function measure(label: string, targetMs: number, run: () => Promise<string>, rounds = 5): Promise<void> {
  let what = await run(); // warm the page cache, the statement cache and the fonts
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const t = performance.now();
    const c = process.cpuUsage();
    what = await run();
    const used = process.cpuUsage(c);
    samples.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  const value = p95(samples);
  const cpuMedian = [...cpu].sort((a, b) => a - b)[Math.floor(cpu.length / 2)] ?? NaN;
  const load = (await import('node:os')).loadavg()[0]?.toFixed(1);
  console.log(
    `[reports bench] ${label} (${what}): p95 ${value.toFixed(0)} ms wall (max ${Math.max(...samples).toFixed(0)} ms, n=${samples.length}), CPU ${cpuMedian.toFixed(0)} ms, load average ${load}; target ≤ ${targetMs} ms${value > targetMs ? (cpuMedian <= targetMs ? '  (missed in wall time only: the machine is busy)' : '  ← MISSED') : ''}`,
  );
}

await measure('impact report, a year, every section (reports.impactPdf)', 3000, async () => {
  const file = await ok(backend, 'reports.impactPdf', { id: report.id, pageSize: 'A4', today: '2027-01-15' });
  return `${file.pages} pages, ${file.charts} charts, ${((file.content.length * 0.75) / 1024).toFixed(0)} KB`;
});
await measure('its numbers and charts (reports.preview)', 1000, async () => {
  const preview = await ok(backend, 'reports.preview', { period: YEAR, audience: 'funders' });
  return `${preview.headlines.length} headlines`;
});
for (const format of ['pdf', 'html', 'markdown'] as const) {
  await measure(`digest of a month as ${format} (reports.digestExport)`, 1000, async () => {
    const file = await ok(backend, 'reports.digestExport', { id: digest.id, format, pageSize: 'A4' });
    return `${(file.content.length / 1024).toFixed(0)} KB`;
  });
}

describe('reports at scale', () => {
  bench('impact report PDF, a year', () => ok(backend, 'reports.impactPdf', { id: report.id, pageSize: 'A4' }).then(() => undefined), { iterations: 3 });
});
