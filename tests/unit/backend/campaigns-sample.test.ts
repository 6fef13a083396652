import { describe, expect, it } from 'vitest';
import { generateSample } from '../../../electron/backend/sample/generate';
import { ok, useBackend } from '../../support/backend';

// The sample coalition's campaigns: every status but lost, partners, approved and draft messages,
// events on the meeting calendar, petitions with counts, grassroots totals by district.
describe('sample campaigns', () => {
  it('has five campaigns with partners, messages, events on the calendar, petitions and grassroots counts', async () => {
    const { backend } = await useBackend();
    await generateSample(backend, { seed: 7 });
    const campaigns = await ok(backend, 'campaigns.list', {});
    expect(campaigns.map((c) => [c.name, c.status])).toEqual([
      ['Just Cause Eviction Now', 'active'],
      ['Medicaid Mental Health Parity', 'active'],
      ['Advocates’ Academy', 'planning'],
      ['Free Transit Passes for Students', 'paused'],
      ['Count Every Family', 'won'],
    ]);
    const eviction = await ok(backend, 'campaigns.get', { id: campaigns[0]?.id ?? '' });
    expect(eviction.goal?.category).toBe('policy_change');
    expect(eviction.leadWorkingGroup?.name).toBe('Housing justice');
    expect(eviction.participants).toHaveLength(6);
    expect(eviction.messages.map((m) => m.status)).toEqual(['approved', 'approved', 'draft']);
    expect(eviction.events).toHaveLength(3);
    expect(eviction.petitions[0]).toMatchObject({ signatures: 8640, goal: 10000 });
    expect(eviction.grassroots.byDistrict[0]).toEqual({ district: 'Ward 7', total: 1390 });
    const { meetings } = await ok(backend, 'meetings.range', { from: '2026-10-24T00:00:00Z', to: '2026-10-25T00:00:00Z' });
    expect(meetings.map((m) => m.title)).toContain('Homes not notices rally');
  });
});
