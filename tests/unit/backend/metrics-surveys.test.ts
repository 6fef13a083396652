import { describe, expect, it } from 'vitest';
import type { QuestionInput } from '@shared/metrics/contract';
import type { Backend } from '../../../electron/backend/backend';
import { fails, issuesOf, ok, snapshot, useBackend } from '../../support/backend';
import { organizationInput } from '../../support/people';

// Stakeholder-feedback surveys: building one, rounds and responses, results per question
// (averages, distributions, choice counts, text answers), two rounds compared, the CSV import's
// refusals by row and column (nothing written), and responses following their organization.

async function setUp(backend: Backend) {
  const names = ['Alder Trust', 'Birch Collective', 'Cedar Church', 'Dogwood Network'];
  const orgs = [];
  for (const name of names) orgs.push((await ok(backend, 'organizations.create', organizationInput(name, { email: `${name.split(' ')[0]?.toLowerCase()}@example.org` }))).id);
  const survey = await ok(backend, 'surveys.save', {
    survey: {
      title: 'Member feedback',
      description: '',
      questions: [
        { kind: 'rating', prompt: 'How useful are the meetings?' },
        { kind: 'choice', prompt: 'How often should we meet?', choices: ['Monthly', 'Quarterly'] },
        { kind: 'text', prompt: 'Comments' },
      ],
    },
  });
  const [rating, choice, comment] = survey.questions.map((q) => q.id) as [string, string, string];
  const spring = await ok(backend, 'surveys.saveRound', { surveyId: survey.id, name: 'Spring', runOn: '2026-04-01' });
  const autumn = await ok(backend, 'surveys.saveRound', { surveyId: survey.id, name: 'Autumn', runOn: '2026-10-01' });
  return { orgs, survey, rating, choice, comment, spring, autumn };
}

const csv = (text: string) => Buffer.from(text).toString('base64');

describe('surveys', () => {
  it('aggregates a round: rating average and distribution, choice counts, text answers; compares two rounds', async () => {
    const { backend } = await useBackend();
    const s = await setUp(backend);
    const answers: [number, string, string][] = [[5, 'Monthly', 'Great'], [4, 'Monthly', ''], [4, 'Quarterly', 'More notice']];
    for (const [i, [r, c, t]] of answers.entries()) {
      await ok(backend, 'surveys.saveResponse', { roundId: s.spring.id, organizationId: s.orgs[i] ?? '', answers: { [s.rating]: r, [s.choice]: c, [s.comment]: t } });
    }
    // The fourth answered only the rating.
    await ok(backend, 'surveys.saveResponse', { roundId: s.spring.id, organizationId: s.orgs[3] ?? '', answers: { [s.rating]: 2 } });
    const results = await ok(backend, 'surveys.results', { roundId: s.spring.id });
    expect(results.responses).toBe(4);
    const [rating, choice, comment] = results.questions;
    expect(rating).toMatchObject({ answered: 4, average: 3.75, distribution: [{ value: '1', count: 0 }, { value: '2', count: 1 }, { value: '3', count: 0 }, { value: '4', count: 2 }, { value: '5', count: 1 }] });
    expect(choice).toMatchObject({ answered: 3, average: null, distribution: [{ value: 'Monthly', count: 2 }, { value: 'Quarterly', count: 1 }] });
    // An empty text answer is no answer.
    expect(comment?.texts.map((t) => [t.organizationName, t.text])).toEqual([['Alder Trust', 'Great'], ['Cedar Church', 'More notice']]);

    await ok(backend, 'surveys.saveResponse', { roundId: s.autumn.id, organizationId: s.orgs[0] ?? '', answers: { [s.rating]: 3, [s.choice]: 'quarterly' } });
    const compared = await ok(backend, 'surveys.compare', { first: s.spring.id, second: s.autumn.id });
    expect([compared.first.questions[0]?.average, compared.second.questions[0]?.average]).toEqual([3.75, 3]);
    // A choice is matched ignoring case and stored as written in the survey.
    expect(compared.second.questions[1]?.distribution).toEqual([{ value: 'Monthly', count: 0 }, { value: 'Quarterly', count: 1 }]);
    expect((await ok(backend, 'surveys.list', {}))[0]).toMatchObject({ title: 'Member feedback', questions: 3, rounds: 2, responses: 5, lastRunOn: '2026-10-01' });
  });

  it('refuses bad answers, a second response from one organization and changes that would lose answers', async () => {
    const { backend, path } = await useBackend();
    const s = await setUp(backend);
    await ok(backend, 'surveys.saveResponse', { roundId: s.spring.id, organizationId: s.orgs[0] ?? '', answers: { [s.rating]: 4, [s.choice]: 'Monthly' } });
    const before = snapshot(path);
    expect(issuesOf(await fails(backend, 'surveys.saveResponse', { roundId: s.spring.id, organizationId: s.orgs[1], answers: { [s.rating]: 6 } }))).toEqual([
      { path: `answers.${s.rating}`, message: 'A rating is a whole number from 1 to 5 (got “6”).' },
    ]);
    expect(issuesOf(await fails(backend, 'surveys.saveResponse', { roundId: s.spring.id, organizationId: s.orgs[1], answers: { [s.choice]: 'Weekly' } }))[0]?.message).toBe(
      '“Weekly” is not one of the choices (Monthly, Quarterly).',
    );
    expect((await fails(backend, 'surveys.saveResponse', { roundId: s.spring.id, organizationId: s.orgs[0], answers: {} })).message).toBe(
      'Alder Trust has already responded to this round; change their response instead.',
    );
    const questions: [QuestionInput, QuestionInput] = [
      { id: s.rating, kind: 'text', prompt: 'How useful are the meetings?', choices: [] },
      { id: s.choice, kind: 'choice', prompt: 'How often should we meet?', choices: ['Monthly', 'Quarterly'] },
    ];
    expect((await fails(backend, 'surveys.save', { id: s.survey.id, survey: { title: 'Member feedback', description: '', questions } })).message).toMatch(/has 1 answer; its kind cannot change/);
    expect(
      (await fails(backend, 'surveys.save', { id: s.survey.id, survey: { title: 'x', description: '', questions: [{ ...questions[0], kind: 'rating' }, { ...questions[1], choices: ['Quarterly', 'Yearly'] }] } })).message,
    ).toMatch(/the choice “Monthly” was given in answers/);
    expect(issuesOf(await fails(backend, 'surveys.save', { survey: { title: 'x', description: '', questions: [{ kind: 'choice', prompt: 'Pick', choices: ['Only'] }] } }))[0]).toEqual({
      path: 'survey.questions.0.choices',
      message: 'A single-choice question needs at least two choices.',
    });
    expect(issuesOf(await fails(backend, 'surveys.compare', { first: s.spring.id, second: s.spring.id }))[0]?.path).toBe('second');
    expect(snapshot(path)).toEqual(before);
    // The unanswered text question can go.
    const saved = await ok(backend, 'surveys.save', { id: s.survey.id, survey: { title: 'Member feedback', description: '', questions: [{ ...questions[0], kind: 'rating' }, questions[1]] } });
    expect(saved.questions.map((q) => [q.prompt, q.answers])).toEqual([['How useful are the meetings?', 1], ['How often should we meet?', 1]]);
  });

  it('imports responses from CSV (names ignoring case and accents, or email), updating a response already there', async () => {
    const { backend } = await useBackend();
    const s = await setUp(backend);
    await ok(backend, 'surveys.saveResponse', { roundId: s.spring.id, organizationId: s.orgs[0] ?? '', answers: { [s.rating]: 1, [s.comment]: 'Keep me' } });
    const file = csv('Member;Meetings useful?;How often should we meet?\nALDER TRUST;5;monthly\nbirch@example.org;3;\n"Cédar Church";;Quarterly\n');
    const preview = await ok(backend, 'surveys.previewImport', { roundId: s.spring.id, fileName: 'answers.csv', contentBase64: file });
    expect(preview).toMatchObject({ headers: ['Member', 'Meetings useful?', 'How often should we meet?'], rowCount: 3 });
    // The organization column and the exact prompt are guessed; the reworded one is not.
    expect(preview.mapping).toEqual({ organizationColumn: 0, columns: { [s.choice]: 2 } });
    const result = await ok(backend, 'surveys.importResponses', { roundId: s.spring.id, fileName: 'answers.csv', contentBase64: file, mapping: { organizationColumn: 0, columns: { [s.rating]: 1, [s.choice]: 2 } } });
    expect(result).toEqual({ created: 2, updated: 1 });
    const responses = await ok(backend, 'surveys.responses', { roundId: s.spring.id });
    expect(responses.map((r) => [r.organizationName, r.answers])).toEqual([
      ['Alder Trust', { [s.comment]: 'Keep me', [s.rating]: 5, [s.choice]: 'Monthly' }],
      ['Birch Collective', { [s.rating]: 3 }],
      ['Cedar Church', { [s.choice]: 'Quarterly' }],
    ]);
  });

  it('refuses a file with problems, naming each row and column, and imports nothing', async () => {
    const { backend, path } = await useBackend();
    const s = await setUp(backend);
    const before = snapshot(path);
    const file = csv('Organization,Rating,Often\nAlder Trust,7,Monthly\nNobody Inc,4,Monthly\nBirch Collective,4,Weekly\nAlder Trust,3,Monthly\n,2,Monthly\n');
    const error = await fails(backend, 'surveys.importResponses', { roundId: s.spring.id, fileName: 'a.csv', contentBase64: file, mapping: { organizationColumn: 0, columns: { [s.rating]: 1, [s.choice]: 2 } } });
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(/^5 problems in the file; nothing was imported\./);
    expect(issuesOf(error).map((i) => i.message)).toEqual([
      'Row 2, column “Rating”: A rating is a whole number from 1 to 5 (got “7”).',
      'Row 3, column “Organization”: no organization called “Nobody Inc” in the directory.',
      'Row 4, column “Often”: “Weekly” is not one of the choices (Monthly, Quarterly).',
      'Row 5, column “Organization”: “Alder Trust” already answered on row 2.',
      'Row 6, column “Organization”: no organization named.',
    ]);
    expect((await fails(backend, 'surveys.importResponses', { roundId: s.spring.id, fileName: 'a.csv', contentBase64: file, mapping: { organizationColumn: 9, columns: { [s.rating]: 1 } } })).message).toBe(
      'The file has 3 columns; choose one of them for the organization.',
    );
    const empty = await fails(backend, 'surveys.previewImport', { roundId: s.spring.id, fileName: 'a.csv', contentBase64: csv('') });
    expect(issuesOf(empty)).toEqual([{ path: 'contentBase64', message: 'The file is empty: there is nothing to import.' }]);
    const binary = await fails(backend, 'surveys.previewImport', { roundId: s.spring.id, fileName: 'a.png', contentBase64: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]).toString('base64') });
    expect(binary.message).toMatch(/binary/);
    expect(snapshot(path)).toEqual(before);
  });

  it('a deleted organization’s responses go and a merged one’s follow the survivor; deleting a survey takes its rounds', async () => {
    const { backend } = await useBackend();
    const s = await setUp(backend);
    for (const [i, round] of [[0, s.spring], [1, s.spring], [1, s.autumn], [2, s.spring]] as const) {
      await ok(backend, 'surveys.saveResponse', { roundId: round.id, organizationId: s.orgs[i] ?? '', answers: { [s.rating]: i + 1 } });
    }
    await ok(backend, 'organizations.delete', { id: s.orgs[2] ?? '' });
    // Birch merged into Alder: its spring response is dropped (Alder answered), its autumn one moves.
    await ok(backend, 'duplicates.merge', { entity: 'organization', survivorId: s.orgs[0] ?? '', mergedId: s.orgs[1] ?? '', fields: {} });
    expect((await ok(backend, 'surveys.responses', { roundId: s.spring.id })).map((r) => [r.organizationName, r.answers[s.rating]])).toEqual([['Alder Trust', 1]]);
    expect((await ok(backend, 'surveys.responses', { roundId: s.autumn.id })).map((r) => [r.organizationName, r.answers[s.rating]])).toEqual([['Alder Trust', 2]]);
    await ok(backend, 'surveys.delete', { id: s.survey.id });
    expect(await ok(backend, 'surveys.list', {})).toEqual([]);
    expect((await fails(backend, 'surveys.results', { roundId: s.spring.id })).code).toBe('not_found');
  });
});
