import { AppError } from '@shared/errors';
import type { Audience } from '@shared/reports/contract';
import { periodLabel } from '@shared/reports/period';
import { fileSlug } from '../meetings/documents/fileNames';
import { coalitionIdentity } from '../pdf/identity';
import type { Handlers } from '../rpc/handlers';
import { buildDigest } from './digest';
import { digestHtml, digestMarkdown, digestPdf } from './digestFormats';
import { impactReportPdf } from './impact';
import { impactModel } from './model';
import { createNextReport, createReport, deleteReport, getReport, listReports, periodOfRow, requireReportRow, updateReport } from './service';

type ReportMethod =
  | 'reports.list'
  | 'reports.get'
  | 'reports.create'
  | 'reports.update'
  | 'reports.delete'
  | 'reports.createNext'
  | 'reports.preview'
  | 'reports.impactPdf'
  | 'reports.digest'
  | 'reports.digestExport';

export const reportHandlers: Handlers<ReportMethod> = {
  'reports.list': (input, ctx) => listReports(ctx, input.kind),
  'reports.get': (input, ctx) => getReport(ctx, input.id),
  'reports.create': (input, ctx) => createReport(ctx, input),
  'reports.update': (input, ctx) => updateReport(ctx, input.id, input.report),
  'reports.delete': (input, ctx) => deleteReport(ctx, input.id),
  'reports.createNext': (input, ctx) => createNextReport(ctx, input),
  'reports.preview': async (input, ctx) => {
    const model = await impactModel(ctx.db, {
      period: input.period,
      audience: input.audience,
      day: ctx.now.slice(0, 10),
      sections: ['summary', 'activities', 'successes', 'engagement', 'capacity', 'resources', 'members'],
      challengesMd: '',
      nextStepsMd: '',
    });
    return {
      periodLabel: periodLabel(input.period),
      headlines: model.headlines,
      sections: model.sections.filter((s) => s.section !== 'summary').map((s) => ({ section: s.section, summary: s.summary, hasData: s.hasData })),
    };
  },
  'reports.impactPdf': (input, ctx) => {
    return requireReportRow(ctx, input.id).then((row) => {
      if (row.kind !== 'impact') throw new AppError('validation', 'This is an update digest: export it from the digest screen.', { issues: [{ path: 'id', message: 'Not an impact report.' }] });
      return impactReportPdf(ctx, input);
    });
  },
  'reports.digest': (input, ctx) => buildDigest(ctx.db, { period: input.period, audience: input.audience, getInvolvedMd: input.getInvolvedMd, title: input.title }),
  'reports.digestExport': async (input, ctx) => {
    const row = await requireReportRow(ctx, input.id);
    if (row.kind !== 'digest') throw new AppError('validation', 'This is an impact report: export it as a PDF from the report editor.', { issues: [{ path: 'id', message: 'Not an update digest.' }] });
    const digest = await buildDigest(ctx.db, { period: periodOfRow(row), audience: row.audience as Audience, getInvolvedMd: row.get_involved_md, title: row.title });
    const name = fileSlug(row.title, 'update-digest');
    if (input.format === 'html') return { fileName: `${name}.html`, mimeType: 'text/html', encoding: 'utf8' as const, content: digestHtml(digest), pages: null };
    if (input.format === 'markdown') return { fileName: `${name}.md`, mimeType: 'text/markdown', encoding: 'utf8' as const, content: digestMarkdown(digest), pages: null };
    const { logo } = await coalitionIdentity(ctx);
    const { bytes, pages } = await digestPdf(digest, { logo, pageSize: input.pageSize, createdAt: new Date(ctx.now), ...(ctx.actor ? { author: ctx.actor } : {}) });
    return { fileName: `${name}.pdf`, mimeType: 'application/pdf', encoding: 'base64' as const, content: bytes.toString('base64'), pages };
  },
};
