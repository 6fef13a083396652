import { describe, expect, it } from 'vitest';
import { generateSample } from '../../../electron/backend/sample/generate';
import { ok, useBackend } from '../../support/backend';

// The sample coalition's metrics: entered values for two years, targets, and a survey with two rounds.
describe('sample metrics', () => {
  it('has entered metrics with 24 monthly values, targets, and a survey with two rounds of responses', async () => {
    const { backend } = await useBackend();
    await generateSample(backend, { seed: 7 });
    const catalogue = await ok(backend, 'metrics.catalogue', {});
    const entered = catalogue.filter((m) => m.kind === 'entered');
    expect(entered.map((m) => [m.name, m.values])).toEqual([['Social-media engagement', 24], ['Website visits', 24]]);
    expect(catalogue.find((m) => m.key === 'policy_wins')?.goalTitle).toBe('Expand Medicaid mental-health coverage');
    const [survey] = await ok(backend, 'surveys.list', {});
    expect(survey).toMatchObject({ title: 'Member organization feedback', rounds: 2, questions: 4 });
    const full = await ok(backend, 'surveys.get', { id: survey?.id ?? '' });
    for (const round of full.rounds) expect(round.responses).toBeGreaterThan(5);
    const dashboard = await ok(backend, 'metrics.dashboard', { from: '2026-01-01', to: '2026-12-31' });
    expect(dashboard.headlines.find((h) => h.key === 'members')?.value).toBeGreaterThan(0);
    expect(dashboard.targets.length).toBeGreaterThanOrEqual(4);
  });
});
