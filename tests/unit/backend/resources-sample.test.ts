import { describe, expect, it } from 'vitest';
import { SAMPLE_SEED } from '../../../electron/backend/host/host';
import { generateDirectory, SAMPLE_DIRECTORY } from '../../../electron/backend/sample/directory';
import { generateSample } from '../../../electron/backend/sample/generate';
import { generateResources } from '../../../electron/backend/sample/resources';
import { ok, useBackend } from '../../support/backend';
import { countRows, foreignKeyProblems } from '../../support/people';

describe('resources sample data', () => {
  it('gives the sample coalition fundraising in USD with one EUR gift apart, grants due near its today, trainings in the calendar and requests at every stage', async () => {
    const { backend, path } = await useBackend();
    await generateSample(backend, { seed: SAMPLE_SEED });
    const campaigns = await ok(backend, 'fundraising.list', {});
    expect(campaigns).toHaveLength(3);
    const coverage = campaigns.find((c) => c.name === 'Coverage for All 2026');
    expect(coverage?.otherCurrencies).toEqual([{ currency: 'EUR', contributions: 1, pledgedMinor: 1_000_000, receivedMinor: 1_000_000, outstandingMinor: 0 }]);
    expect(coverage?.progress.receivedMinor).toBeGreaterThan(0);
    expect((await ok(backend, 'fundraising.get', { id: coverage?.id ?? '' })).campaignName).toBe('Medicaid Mental Health Parity');
    // Every in-kind gift says what it supported: a meeting, a campaign, or a public event with its campaign.
    const { rows: inKind } = await ok(backend, 'inKind.list', {});
    expect(inKind.map((k) => [k.supportedMeeting !== null, k.supportedCampaign !== null, k.supportedEvent !== null])).toEqual([
      [false, true, true],
      [false, true, false],
      [false, true, false],
      [false, true, false],
      [true, false, false],
    ]);
    expect(new Set((await ok(backend, 'grants.list', {})).map((g) => g.status))).toEqual(new Set(['prospect', 'drafting', 'submitted', 'awarded', 'declined']));
    expect((await ok(backend, 'grants.due', { today: '2026-11-01' })).map((d) => d.daysLeft)).toEqual([-5, -3, 12, 25]);
    const { total, rows: trainings } = await ok(backend, 'trainings.list', {});
    expect(total).toBe(6);
    expect(trainings).toHaveLength(6);
    expect(trainings.filter((t) => t.averageRating !== null)).toHaveLength(4);
    expect(countRows(path, 'meetings', "type = 'training' and id in (select meeting_id from trainings)")).toBe(6);
    const { rows: requests } = await ok(backend, 'assistance.list', { today: '2026-11-01', openOnly: false });
    expect(new Set(requests.map((r) => r.status))).toEqual(new Set(['open', 'assigned', 'in_progress', 'resolved', 'closed']));
    expect(foreignKeyProblems(path)).toEqual([]);
  });

  it('bulk-loads the bench volume with consistent links', async () => {
    const { backend, path } = await useBackend();
    await backend.bulkLoad((sqlite) => generateDirectory(sqlite, { ...SAMPLE_DIRECTORY, seed: 7 }));
    const counts = await backend.bulkLoad((sqlite) => generateResources(sqlite, { contributions: 2_000, trainings: 300, attendees: 12, seed: 9, from: '2024-01-01', to: '2027-01-01', today: '2026-11-01' }));
    expect(counts.contributions).toBe(2_000);
    expect(counts.trainings).toBe(300);
    expect(countRows(path, 'contribution_payments')).toBe(counts.payments);
    expect(countRows(path, 'meetings', "type = 'training'")).toBe(300);
    expect(foreignKeyProblems(path)).toEqual([]);
    // The reads stay right at volume: pledged ≥ received per currency, never mixed.
    for (const row of await ok(backend, 'fundraising.list', {})) {
      expect(row.progress.currency).toBe('USD');
      expect(row.otherCurrencies.every((o) => o.currency !== 'USD')).toBe(true);
      expect(row.progress.pledgedMinor).toBeGreaterThanOrEqual(row.progress.receivedMinor);
    }
  });
});
