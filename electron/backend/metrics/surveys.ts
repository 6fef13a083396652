import { randomUUID } from 'node:crypto';
import type { QuestionInput, QuestionKind, QuestionResult, Response, ResponseInput, Round, RoundResults, Survey, SurveyInput } from '@shared/metrics/contract';
import type { CallContext } from '../rpc/handlers';
import type { Db } from './derived/types';
import { fieldError } from './service';
import type { SurveyQuestionsTable, SurveyResponsesTable, SurveyRoundsTable } from './tables';

// Stakeholder-feedback surveys: questions (rating 1–5, single choice, text), rounds (the survey
// run at a date) and one response per organization and round, its answers as JSON keyed by
// question id. Results and the comparison of two rounds are computed from the responses.

type Answers = Record<string, number | string>;
export const MAX_TEXT_ANSWER = 5000;

function parseAnswers(json: string): Answers {
  const parsed: unknown = JSON.parse(json);
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Answers) : {};
}

function choicesOf(q: Pick<SurveyQuestionsTable, 'choices_json'>): string[] {
  return JSON.parse(q.choices_json) as string[];
}

async function requireSurvey(db: Db, id: string, path = 'id') {
  const row = await db.selectFrom('surveys').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw fieldError('not_found', path, `Survey ${id} does not exist (it may have been deleted).`);
  return row;
}

export async function requireRound(db: Db, id: string, path = 'roundId'): Promise<SurveyRoundsTable> {
  const row = await db.selectFrom('survey_rounds').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw fieldError('not_found', path, `Survey round ${id} does not exist (it may have been deleted).`);
  return row;
}

export async function questionsOf(db: Db, surveyId: string): Promise<SurveyQuestionsTable[]> {
  return db.selectFrom('survey_questions').selectAll().where('survey_id', '=', surveyId).orderBy('position').execute();
}

async function responsesOfSurvey(db: Db, surveyId: string): Promise<SurveyResponsesTable[]> {
  return db
    .selectFrom('survey_responses as r')
    .innerJoin('survey_rounds as d', 'd.id', 'r.round_id')
    .selectAll('r')
    .where('d.survey_id', '=', surveyId)
    .execute();
}

async function roundsOf(db: Db, surveyId: string): Promise<Round[]> {
  const rows = await db
    .selectFrom('survey_rounds as d')
    .select(['d.id', 'd.survey_id', 'd.name', 'd.run_on', (eb) => eb.selectFrom('survey_responses as r').select((e) => e.fn.countAll<number>().as('n')).whereRef('r.round_id', '=', 'd.id').as('responses')])
    .where('d.survey_id', '=', surveyId)
    .orderBy('d.run_on')
    .orderBy('d.name')
    .execute();
  return rows.map((r) => ({ id: r.id, surveyId: r.survey_id, name: r.name, runOn: r.run_on, responses: Number(r.responses ?? 0) }));
}

export async function listSurveys(db: Db) {
  const rows = await db
    .selectFrom('surveys as s')
    .select([
      's.id',
      's.title',
      (eb) => eb.selectFrom('survey_questions as q').select((e) => e.fn.countAll<number>().as('n')).whereRef('q.survey_id', '=', 's.id').as('questions'),
      (eb) => eb.selectFrom('survey_rounds as d').select((e) => e.fn.countAll<number>().as('n')).whereRef('d.survey_id', '=', 's.id').as('rounds'),
      (eb) => eb.selectFrom('survey_rounds as d').select((e) => e.fn.max('d.run_on').as('m')).whereRef('d.survey_id', '=', 's.id').as('last_run_on'),
      (eb) =>
        eb
          .selectFrom('survey_responses as r')
          .innerJoin('survey_rounds as d', 'd.id', 'r.round_id')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('d.survey_id', '=', 's.id')
          .as('responses'),
    ])
    .orderBy('s.title')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    questions: Number(r.questions ?? 0),
    rounds: Number(r.rounds ?? 0),
    lastRunOn: (r.last_run_on) ?? null,
    responses: Number(r.responses ?? 0),
  }));
}

export async function getSurvey(db: Db, id: string): Promise<Survey> {
  const survey = await requireSurvey(db, id);
  const questions = await questionsOf(db, id);
  const answered = new Map<string, number>();
  for (const r of await responsesOfSurvey(db, id)) for (const qid of Object.keys(parseAnswers(r.answers_json))) answered.set(qid, (answered.get(qid) ?? 0) + 1);
  return {
    id: survey.id,
    title: survey.title,
    description: survey.description,
    questions: questions.map((q) => ({ id: q.id, kind: q.kind as QuestionKind, prompt: q.prompt, choices: choicesOf(q), answers: answered.get(q.id) ?? 0 })),
    rounds: await roundsOf(db, id),
  };
}

/**
 * Creates or changes a survey. Questions keep their ids and take the order given; new ones have
 * none. A question with answers keeps its kind and every choice some answer gave, and cannot be
 * removed (refused, naming it): the results would otherwise lose answers silently.
 */
export async function saveSurvey(ctx: CallContext, input: { id?: string | undefined; survey: SurveyInput }): Promise<Survey> {
  const { survey } = input;
  const id = input.id ?? randomUUID();
  let existing: SurveyQuestionsTable[] = [];
  if (input.id === undefined) {
    await ctx.write.insert('surveys', { id, title: survey.title, description: survey.description, created_at: ctx.now, updated_at: ctx.now });
  } else {
    await requireSurvey(ctx.db, id);
    await ctx.write.update('surveys', id, { title: survey.title, description: survey.description, updated_at: ctx.now });
    existing = await questionsOf(ctx.db, id);
  }
  const byId = new Map(existing.map((q) => [q.id, q]));
  const usage = new Map<string, { count: number; values: Set<string> }>();
  if (existing.length > 0) {
    for (const r of await responsesOfSurvey(ctx.db, id)) {
      for (const [qid, value] of Object.entries(parseAnswers(r.answers_json))) {
        const use = usage.get(qid) ?? { count: 0, values: new Set<string>() };
        use.count += 1;
        use.values.add(String(value));
        usage.set(qid, use);
      }
    }
  }
  const kept = new Set<string>();
  for (const [index, q] of survey.questions.entries()) {
    if (q.id === undefined) continue;
    const before = byId.get(q.id);
    if (!before) throw fieldError('not_found', `survey.questions.${index}.id`, `Question ${index + 1} is no longer in this survey. Reload it and try again.`);
    if (kept.has(q.id)) throw fieldError('validation', `survey.questions.${index}.id`, `Question ${index + 1} appears twice.`);
    kept.add(q.id);
    const use = usage.get(q.id);
    if (use && before.kind !== q.kind) {
      throw fieldError('conflict', `survey.questions.${index}.kind`, `Question ${index + 1} (“${before.prompt}”) has ${use.count} answer${use.count === 1 ? '' : 's'}; its kind cannot change. Add a new question instead.`);
    }
    if (use && q.kind === 'choice') {
      const lost = [...use.values].filter((v) => !q.choices.includes(v));
      if (lost.length > 0) throw fieldError('conflict', `survey.questions.${index}.choices`, `Question ${index + 1}: the choice “${lost[0]}” was given in answers; it cannot be removed (rename it in a new question instead).`);
    }
  }
  for (const q of existing) {
    if (kept.has(q.id)) continue;
    const use = usage.get(q.id);
    if (use) throw fieldError('conflict', 'survey.questions', `The question “${q.prompt}” has ${use.count} answer${use.count === 1 ? '' : 's'} and cannot be removed.`);
    await ctx.write.remove('survey_questions', q.id);
  }
  const inserts: SurveyQuestionsTable[] = [];
  for (const [position, q] of survey.questions.entries()) {
    const row = { kind: q.kind, prompt: q.prompt, choices_json: JSON.stringify(q.choices), position };
    if (q.id !== undefined) await ctx.write.update('survey_questions', q.id, row);
    else inserts.push({ id: randomUUID(), survey_id: id, ...row });
  }
  await ctx.write.insertMany('survey_questions', inserts);
  return getSurvey(ctx.db, id);
}

export async function deleteSurvey(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  await requireSurvey(ctx.db, id);
  await ctx.write.removeMany('survey_responses', await responsesOfSurvey(ctx.db, id));
  await ctx.write.removeMany('survey_rounds', await ctx.db.selectFrom('survey_rounds').selectAll().where('survey_id', '=', id).execute());
  await ctx.write.removeMany('survey_questions', await questionsOf(ctx.db, id));
  await ctx.write.remove('surveys', id);
  return { deleted: true };
}

export async function saveRound(ctx: CallContext, input: { id?: string | undefined; surveyId: string; name: string; runOn: string }): Promise<Round> {
  await requireSurvey(ctx.db, input.surveyId, 'surveyId');
  let id = input.id;
  if (id === undefined) {
    id = randomUUID();
    await ctx.write.insert('survey_rounds', { id, survey_id: input.surveyId, name: input.name, run_on: input.runOn, created_at: ctx.now, updated_at: ctx.now });
  } else {
    const before = await requireRound(ctx.db, id, 'id');
    if (before.survey_id !== input.surveyId) throw fieldError('validation', 'surveyId', 'A round stays with the survey it was created for.');
    await ctx.write.update('survey_rounds', id, { name: input.name, run_on: input.runOn, updated_at: ctx.now });
  }
  const round = (await roundsOf(ctx.db, input.surveyId)).find((r) => r.id === id);
  if (!round) throw fieldError('not_found', 'id', 'The round could not be read back.');
  return round;
}

export async function deleteRound(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  await requireRound(ctx.db, id, 'id');
  await ctx.write.removeMany('survey_responses', await ctx.db.selectFrom('survey_responses').selectAll().where('round_id', '=', id).execute());
  await ctx.write.remove('survey_rounds', id);
  return { deleted: true };
}

async function responseRows(db: Db, roundId: string, responseId?: string) {
  let query = db
    .selectFrom('survey_responses as r')
    .innerJoin('organizations as o', 'o.id', 'r.organization_id')
    .select(['r.id', 'r.round_id', 'r.organization_id', 'o.name as organization_name', 'r.answers_json', 'r.updated_at'])
    .where('r.round_id', '=', roundId);
  if (responseId) query = query.where('r.id', '=', responseId);
  const rows = await query.orderBy('o.name').execute();
  return rows.map(
    (r): Response => ({ id: r.id, roundId: r.round_id, organizationId: r.organization_id, organizationName: r.organization_name, answers: parseAnswers(r.answers_json), updatedAt: r.updated_at }),
  );
}

export async function listResponses(db: Db, roundId: string): Promise<Response[]> {
  await requireRound(db, roundId);
  return responseRows(db, roundId);
}

/** An answer checked against its question: a whole rating 1–5, one of the choices, or text (empty: unanswered). Returns the stored value or a problem. */
export function checkAnswer(q: Pick<SurveyQuestionsTable, 'kind' | 'choices_json'>, value: number | string): { value: number | string | null } | { problem: string } {
  if (q.kind === 'rating') {
    const n = typeof value === 'number' ? value : /^\s*\d+(\.0+)?\s*$/.test(value) ? Number(value) : Number.NaN;
    if (typeof value === 'string' && value.trim() === '') return { value: null };
    if (!Number.isInteger(n) || n < 1 || n > 5) return { problem: `A rating is a whole number from 1 to 5 (got “${String(value)}”).` };
    return { value: n };
  }
  const text = typeof value === 'number' ? String(value) : value.trim();
  if (text === '') return { value: null };
  if (q.kind === 'choice') {
    const choices = choicesOf(q);
    const found = choices.find((c) => fold(c) === fold(text));
    return found === undefined ? { problem: `“${text}” is not one of the choices (${choices.join(', ')}).` } : { value: found };
  }
  if (text.length > MAX_TEXT_ANSWER) return { problem: `A text answer has at most ${MAX_TEXT_ANSWER} characters.` };
   
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) return { problem: 'The answer contains a control character.' };
  return { value: text };
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export async function saveResponse(ctx: CallContext, input: ResponseInput): Promise<Response> {
  const round = await requireRound(ctx.db, input.roundId);
  const org = await ctx.db.selectFrom('organizations').select(['id', 'name']).where('id', '=', input.organizationId).executeTakeFirst();
  if (!org) throw fieldError('not_found', 'organizationId', `Organization ${input.organizationId} does not exist (it may have been deleted).`);
  const questions = new Map((await questionsOf(ctx.db, round.survey_id)).map((q) => [q.id, q]));
  const answers: Answers = {};
  for (const [qid, value] of Object.entries(input.answers)) {
    const q = questions.get(qid);
    if (!q) throw fieldError('validation', `answers.${qid}`, 'This question is not part of the survey.');
    const checked = checkAnswer(q, value);
    if ('problem' in checked) throw fieldError('validation', `answers.${qid}`, checked.problem);
    if (checked.value !== null) answers[qid] = checked.value;
  }
  const same = await ctx.db.selectFrom('survey_responses').selectAll().where('round_id', '=', round.id).where('organization_id', '=', org.id).executeTakeFirst();
  let id = input.id;
  if (id === undefined) {
    if (same) throw fieldError('conflict', 'organizationId', `${org.name} has already responded to this round; change their response instead.`);
    id = randomUUID();
    await ctx.write.insert('survey_responses', { id, round_id: round.id, organization_id: org.id, answers_json: JSON.stringify(answers), created_at: ctx.now, updated_at: ctx.now });
  } else {
    const before = await ctx.db.selectFrom('survey_responses').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw fieldError('not_found', 'id', `Response ${id} does not exist (it may have been deleted).`);
    if (before.round_id !== round.id) throw fieldError('validation', 'roundId', 'A response stays with the round it was given in.');
    if (same && same.id !== id) throw fieldError('conflict', 'organizationId', `${org.name} has already responded to this round; change their response instead.`);
    await ctx.write.update('survey_responses', id, { organization_id: org.id, answers_json: JSON.stringify(answers), updated_at: ctx.now });
  }
  const [saved] = await responseRows(ctx.db, round.id, id);
  if (!saved) throw fieldError('not_found', 'id', 'The response could not be read back.');
  return saved;
}

export async function deleteResponse(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  if (!(await ctx.write.remove('survey_responses', id))) throw fieldError('not_found', 'id', `Response ${id} does not exist (it may have been deleted).`);
  return { deleted: true };
}

/** Results per question: ratings' average (2 decimals) and distribution 1–5, choices' counts in their order, text answers by organization. */
export async function roundResults(db: Db, roundId: string, path = 'roundId'): Promise<RoundResults> {
  const round = await requireRound(db, roundId, path);
  const rounds = await roundsOf(db, round.survey_id);
  const responses = await responseRows(db, roundId);
  const questions = await questionsOf(db, round.survey_id);
  return {
    round: rounds.find((r) => r.id === roundId) ?? { id: round.id, surveyId: round.survey_id, name: round.name, runOn: round.run_on, responses: responses.length },
    responses: responses.length,
    questions: questions.map((q) => resultOf(q, responses)),
  };
}

function resultOf(q: SurveyQuestionsTable, responses: readonly Response[]): QuestionResult {
  const given = responses.filter((r) => r.answers[q.id] !== undefined);
  const base = { questionId: q.id, kind: q.kind as QuestionKind, prompt: q.prompt, answered: given.length, average: null, distribution: [], texts: [] };
  if (q.kind === 'rating') {
    const counts = [0, 0, 0, 0, 0];
    let sum = 0;
    for (const r of given) {
      const n = Number(r.answers[q.id]);
      sum += n;
      counts[n - 1] = (counts[n - 1] ?? 0) + 1;
    }
    return { ...base, average: given.length === 0 ? null : Math.round((sum / given.length) * 100) / 100, distribution: counts.map((count, i) => ({ value: String(i + 1), count })) };
  }
  if (q.kind === 'choice') {
    const counts = new Map(choicesOf(q).map((c) => [c, 0]));
    for (const r of given) {
      const v = String(r.answers[q.id]);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    return { ...base, distribution: [...counts].map(([value, count]) => ({ value, count })) };
  }
  return { ...base, texts: given.map((r) => ({ organizationId: r.organizationId, organizationName: r.organizationName, text: String(r.answers[q.id]) })) };
}

export async function compareRounds(db: Db, input: { first: string; second: string }): Promise<{ first: RoundResults; second: RoundResults }> {
  const a = await requireRound(db, input.first, 'first');
  const b = await requireRound(db, input.second, 'second');
  if (a.survey_id !== b.survey_id) throw fieldError('validation', 'second', 'Both rounds must be of the same survey.');
  return { first: await roundResults(db, a.id, 'first'), second: await roundResults(db, b.id, 'second') };
}

export type { QuestionInput };
