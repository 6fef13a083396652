import { describe, expect, it } from 'vitest';
import type { Input } from '@shared/contract';
import type { Backend } from '../../../electron/backend/backend';
import { ok, useBackend, withSqlite } from '../../support/backend';

// The campaigns list's grassroots totals come from campaign_grassroots_totals, kept by triggers on
// grassroots_actions (017_read_indexes): they follow every save, correction, delete and undo, and
// always equal the counts summed afresh.

async function campaign(backend: Backend, name: string) {
  return ok(backend, 'campaigns.save', { name, ask: '', goalId: null, status: 'active', startsOn: null, endsOn: null, leadWorkingGroupId: null, notes: '' });
}

function count(campaignId: string, overrides: Partial<Input<'campaigns.grassroots.save'>> = {}): Input<'campaigns.grassroots.save'> {
  return { campaignId, kind: 'letter', count: 10, officialId: null, district: '', on: '2026-04-01', reportedByOrganizationId: null, notes: '', ...overrides };
}

async function totals(backend: Backend): Promise<Record<string, number>> {
  return Object.fromEntries((await ok(backend, 'campaigns.list', {})).map((c) => [c.name, c.grassrootsTotal]));
}

function summedAfresh(path: string): unknown {
  return withSqlite(path, (db) => ({
    kept: db.prepare('select id, actions, total from campaign_grassroots_totals order by id').all(),
    summed: db.prepare('select campaign_id as id, count(*) as actions, sum(count) as total from grassroots_actions group by campaign_id order by campaign_id').all(),
  }));
}

describe('campaigns list grassroots totals', () => {
  it('follow saves, corrections, deletes and undo', async () => {
    const { backend, path } = await useBackend();
    const counsel = await campaign(backend, 'Right to Counsel');
    const transit = await campaign(backend, 'Student transit passes');
    expect(await totals(backend)).toEqual({ 'Right to Counsel': 0, 'Student transit passes': 0 });

    const letters = await ok(backend, 'campaigns.grassroots.save', count(counsel.id, { count: 120 }));
    await ok(backend, 'campaigns.grassroots.save', count(counsel.id, { kind: 'call', count: 45 }));
    await ok(backend, 'campaigns.grassroots.save', count(transit.id, { kind: 'email', count: 300 }));
    expect(await totals(backend)).toEqual({ 'Right to Counsel': 165, 'Student transit passes': 300 });

    // A correction that changes the count and moves it to the other campaign.
    await ok(backend, 'campaigns.grassroots.save', count(transit.id, { id: letters.id, count: 100 }));
    expect(await totals(backend)).toEqual({ 'Right to Counsel': 45, 'Student transit passes': 400 });
    await ok(backend, 'history.undo', {});
    expect(await totals(backend)).toEqual({ 'Right to Counsel': 165, 'Student transit passes': 300 });

    const transitCounts = (await ok(backend, 'campaigns.grassroots.list', { campaignId: transit.id })).map((a) => a.id);
    for (const id of transitCounts) await ok(backend, 'campaigns.grassroots.delete', { id });
    expect(await totals(backend)).toEqual({ 'Right to Counsel': 165, 'Student transit passes': 0 });
    const { kept, summed } = summedAfresh(path) as { kept: unknown[]; summed: unknown[] };
    expect(kept).toEqual(summed);
    expect(kept).toHaveLength(1);
    await ok(backend, 'history.undo', {});
    expect(await totals(backend)).toEqual({ 'Right to Counsel': 165, 'Student transit passes': 300 });
    const after = summedAfresh(path) as { kept: unknown[]; summed: unknown[] };
    expect(after.kept).toEqual(after.summed);
  });
});
