import { describe, expect, it } from 'vitest';
import type { Draft } from '@shared/charter/contract';
import { changeLog, useBackend } from '../../support/backend';
import { draftInput } from '../../support/samples';

// Calls that arrive together (the renderer does not wait for one to finish before sending the
// next) each run in their own transaction, one after the other: nothing is lost or interleaved.

describe('concurrent calls', () => {
  it('50 saves and reads at once all resolve, and the change log tells one consistent story', async () => {
    const { backend, path } = await useBackend();
    const calls = Array.from({ length: 50 }, (_, i) =>
      i % 2 === 0 ? backend.call('charter.saveDraft', draftInput({ mission: `Mission number ${i}.` })) : backend.call('charter.getDraft', {}),
    );
    const results = await Promise.all(calls);
    for (const [i, result] of results.entries()) expect(result.ok, `call ${i}: ${result.ok ? '' : result.error.message}`).toBe(true);

    const saved = new Set(Array.from({ length: 25 }, (_, k) => `Mission number ${2 * k}.`));
    for (const result of results) {
      if (!result.ok) continue;
      // Every read sees a whole draft some save wrote, never a mix of two.
      const draft = result.value as Draft;
      expect(saved.has(draft.mission)).toBe(true);
      expect(draft.goals.map((g) => g.title)).toEqual(draftInput().goals.map((g) => g.title));
    }

    const log = changeLog(path);
    const draftRows = log.filter((row) => row.entity === 'charter_draft');
    // One create and then one update per further save, each in its own batch.
    expect(draftRows.map((r) => r.action)).toEqual(['create', ...new Array<string>(24).fill('update')]);
    expect(new Set(draftRows.map((r) => r.batch)).size).toBe(25);
    // Each update starts where the previous change left off.
    for (let i = 1; i < draftRows.length; i++) {
      expect(JSON.parse(draftRows[i]?.before_json ?? 'null')).toEqual(JSON.parse(draftRows[i - 1]?.after_json ?? 'null'));
    }
    // Each save replaced the goals: the log's goal rows come in whole batches shared with the draft change.
    const batchesWithGoals = new Set(log.filter((r) => r.entity === 'charter_goal').map((r) => r.batch));
    for (const batch of batchesWithGoals) expect(draftRows.some((r) => r.batch === batch)).toBe(true);
    // Sequence numbers are gapless: no half-written call left a hole.
    expect(log.map((r) => r.seq)).toEqual(log.map((_, i) => i + 1));

    // The draft left at the end is the one the last logged change wrote.
    const final = await backend.call('charter.getDraft', {});
    const lastAfter = JSON.parse(draftRows.at(-1)?.after_json ?? 'null') as { mission: string };
    expect(final.ok && (final.value as Draft).mission).toBe(lastAfter.mission);
  });
});
