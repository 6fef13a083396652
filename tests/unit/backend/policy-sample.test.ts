import { describe, expect, it } from 'vitest';
import { generateSample } from '../../../electron/backend/sample/generate';
import { ok, useBackend } from '../../support/backend';

// The sample coalition's policy area: officials in several scripts in the directory's districts,
// bills with histories and allocations, stances with history, engagements in the planner.
describe('sample policy', () => {
  it('has ~40 officials, 15 bills with histories, stance histories, district matches and engagements in the planner', async () => {
    const { backend } = await useBackend();
    await generateSample(backend, { seed: 7 });
    const all = { search: '', level: null, bodyId: null, party: null, committeeId: null };
    const officials = await ok(backend, 'policy.officials.list', { filters: all, offset: 0, limit: 500 });
    expect(officials.total).toBe(40);
    const names = officials.rows.map((o) => o.name);
    expect(names).toEqual(expect.arrayContaining(['Георгий Петров', 'Ελένη Παπαδοπούλου', 'Nguyễn Thị Hoa']));
    expect(names.some((n) => /[áéíóúñçøåäöüêôã]/i.test(n))).toBe(true);

    const bills = await ok(backend, 'policy.bills.list', { filters: { search: '', status: null, position: null, level: null }, offset: 0, limit: 100 });
    expect(bills.total).toBe(15);
    const mental = await ok(backend, 'policy.bills.get', { id: bills.rows.find((b) => b.identifier === 'AB 123')?.id ?? '' });
    expect(mental.statusHistory.map((h) => h.status)).toEqual(['passed_chamber', 'passed_committee', 'in_committee', 'introduced']);
    expect(mental.allocations.length).toBe(2);
    expect(mental.sponsors.length).toBeGreaterThan(0);

    // A stance that moved: two rows on the campaign, the later current.
    const first = await ok(backend, 'policy.officials.get', { id: officials.rows[0]?.id ?? '' });
    expect(first.stanceHistory.length).toBeGreaterThan(first.currentStances.length);
    const match = await ok(backend, 'policy.officials.districtMatch', { id: first.id, limit: 5 });
    expect(match.people).toBeGreaterThan(0);

    const engagements = await ok(backend, 'policy.engagements.list', { officialId: null, billId: null, campaignId: null, openFollowUps: false, offset: 0, limit: 100 });
    expect(engagements.total).toBe(24);
    const withMeeting = engagements.rows.filter((e) => e.meetingId !== null);
    expect(withMeeting.length).toBeGreaterThan(5);
    const meeting = await ok(backend, 'meetings.get', { id: withMeeting[0]?.meetingId ?? '' });
    expect(meeting.type).toBe('policymaker');
  });
});
