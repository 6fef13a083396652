import PDFDocument from 'pdfkit';
import { FONTS, openFonts, registerFonts } from './fonts';
import { openLogo, stampPages } from './pageFrame';
import { drawTable, type TableSpec } from './table';
import type { PageSize } from '@shared/pdf';
import { COLOR, KEEP_WITH_HEADING, MARGIN, SIZE, printable, textFeatures } from './theme';

export interface PdfOptions {
  /** The document's title: in the page header, the PDF's properties, and at the top of page 1. */
  title: string;
  /** The coalition's name, in every page's header (see `coalitionIdentity`). */
  coalitionName: string;
  /** The coalition's logo (PNG or JPEG; others are left out), before its name in the header. */
  logo?: Buffer | null;
  pageSize?: PageSize;
  /** When the document is made: the footer's date and the PDF's creation date. Fix it in tests and the same content gives the same bytes. */
  createdAt?: Date;
  /** The document's author in its properties (the coordinator). */
  author?: string;
}

export interface ParagraphStyle {
  tone?: 'normal' | 'muted';
  italic?: boolean;
}

/**
 * Lays out one document from top to bottom: headings, paragraphs, label/value rows, tables and
 * bullet lists flow onto as many pages as they need; `finish` adds the header and "Page X of Y"
 * footer to every page and returns the PDF's bytes. Every text is set in the embedded Noto Sans
 * (see fonts.ts for the scripts it covers). `doc` is pdfkit's document, for drawings of one's
 * own (charts) at the cursor.
 */
export class PdfBuilder {
  readonly doc: PDFKit.PDFDocument;
  readonly #options: PdfOptions;
  readonly #createdAt: Date;
  readonly #chunks: Buffer[] = [];
  readonly #done: Promise<Buffer>;
  #finalPages: number | null = null;

  constructor(options: PdfOptions) {
    this.#options = options;
    this.#createdAt = options.createdAt ?? new Date();
    const fonts = openFonts();
    this.doc = new PDFDocument({
      size: options.pageSize ?? 'A4',
      margins: MARGIN,
      bufferPages: true,
      // Never let pdfkit load its Latin-1-only Helvetica (read from its package folder). The
      // registered names below are the fonts' PostScript names, so pdfkit reuses this one (a font
      // object, which pdfkit takes here too; @types/pdfkit says a name).
      font: fonts.get(FONTS.regular) as unknown as string,
      autoFirstPage: false,
      info: { Title: options.title, Author: options.author ?? options.coalitionName, Creator: 'Coalition Desk', Producer: 'Coalition Desk', CreationDate: this.#createdAt },
      displayTitle: true,
      lang: 'en',
    });
    this.#done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => this.#chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(this.#chunks)));
      this.doc.on('error', reject);
    });
    registerFonts(this.doc, fonts);
    this.doc.addPage();
    this.doc.font(FONTS.regular).fontSize(SIZE.body).fillColor(COLOR.text);
  }

  /** The document's title and an optional line under it, at the top of the first page. */
  title(subtitle?: string): this {
    this.doc.font(FONTS.bold).fontSize(SIZE.title).fillColor(COLOR.text).text(...this.#run(this.#options.title));
    if (subtitle) this.doc.font(FONTS.regular).fontSize(SIZE.body + 1).fillColor(COLOR.muted).text(...this.#run(subtitle));
    this.doc.moveDown(0.6);
    return this.#reset();
  }

  /** A section heading (1) or a sub-heading (2); starts a new page rather than ending one alone. */
  heading(text: string, level: 1 | 2 = 1): this {
    this.ensureSpace(KEEP_WITH_HEADING);
    this.doc.moveDown(level === 1 ? 0.4 : 0.25);
    this.doc
      .font(FONTS.bold)
      .fontSize(level === 1 ? SIZE.h1 : SIZE.h2)
      .fillColor(level === 1 ? COLOR.accent : COLOR.text)
      .text(...this.#run(text));
    this.doc.moveDown(0.2);
    return this.#reset();
  }

  paragraph(text: string, style: ParagraphStyle = {}): this {
    this.doc
      .font(style.italic ? FONTS.italic : FONTS.regular)
      .fontSize(SIZE.body)
      .fillColor(style.tone === 'muted' ? COLOR.muted : COLOR.text)
      .text(...this.#run(text, { lineGap: 1.5 }));
    this.doc.moveDown(0.4);
    return this.#reset();
  }

  /** Label/value rows ("Date", "Location"…): labels bold in a narrow column, values wrapped beside them. */
  labelValues(rows: readonly (readonly [string, string])[]): this {
    if (rows.length === 0) return this;
    drawTable(this.doc, { columns: [{ header: '', width: 1.1 }, { header: '', width: 3.4 }], rows }, 'plain');
    this.doc.moveDown(0.4);
    return this.#reset();
  }

  /**
   * A table with a header row; rows wrap their text, continue on the next page with the header
   * repeated. With no rows it prints `empty` instead (a plain sentence, not an empty table).
   */
  table(spec: TableSpec & { empty: string }): this {
    if (spec.rows.length === 0) return this.paragraph(spec.empty, { tone: 'muted', italic: true });
    drawTable(this.doc, spec, 'grid');
    this.doc.moveDown(0.5);
    return this.#reset();
  }

  bullets(items: readonly string[]): this {
    if (items.length === 0) return this;
    this.doc.font(FONTS.regular).fontSize(SIZE.body).fillColor(COLOR.text).list(...this.#listRun(items));
    this.doc.moveDown(0.4);
    return this.#reset();
  }

  /** Starts a new page unless `height` points are left on this one. */
  ensureSpace(height: number): this {
    if (this.doc.y + height > this.doc.page.maxY()) this.doc.addPage();
    return this;
  }

  /** How many pages the document has (pdfkit forgets them once the document is ended). */
  get pageCount(): number {
    return this.#finalPages ?? this.doc.bufferedPageRange().count;
  }

  /** Stamps the header and footer on every page and returns the finished PDF. */
  async finish(): Promise<Buffer> {
    stampPages(this.doc, {
      coalitionName: this.#options.coalitionName,
      title: this.#options.title,
      footerNote: `Prepared ${localDate(this.#createdAt)} with Coalition Desk`,
      logo: openLogo(this.doc, this.#options.logo ?? null),
    });
    this.#finalPages = this.doc.bufferedPageRange().count;
    this.doc.end();
    return this.#done;
  }

  /** A text run's arguments: composed text, the body width, and its OpenType features. */
  #run(text: string, options: PDFKit.Mixins.TextOptions = {}): [string, PDFKit.Mixins.TextOptions] {
    const shown = printable(text);
    return [shown, { width: this.#width, features: textFeatures(shown), ...options }];
  }

  #listRun(items: readonly string[]): [string[], PDFKit.Mixins.TextOptions] {
    const shown = items.map(printable);
    return [shown, { width: this.#width, features: textFeatures(shown.join('')), bulletRadius: 1.8, textIndent: 12, lineGap: 1.5 }];
  }

  get #width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  #reset(): this {
    this.doc.font(FONTS.regular).fontSize(SIZE.body).fillColor(COLOR.text);
    this.doc.x = this.doc.page.margins.left;
    return this;
  }
}

/** YYYY-MM-DD in the computer's own time zone (the coordinator's day, not UTC's). */
function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
