import { randomUUID } from 'node:crypto';
import { AppError } from '@shared/errors';
import { AUDIENCE_VALUES, defaultReportTitle, REPORT_KINDS, REPORT_SECTION_VALUES, type Audience, type Report, type ReportInput, type ReportKind, type ReportSection, type ReportSummary } from '@shared/reports/contract';
import { nextPeriod, periodLabel, type Period, type PeriodKind } from '@shared/reports/period';
import type { CallContext } from '../rpc/handlers';
import type { ReportsTable } from './tables';

// Saved reports and digests: the coordinator's settings and narrative, so the next one starts
// from the last. Every write goes through the Writer (History describes and undoes it).

type Db = Pick<CallContext, 'db'>;

/** The sections a new report shows: all of them (the editor turns some off). */
export const DEFAULT_SECTIONS: readonly ReportSection[] = REPORT_SECTION_VALUES;

function sectionsOf(json: string): ReportSection[] {
  try {
    const parsed = JSON.parse(json) as unknown;
    if (!Array.isArray(parsed)) return [];
    // Kept in print order whatever order they were saved in.
    return REPORT_SECTION_VALUES.filter((s) => parsed.includes(s));
  } catch {
    return [];
  }
}

export function periodOfRow(row: Pick<ReportsTable, 'period_kind' | 'period_from' | 'period_to'>): Period {
  return { kind: row.period_kind as PeriodKind, from: row.period_from, to: row.period_to };
}

function toSummary(row: ReportsTable): ReportSummary {
  const period = periodOfRow(row);
  return {
    id: row.id,
    kind: row.kind as ReportKind,
    title: row.title,
    period,
    periodLabel: periodLabel(period),
    audience: (AUDIENCE_VALUES as readonly string[]).includes(row.audience) ? (row.audience as Audience) : 'members',
    updatedAt: row.updated_at,
  };
}

function toReport(row: ReportsTable): Report {
  return {
    ...toSummary(row),
    sections: sectionsOf(row.sections_json),
    challengesMd: row.challenges_md,
    nextStepsMd: row.next_steps_md,
    getInvolvedMd: row.get_involved_md,
    createdAt: row.created_at,
  };
}

function reportNotFound(id: string, path = 'id'): AppError {
  return new AppError('not_found', `Report ${id} does not exist (it may have been deleted).`, { issues: [{ path, message: 'This report does not exist.' }] });
}

export async function requireReportRow(ctx: Db, id: string, path = 'id'): Promise<ReportsTable> {
  const row = await ctx.db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw reportNotFound(id, path);
  return row;
}

export async function listReports(ctx: Db, kind?: ReportKind): Promise<ReportSummary[]> {
  let query = ctx.db.selectFrom('reports').selectAll();
  if (kind) query = query.where('kind', '=', kind);
  const rows = await query.orderBy('period_to', 'desc').orderBy('created_at', 'desc').orderBy('id').execute();
  return rows.map(toSummary);
}

export async function getReport(ctx: Db, id: string): Promise<Report> {
  return toReport(await requireReportRow(ctx, id));
}

function columns(input: ReportInput) {
  return {
    kind: input.kind,
    title: input.title,
    period_kind: input.period.kind,
    period_from: input.period.from,
    period_to: input.period.to,
    audience: input.audience,
    sections_json: JSON.stringify(REPORT_SECTION_VALUES.filter((s) => input.sections.includes(s))),
    challenges_md: input.challengesMd,
    next_steps_md: input.nextStepsMd,
    get_involved_md: input.getInvolvedMd,
  };
}

export async function createReport(ctx: CallContext, input: ReportInput): Promise<Report> {
  const id = randomUUID();
  await ctx.write.insert('reports', { id, ...columns(input), created_at: ctx.now, updated_at: ctx.now });
  return getReport(ctx, id);
}

export async function updateReport(ctx: CallContext, id: string, input: ReportInput): Promise<Report> {
  const row = await requireReportRow(ctx, id);
  if (row.kind !== input.kind) {
    throw new AppError('validation', `This is an ${REPORT_KINDS[row.kind as ReportKind].toLowerCase()}; it cannot become an ${REPORT_KINDS[input.kind].toLowerCase()}.`, {
      issues: [{ path: 'report.kind', message: 'A saved report keeps its kind.' }],
    });
  }
  await ctx.write.update('reports', id, { ...columns(input), updated_at: ctx.now });
  return getReport(ctx, id);
}

export async function deleteReport(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  if (!(await ctx.write.remove('reports', id))) throw reportNotFound(id);
  return { deleted: true };
}


/**
 * "New report from the last": a copy of `fromId` (by default the saved report of that kind with
 * the latest period) for the period after it, with its audience, sections and narrative as the
 * starting point. A title that named the old period names the new one.
 */
export async function createNextReport(ctx: CallContext, input: { kind: ReportKind; fromId?: string | undefined }): Promise<Report> {
  const from = input.fromId
    ? await requireReportRow(ctx, input.fromId, 'fromId')
    : await ctx.db.selectFrom('reports').selectAll().where('kind', '=', input.kind).orderBy('period_to', 'desc').orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  if (!from) {
    throw new AppError('not_found', `There is no saved ${REPORT_KINDS[input.kind].toLowerCase()} to start from yet; create one first.`, {
      issues: [{ path: 'fromId', message: 'No saved report to copy.' }],
    });
  }
  const last = toReport(from);
  const period = nextPeriod(last.period);
  const oldLabel = periodLabel(last.period);
  const title = last.title.includes(oldLabel) ? last.title.replace(oldLabel, periodLabel(period)) : defaultReportTitle(last.kind, period);
  return createReport(ctx, {
    kind: last.kind,
    title: title.slice(0, 200),
    period,
    audience: last.audience,
    sections: last.sections,
    challengesMd: last.challengesMd,
    nextStepsMd: last.nextStepsMd,
    getInvolvedMd: last.getInvolvedMd,
  });
}
