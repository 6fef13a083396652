import { describe, expect, it } from 'vitest';
import type { CharterDiff } from '@shared/charter/contract';
import { seededRandom, type Random } from '../../../electron/backend/sample/random';
import { ok, useBackend } from '../../support/backend';

// Property: the word-level parts of a text change are the whole story. The parts that were not
// added spell the old text, the parts that were not removed spell the new one — for any edit.

const WORDS = ['coalition', 'housing', 'care', 'rights', 'every', 'resident', 'fair', 'funded', 'services', 'we', 'win', 'and', 'the', 'clinic', 'équité', 'mental-health'];
const GLUE = [' ', ' ', ' ', '  ', ', ', '. ', '\n', ' — ', ';'];

function sentence(random: Random, words: number): string {
  let out = '';
  for (let i = 0; i < words; i++) out += random.pick(WORDS) + (i < words - 1 ? random.pick(GLUE) : '.');
  return out;
}

/** A few random insertions, deletions and replacements of words, spaces and punctuation. */
function edit(random: Random, text: string): string {
  const tokens = text.split(/(\s+|[,.;—])/).filter((t) => t !== '');
  const edits = random.int(1, 6);
  for (let e = 0; e < edits; e++) {
    const at = random.int(0, tokens.length);
    switch (random.int(0, 3)) {
      case 0:
        tokens.splice(at, 0, random.pick(GLUE), random.pick(WORDS));
        break;
      case 1:
        tokens.splice(at, random.int(1, 3));
        break;
      case 2:
        tokens.splice(at, 1, random.pick(WORDS));
        break;
      default:
        tokens.splice(at, 1, random.pick(GLUE));
    }
  }
  return tokens.join('');
}

function sides(change: NonNullable<CharterDiff['mission']>): { before: string; after: string } {
  return {
    before: change.parts.filter((p) => !p.added).map((p) => p.value).join(''),
    after: change.parts.filter((p) => !p.removed).map((p) => p.value).join(''),
  };
}

describe('charter text diffs', () => {
  it('reassemble into the old and the new text for random edits (40 seeds)', async () => {
    const { backend } = await useBackend();
    let checked = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const random = seededRandom(seed);
      const oldMission = sentence(random, random.int(3, 40));
      const oldVision = sentence(random, random.int(1, 12));
      const newMission = edit(random, oldMission);
      const newVision = random.int(0, 3) === 0 ? oldVision : edit(random, oldVision);

      await ok(backend, 'charter.saveDraft', { mission: oldMission, vision: oldVision, values: [`seed ${seed}`], goals: [] });
      const version = await ok(backend, 'charter.adopt', { adoptedOn: '2026-01-01', note: `seed ${seed}` });
      await ok(backend, 'charter.saveDraft', { mission: newMission, vision: newVision, values: [`seed ${seed}`], goals: [] });
      const diff = await ok(backend, 'charter.compare', { from: version.number, to: 'draft' });

      for (const [field, before, after] of [
        ['mission', oldMission, newMission],
        ['vision', oldVision, newVision],
      ] as const) {
        const change = diff[field];
        if (before === after) {
          expect(change, `seed ${seed} ${field}`).toBeNull();
          continue;
        }
        if (!change) throw new Error(`seed ${seed}: ${field} changed but the diff has no change`);
        expect(sides(change), `seed ${seed} ${field}`).toEqual({ before, after });
        for (const part of change.parts) expect(part.added && part.removed, `seed ${seed}: a part both added and removed`).toBe(false);
        expect(change.parts.some((p) => p.added || p.removed), `seed ${seed}: a change with no changed part`).toBe(true);
        checked++;
      }
      // And the other way round.
      const back = await ok(backend, 'charter.compare', { from: 'draft', to: version.number });
      if (back.mission) expect(sides(back.mission)).toEqual({ before: newMission, after: oldMission });
    }
    // The generator really produced changes to check.
    expect(checked).toBeGreaterThan(40);
  });
});
