import { describe, expect, it } from 'vitest';
import { generateSample } from '../../../electron/backend/sample/generate';
import { generateStories } from '../../../electron/backend/sample/stories';
import { ok, useBackend } from '../../support/backend';

// The sample coalition's media and stories: outreach across every status, coverage, and stories
// whose consent varies (policymakers only, expired, withdrawn, anonymized, expiring soon).
describe('sample media and stories', () => {
  it('has outreach in every status, coverage, and stories with varied consent around 2026-11-01', async () => {
    const { backend } = await useBackend();
    await generateSample(backend, { seed: 7 });
    const items = await ok(backend, 'media.outreach.list', {});
    expect(items).toHaveLength(12);
    expect(new Set(items.map((i) => i.status))).toEqual(new Set(['idea', 'drafting', 'review', 'approved', 'published']));
    expect((await ok(backend, 'media.outlets.list', {})).length).toBe(4);
    expect((await ok(backend, 'media.coverage.list', {})).coverage).toHaveLength(4);

    const day = '2026-11-01';
    const all = await ok(backend, 'stories.list', { today: day });
    expect(all.total).toBe(12);
    const reasons = all.rows.flatMap((r) => (r.verdicts.policymakers.allowed ? [] : [r.verdicts.policymakers.reason]));
    expect(reasons).toEqual(
      expect.arrayContaining(['Consent was withdrawn on 2026-09-15.', 'Consent expired on 2026-02-01.', 'Consent has not been given.', 'The storyteller is anonymous, and the story has no anonymized version yet.']),
    );
    const usable = await ok(backend, 'stories.list', { today: day, usableFor: 'policymakers' });
    expect(usable.total).toBeGreaterThanOrEqual(5);
    expect((await ok(backend, 'stories.expiring', { today: day, days: 30 })).map((s) => s.expiresOn)).toEqual(['2026-11-20']);
  });

  it('bulk-loads 5,000 stories for benchmarks', async () => {
    const { backend } = await useBackend();
    await backend.bulkLoad((sqlite) => generateStories(sqlite, { count: 5000, seed: 3, districts: 50 }));
    expect((await ok(backend, 'stories.list', { today: '2026-11-01', limit: 1 })).total).toBe(5000);
  });
});
