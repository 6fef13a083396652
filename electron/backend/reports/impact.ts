import type { PageSize } from '@shared/pdf';
import type { Headline } from '@shared/reports/contract';
import type { NarrativeBlock } from '@shared/reports/narrative';
import { dayLabel } from '@shared/reports/period';
import { fileSlug } from '../meetings/documents/fileNames';
import { chartRow } from '../pdf/charts';
import { PdfBuilder } from '../pdf/document';
import { FONTS } from '../pdf/fonts';
import { coalitionIdentity } from '../pdf/identity';
import { COLOR, printable, textFeatures } from '../pdf/theme';
import type { CallContext } from '../rpc/handlers';
import { impactModel, NO_DATA, type ImpactModel, type ModelTable, type SectionModel } from './model';
import { getReport } from './service';

// The impact report as a PDF: a cover with the coalition's name and logo, the headline numbers
// (the dashboard's, for the same period), then each chosen section with its figures, vector
// charts (pdf/charts.ts) and lists, the stories consent allows, the coordinator's challenges and
// next steps, and the member list. A section with nothing for the period says so in a sentence.

const AUDIENCE_LINE = { members: 'Prepared for our members', funders: 'Prepared for our funders', public: 'Prepared for the public' } as const;

export async function impactReportPdf(ctx: CallContext, input: { id: string; pageSize: PageSize; today?: string | undefined }) {
  const row = await getReport(ctx, input.id);
  const day = input.today ?? ctx.now.slice(0, 10);
  const model = await impactModel(ctx.db, { period: row.period, audience: row.audience, day, sections: row.sections, challengesMd: row.challengesMd, nextStepsMd: row.nextStepsMd });
  const { bytes, pages } = await renderImpact(ctx, row, model, input.pageSize, day);
  return {
    fileName: `${fileSlug(row.title, 'impact-report')}.pdf`,
    mimeType: 'application/pdf',
    encoding: 'base64' as const,
    content: bytes.toString('base64'),
    pages,
    charts: model.sections.reduce((n, s) => n + s.charts.length, 0),
  };
}

export async function renderImpact(ctx: Pick<CallContext, 'db' | 'now' | 'actor'>, row: { title: string }, model: ImpactModel, pageSize: PageSize, day: string): Promise<{ bytes: Buffer; pages: number }> {
  const coalition = await coalitionIdentity(ctx);
  const pdf = new PdfBuilder({
    title: row.title,
    coalitionName: coalition.name,
    logo: coalition.logo,
    pageSize,
    createdAt: new Date(ctx.now),
    ...(ctx.actor ? { author: ctx.actor } : {}),
  });
  cover(pdf, coalition, row.title, model, day);
  for (const section of model.sections) {
    if (section.section === 'summary') summaryPage(pdf, section, model);
    else printSection(pdf, section);
  }
  const bytes = await pdf.finish();
  return { bytes, pages: pdf.pageCount };
}

function cover(pdf: PdfBuilder, coalition: { name: string; logo: Buffer | null }, title: string, model: ImpactModel, day: string): void {
  const doc = pdf.doc;
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  let y = doc.page.height * 0.22;
  if (coalition.logo) {
    try {
      doc.image(coalition.logo, left + width / 2 - 70, y, { fit: [140, 90], align: 'center', valign: 'center' });
      y += 110;
    } catch {
      // A logo pdfkit cannot read (WebP) leaves the cover with the name alone.
    }
  }
  const line = (text: string, font: string, size: number, color: string, gap: number) => {
    const shown = printable(text);
    doc.font(font).fontSize(size).fillColor(color).text(shown, left, y, { width, align: 'center', features: textFeatures(shown) });
    y = doc.y + gap;
  };
  line(coalition.name, FONTS.bold, 24, COLOR.text, 18);
  doc.moveTo(left + width / 2 - 60, y).lineTo(left + width / 2 + 60, y).lineWidth(1.5).strokeColor(COLOR.accent).stroke();
  y += 22;
  line(title, FONTS.bold, 18, COLOR.accent, 8);
  line(model.periodLabel, FONTS.regular, 13, COLOR.text, 6);
  line(`${AUDIENCE_LINE[model.audience]} · ${dayLabel(day)}`, FONTS.regular, 10, COLOR.muted, 0);
  doc.font(FONTS.regular).fontSize(9.5).fillColor(COLOR.text);
  doc.addPage();
}

/** Headline numbers as tiles, three to a row. */
function tiles(pdf: PdfBuilder, figures: readonly Headline[]): void {
  const doc = pdf.doc;
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const perRow = 3;
  const gap = 10;
  const tileWidth = (width - gap * (perRow - 1)) / perRow;
  const tileHeight = 54;
  for (let i = 0; i < figures.length; i += perRow) {
    pdf.ensureSpace(tileHeight + gap);
    const y = doc.y;
    figures.slice(i, i + perRow).forEach((figure, j) => {
      const x = left + j * (tileWidth + gap);
      doc.roundedRect(x, y, tileWidth, tileHeight, 4).fillAndStroke(COLOR.headerFill, COLOR.rule);
      const value = printable(figure.display);
      const size = value.length > 22 ? 10 : value.length > 14 ? 12 : 16;
      doc.font(FONTS.bold).fontSize(size).fillColor(figure.value === null || figure.value === 0 ? (figure.display === 'None recorded' || figure.value === 0 ? COLOR.muted : COLOR.accent) : COLOR.accent);
      doc.text(value, x + 8, y + 8, { width: tileWidth - 16, height: 24, ellipsis: true, lineBreak: false, features: textFeatures(value) });
      const label = printable(figure.label);
      doc.font(FONTS.regular).fontSize(8).fillColor(COLOR.muted).text(label, x + 8, y + 34, { width: tileWidth - 16, height: 14, ellipsis: true, lineBreak: false, features: textFeatures(label) });
    });
    doc.x = left;
    doc.y = y + tileHeight + gap;
  }
  doc.font(FONTS.regular).fontSize(9.5).fillColor(COLOR.text);
}

function summaryPage(pdf: PdfBuilder, section: SectionModel, model: ImpactModel): void {
  pdf.heading(`${section.heading}, ${model.periodLabel}`);
  if (!section.hasData) {
    pdf.paragraph(NO_DATA.summary(model.periodLabel), { tone: 'muted', italic: true });
    return;
  }
  pdf.paragraph('The figures below are the metrics dashboard’s for the same period.', { tone: 'muted' });
  tiles(pdf, section.figures);
}

function printSection(pdf: PdfBuilder, section: SectionModel): void {
  pdf.ensureSpace(120);
  pdf.heading(section.heading);
  if (!section.hasData) {
    pdf.paragraph(section.summary, { tone: 'muted', italic: true });
    return;
  }
  if (section.narrative.length > 0) {
    narrative(pdf, section.narrative);
    return;
  }
  if (section.section === 'stories') {
    stories(pdf, section);
    return;
  }
  if (section.figures.length > 0) pdf.labelValues(section.figures.map((f) => [f.label, f.display] as const));
  for (let i = 0; i < section.charts.length; i += 2) chartRow(pdf, section.charts.slice(i, i + 2), 165, 2);
  for (const table of section.tables) {
    pdf.heading(table.title, 2);
    if (table.compact && table.rows.length > COMPACT_FROM) compactList(pdf, table);
    else pdf.table({ columns: table.columns, rows: table.rows, empty: table.empty });
    if (table.more) pdf.paragraph(table.more, { tone: 'muted' });
  }
}

/** Lists longer than this print compactly; shorter ones as a table. */
const COMPACT_FROM = 60;

/**
 * A long list (the member list) as one line per row, its cells joined with " · ", flowing in two
 * columns onto as many pages as it needs: one text run for the whole list, laid out by pdfkit's
 * own column flow, several times faster than a grid table of the same rows.
 */
function compactList(pdf: PdfBuilder, table: ModelTable): void {
  const doc = pdf.doc;
  pdf.ensureSpace(120);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const header = printable(table.columns.map((c) => c.header).join(' · '));
  doc.font(FONTS.italic).fontSize(7.5).fillColor(COLOR.muted).text(header, left, doc.y, { width, features: textFeatures(header) });
  doc.moveDown(0.3);
  const text = printable(table.rows.map((row) => row.filter((cell) => cell.trim() !== '').join(' · ')).join('\n'));
  doc.font(FONTS.regular).fontSize(7.5).fillColor(COLOR.text).text(text, left, doc.y, { width, columns: 2, columnGap: 18, lineGap: 1.2, features: textFeatures(text) });
  doc.x = left;
  doc.moveDown(0.5);
}

export function narrative(pdf: PdfBuilder, blocks: readonly NarrativeBlock[]): void {
  for (const block of blocks) {
    if (block.kind === 'heading') pdf.heading(block.text, 2);
    else if (block.kind === 'bullets') pdf.bullets(block.items);
    else pdf.paragraph(block.text);
  }
}

function stories(pdf: PdfBuilder, section: SectionModel): void {
  pdf.paragraph('Printed with the storytellers’ consent for reports; anonymized where they asked for it.', { tone: 'muted' });
  for (const story of section.stories) {
    pdf.heading(story.title, 2);
    pdf.paragraph(`“${story.text.trim()}”`, { italic: true });
    pdf.paragraph(`— ${[story.storyteller, story.district].filter(Boolean).join(', ')}`, { tone: 'muted' });
  }
}
