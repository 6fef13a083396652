import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '@shared/errors';
import type { ResponseMapping } from '@shared/metrics/contract';
import type { CallContext } from '../rpc/handlers';
import { fold } from '../directory/imports/convert';
import { importRows, openImportTable, type ImportTable } from '../directory/imports/parse';
import type { Db } from './derived/types';
import { fieldError } from './service';
import { checkAnswer, questionsOf, requireRound } from './surveys';

// Survey responses from a CSV or Excel file: the file is read with the directory import's parser
// (encoding, separator, Excel sheets and every way a file can be unreadable), each row names an
// organization (its name as in the directory, accents and case aside, or its email) and the
// mapped columns answer questions. All rows or none: any problem is reported by row and column.

/** The most problems one refusal lists. */
const MAX_PROBLEMS = 50;

async function withFile<T>(contentBase64: string, read: (path: string) => Promise<T>): Promise<T> {
  const dir = join(tmpdir(), 'coalition-desk-survey-imports');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, `${process.pid}-${randomBytes(8).toString('hex')}.upload`);
  await writeFile(path, Buffer.from(contentBase64, 'base64'), { mode: 0o600 });
  try {
    return await read(path);
  } catch (error) {
    // The parser names the import's file field; here the file is contentBase64.
    if (error instanceof AppError && JSON.stringify(error.details ?? null).includes('"importId"')) throw fieldError('validation', 'contentBase64', error.message);
    throw error;
  } finally {
    await rm(path, { force: true });
  }
}

const ORGANIZATION_HEADERS = ['organization', 'organisation', 'organizationname', 'organisationname', 'org', 'member', 'membername', 'partner', 'name'];

function guess(headers: readonly string[], questions: readonly { id: string; prompt: string }[]): ResponseMapping | null {
  const folded = headers.map(fold);
  const organizationColumn = folded.findIndex((h) => ORGANIZATION_HEADERS.includes(h));
  const columns: Record<string, number> = {};
  for (const q of questions) {
    const prompt = fold(q.prompt);
    const at = folded.findIndex((h, i) => i !== organizationColumn && h !== '' && (h === prompt || (h.length >= 6 && prompt.includes(h)) || (prompt.length >= 6 && h.includes(prompt))));
    if (at >= 0) columns[q.id] = at;
  }
  if (organizationColumn < 0 && Object.keys(columns).length === 0) return null;
  return { organizationColumn: Math.max(0, organizationColumn), columns };
}

export async function previewImport(ctx: Pick<CallContext, 'db'>, input: { roundId: string; contentBase64: string }) {
  const round = await requireRound(ctx.db, input.roundId);
  const questions = await questionsOf(ctx.db, round.survey_id);
  const table = await withFile(input.contentBase64, (path) => openImportTable(path));
  return { headers: table.headers, rows: table.preview, rowCount: table.rowCount, mapping: guess(table.headers, questions) };
}

async function organizationIndex(db: Db): Promise<Map<string, string>> {
  const index = new Map<string, string>();
  for (const org of await db.selectFrom('organizations').select(['id', 'name', 'email']).execute()) {
    const name = fold(org.name);
    if (name && !index.has(name)) index.set(name, org.id);
    const email = org.email.trim().toLowerCase();
    if (email && !index.has(email)) index.set(email, org.id);
  }
  return index;
}

export async function importResponses(ctx: CallContext, input: { roundId: string; contentBase64: string; mapping: ResponseMapping }): Promise<{ created: number; updated: number }> {
  const round = await requireRound(ctx.db, input.roundId);
  const questions = new Map((await questionsOf(ctx.db, round.survey_id)).map((q) => [q.id, q]));
  const { mapping } = input;
  for (const qid of Object.keys(mapping.columns)) {
    if (!questions.has(qid)) throw fieldError('validation', `mapping.columns.${qid}`, 'This question is not part of the survey.');
  }
  if (Object.keys(mapping.columns).length === 0) throw fieldError('validation', 'mapping.columns', 'Map at least one column to a question.');
  return withFile(input.contentBase64, async (path) => {
    const table: ImportTable = await openImportTable(path);
    const width = table.headers.length;
    if (mapping.organizationColumn >= width) throw fieldError('validation', 'mapping.organizationColumn', `The file has ${width} columns; choose one of them for the organization.`);
    for (const [qid, column] of Object.entries(mapping.columns)) {
      if (column >= width) throw fieldError('validation', `mapping.columns.${qid}`, `The file has ${width} columns; choose one of them.`);
    }
    const orgs = await organizationIndex(ctx.db);
    const existing = new Map(
      (await ctx.db.selectFrom('survey_responses').selectAll().where('round_id', '=', round.id).execute()).map((r) => [r.organization_id, r]),
    );
    const problems: string[] = [];
    const problem = (row: number, column: number, message: string) => {
      if (problems.length < MAX_PROBLEMS) problems.push(`Row ${row}, column “${table.headers[column] ?? column + 1}”: ${message}`);
      else if (problems.length === MAX_PROBLEMS) problems.push('…and more.');
    };
    const seen = new Map<string, number>();
    const planned: { organizationId: string; answers: Record<string, number | string> }[] = [];
    for await (const batch of importRows(path, table)) {
      for (const { cells, row } of batch) {
        const orgCell = (cells[mapping.organizationColumn] ?? '').trim();
        const organizationId = orgs.get(fold(orgCell)) ?? orgs.get(orgCell.toLowerCase());
        if (orgCell === '') {
          problem(row, mapping.organizationColumn, 'no organization named.');
          continue;
        }
        if (!organizationId) {
          problem(row, mapping.organizationColumn, `no organization called “${orgCell}” in the directory.`);
          continue;
        }
        const earlier = seen.get(organizationId);
        if (earlier !== undefined) {
          problem(row, mapping.organizationColumn, `“${orgCell}” already answered on row ${earlier}.`);
          continue;
        }
        seen.set(organizationId, row);
        const answers: Record<string, number | string> = {};
        for (const [qid, column] of Object.entries(mapping.columns)) {
          const q = questions.get(qid);
          if (!q) continue;
          const checked = checkAnswer(q, cells[column] ?? '');
          if ('problem' in checked) problem(row, column, checked.problem);
          else if (checked.value !== null) answers[qid] = checked.value;
        }
        planned.push({ organizationId, answers });
      }
    }
    if (problems.length > 0) {
      const count = problems.length > MAX_PROBLEMS ? `More than ${MAX_PROBLEMS}` : String(problems.length);
      throw new AppError('validation', `${count} problem${problems.length === 1 ? '' : 's'} in the file; nothing was imported. ${problems[0] ?? ''}`, {
        issues: problems.map((message) => ({ path: 'contentBase64', message })),
      });
    }
    const inserts = [];
    const updates = [];
    for (const p of planned) {
      const before = existing.get(p.organizationId);
      if (before) {
        // Mapped questions take the file's answers; the others keep theirs.
        const kept = JSON.parse(before.answers_json) as Record<string, number | string>;
        for (const qid of Object.keys(mapping.columns)) delete kept[qid];
        updates.push({ before, patch: { answers_json: JSON.stringify({ ...kept, ...p.answers }), updated_at: ctx.now } });
      } else {
        inserts.push({ id: randomUUID(), round_id: round.id, organization_id: p.organizationId, answers_json: JSON.stringify(p.answers), created_at: ctx.now, updated_at: ctx.now });
      }
    }
    await ctx.write.insertMany('survey_responses', inserts);
    await ctx.write.updateMany('survey_responses', updates);
    return { created: inserts.length, updated: updates.length };
  });
}
