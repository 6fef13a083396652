// The coalition's decision rules applied to one decision (pure, so the rules are tested on their own).
//
// - Quorum: at least `quorumShare` of the body must be present. A steering committee meeting
//   counts the present holders of a current steering term against the number of seats; any other
//   meeting counts the invitees marked present against the invitees. A body of nobody (no seats,
//   no invitees) has no quorum.
// - Majority: abstentions are not votes cast. A motion passes when quorum is met, at least one
//   vote was cast, the votes for are at least the majority share of the votes cast ("two thirds"
//   means 2 of 3 is enough) and more than the votes against, so a tie never passes (with the usual
//   one-half share that is "more than half").

export interface DecisionRules {
  quorumShare: number;
  ordinaryMajority: number;
  charterMajority: number;
}

/** What 007_structure seeds; used if the rules row is missing. */
export const DEFAULT_RULES: DecisionRules = { quorumShare: 0.5, ordinaryMajority: 0.5, charterMajority: 2 / 3 };

export interface Votes {
  votesFor: number;
  votesAgainst: number;
  votesAbstain: number;
}

// Shares are stored as reals (2/3 = 0.6666…): compare with a little room so 2 of 3 is two thirds.
const EPSILON = 1e-9;

/** The smallest head count that is at least `share` of `of` (0 when `of` is 0). */
export function quorumNeeded(share: number, of: number): number {
  return of <= 0 ? 0 : Math.max(1, Math.ceil(share * of - EPSILON));
}

export function quorumMet(share: number, present: number, of: number): boolean {
  return of > 0 && present >= quorumNeeded(share, of);
}

export function motionPasses(votes: Votes, majority: number, hasQuorum: boolean): boolean {
  const cast = votes.votesFor + votes.votesAgainst;
  if (!hasQuorum || cast === 0) return false;
  return votes.votesFor > votes.votesAgainst && votes.votesFor >= majority * cast - EPSILON;
}

/**
 * Why these votes cannot have been cast at a meeting with `present` people marked present, or
 * null when they can: every vote, abstentions included, is someone present.
 */
export function votesProblem(votes: Votes, present: number): string | null {
  const total = votes.votesFor + votes.votesAgainst + votes.votesAbstain;
  if (total <= present) return null;
  if (present === 0) return `${total} vote${total === 1 ? ' was' : 's were'} entered, but no one is marked present at this meeting. Take attendance first.`;
  return `${total} votes were entered (for, against and abstaining), but only ${present} ${present === 1 ? 'person is' : 'people are'} marked present. Check the counts or the attendance.`;
}
