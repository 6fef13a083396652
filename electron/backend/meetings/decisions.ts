import { randomUUID } from 'node:crypto';
import { AppError } from '@shared/errors';
import type { Decision, DecisionInput, Invitee, Quorum } from '@shared/meetings/contract';
import type { MeetingsTable } from '../db/schema';
import type { CallContext } from '../rpc/handlers';
import { chunks, localDate, requireMeetingRow, type Db } from './common';
import { inviteesOf } from './invitees';
import { DEFAULT_RULES, motionPasses, quorumMet, quorumNeeded, votesProblem, type DecisionRules } from './votes';

async function decisionRules(ctx: Db): Promise<DecisionRules> {
  const row = await ctx.db.selectFrom('decision_rules').selectAll().where('id', '=', 'rules').executeTakeFirst();
  return row ? { quorumShare: row.quorum_share, ordinaryMajority: row.ordinary_majority, charterMajority: row.charter_majority } : DEFAULT_RULES;
}

/**
 * Quorum at a meeting (see votes.ts): a steering committee meeting counts the people present who
 * hold a current steering term on the meeting's day against the number of seats; any other
 * meeting counts the people present against the people invited.
 */
export async function quorumOf(ctx: Db, meeting: Pick<MeetingsTable, 'type' | 'starts_at' | 'time_zone'>, invitees: readonly Invitee[]): Promise<Quorum> {
  const { quorumShare } = await decisionRules(ctx);
  const present = invitees.filter((i) => i.attendance === 'present').map((i) => i.personId);
  if (meeting.type !== 'steering') {
    return { basis: 'invited', present: present.length, of: invitees.length, needed: quorumNeeded(quorumShare, invitees.length), met: quorumMet(quorumShare, present.length, invitees.length) };
  }
  const day = localDate(meeting.starts_at, meeting.time_zone);
  const seats = Number((await ctx.db.selectFrom('steering_seats').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const holders = new Set<string>();
  for (const batch of chunks(present)) {
    const rows = await ctx.db
      .selectFrom('steering_terms')
      .select('person_id')
      .where('person_id', 'in', batch)
      .where('start_date', '<=', day)
      .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', day)]))
      .execute();
    for (const row of rows) if (row.person_id) holders.add(row.person_id);
  }
  return { basis: 'steering', present: holders.size, of: seats, needed: quorumNeeded(quorumShare, seats), met: quorumMet(quorumShare, holders.size, seats) };
}

export async function decisionsOf(ctx: Db, meetingId: string): Promise<Decision[]> {
  const rows = await ctx.db.selectFrom('decisions').selectAll().where('meeting_id', '=', meetingId).orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    meetingId: r.meeting_id,
    text: r.text,
    motion: r.motion,
    kind: r.kind as Decision['kind'],
    votesFor: r.votes_for,
    votesAgainst: r.votes_against,
    votesAbstain: r.votes_abstain,
    quorumMet: r.quorum_met === 1,
    passed: r.passed === 1,
  }));
}

/**
 * Records (or changes) a decision. Quorum and the result are computed here from the attendance
 * and the decision rules as they are when the decision is saved, and stored with it: a later
 * change of attendance or rules does not rewrite what was decided (saving it again recomputes).
 */
export async function saveDecision(ctx: CallContext, input: DecisionInput): Promise<Decision> {
  const meeting = await requireMeetingRow(ctx, input.meetingId, 'meetingId');
  if (input.id) {
    const existing = await ctx.db.selectFrom('decisions').select('meeting_id').where('id', '=', input.id).executeTakeFirst();
    if (!existing || existing.meeting_id !== input.meetingId) {
      throw new AppError('not_found', `Decision ${input.id} does not exist at this meeting (it may have been deleted).`, { issues: [{ path: 'id', message: 'This decision does not exist.' }] });
    }
  }
  const invitees = await inviteesOf(ctx, meeting);
  const present = invitees.filter((i) => i.attendance === 'present').length;
  const problem = votesProblem(input, present);
  if (problem) throw new AppError('validation', problem, { issues: [{ path: 'votesFor', message: problem }] });
  const quorum = await quorumOf(ctx, meeting, invitees);
  const rules = await decisionRules(ctx);
  const passed = motionPasses(input, input.kind === 'charter' ? rules.charterMajority : rules.ordinaryMajority, quorum.met);
  const columns = {
    text: input.text,
    motion: input.motion,
    kind: input.kind,
    votes_for: input.votesFor,
    votes_against: input.votesAgainst,
    votes_abstain: input.votesAbstain,
    quorum_met: quorum.met ? 1 : 0,
    passed: passed ? 1 : 0,
    updated_at: ctx.now,
  };
  const id = input.id ?? randomUUID();
  if (input.id) await ctx.write.update('decisions', id, columns);
  else await ctx.write.insert('decisions', { id, meeting_id: input.meetingId, ...columns, created_at: ctx.now });
  const saved = (await decisionsOf(ctx, input.meetingId)).find((d) => d.id === id);
  if (!saved) throw new AppError('internal', 'The decision was not saved.');
  return saved;
}

export async function deleteDecision(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  if (!(await ctx.write.remove('decisions', id))) {
    throw new AppError('not_found', `Decision ${id} does not exist (it may have been deleted).`, { issues: [{ path: 'id', message: 'This decision does not exist.' }] });
  }
  return { deleted: true };
}
