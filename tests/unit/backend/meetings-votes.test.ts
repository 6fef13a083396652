import { describe, expect, it } from 'vitest';
import { motionPasses, quorumMet, quorumNeeded, votesProblem } from '../../../electron/backend/meetings/votes';

describe('quorum', () => {
  it('needs at least the share of the body, rounding up to whole people', () => {
    expect(quorumNeeded(0.5, 9)).toBe(5);
    expect(quorumNeeded(0.5, 10)).toBe(5);
    expect(quorumNeeded(2 / 3, 9)).toBe(6);
    expect(quorumNeeded(1, 7)).toBe(7);
    expect(quorumMet(0.5, 5, 10)).toBe(true);
    expect(quorumMet(0.5, 4, 10)).toBe(false);
    expect(quorumMet(0.5, 4, 9)).toBe(false);
  });

  it('a body of nobody has no quorum', () => {
    expect(quorumNeeded(0.5, 0)).toBe(0);
    expect(quorumMet(0.5, 0, 0)).toBe(false);
    expect(quorumMet(0.5, 3, 0)).toBe(false);
  });

  it('a tiny share still needs one person', () => {
    expect(quorumNeeded(0.01, 10)).toBe(1);
    expect(quorumMet(0.01, 0, 10)).toBe(false);
  });
});

describe('majority', () => {
  const votes = (f: number, a: number, abstain = 0) => ({ votesFor: f, votesAgainst: a, votesAbstain: abstain });

  it('a simple majority is more than half of the votes cast; a tie fails', () => {
    expect(motionPasses(votes(6, 5), 0.5, true)).toBe(true);
    expect(motionPasses(votes(5, 5), 0.5, true)).toBe(false);
    expect(motionPasses(votes(1, 0), 0.5, true)).toBe(true);
  });

  it('abstentions are not votes cast', () => {
    expect(motionPasses(votes(3, 2, 10), 0.5, true)).toBe(true);
    expect(motionPasses(votes(0, 0, 10), 0.5, true)).toBe(false);
  });

  it('two thirds means at least two thirds', () => {
    expect(motionPasses(votes(2, 1), 2 / 3, true)).toBe(true);
    expect(motionPasses(votes(66, 34), 2 / 3, true)).toBe(false);
    expect(motionPasses(votes(67, 33), 2 / 3, true)).toBe(true);
  });

  it('without quorum nothing passes', () => {
    expect(motionPasses(votes(10, 0), 0.5, false)).toBe(false);
  });
});

describe('votes against attendance', () => {
  it('accepts up to the number present, abstentions included', () => {
    expect(votesProblem({ votesFor: 3, votesAgainst: 1, votesAbstain: 1 }, 5)).toBeNull();
  });

  it('refuses more votes than people present, with the numbers', () => {
    expect(votesProblem({ votesFor: 4, votesAgainst: 1, votesAbstain: 1 }, 5)).toBe(
      '6 votes were entered (for, against and abstaining), but only 5 people are marked present. Check the counts or the attendance.',
    );
    expect(votesProblem({ votesFor: 1, votesAgainst: 0, votesAbstain: 0 }, 0)).toBe('1 vote was entered, but no one is marked present at this meeting. Take attendance first.');
  });
});
