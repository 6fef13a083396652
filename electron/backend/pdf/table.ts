import { COLOR, SIZE, printable, textFeatures } from './theme';
import { FONTS } from './fonts';

export interface TableColumn {
  header: string;
  /** Share of the table's width, relative to the other columns (default 1). */
  width?: number;
  align?: 'left' | 'right' | 'center';
}

export interface TableSpec {
  columns: readonly TableColumn[];
  rows: readonly (readonly string[])[];
}

/** `grid`: a header row (repeated on every page the table reaches) and a rule under each row. `plain`: no header, no rules, the first column bold (label/value rows). */
export type TableLook = 'grid' | 'plain';

const GRID_PADDING = { top: 3, right: 5, bottom: 3, left: 5 };
/** Label/value rows sit closer together: no rules between them to separate them. */
const PLAIN_PADDING = { top: 1.5, right: 5, bottom: 1.5, left: 5 };
/** Kept free under the last row of a page, so our page break always comes before pdfkit's own (which would not repeat the header). */
const BREAK_SLACK = 1;

/**
 * Draws a table at the cursor with pdfkit's table renderer (cells wrap their text). Rows never
 * split: a row that does not fit goes to the next page, where a `grid` table first repeats its
 * header row. A single row taller than a whole page is cut by pdfkit with an ellipsis.
 */
export function drawTable(doc: PDFKit.PDFDocument, spec: TableSpec, look: TableLook = 'grid'): void {
  const PADDING = look === 'grid' ? GRID_PADDING : PLAIN_PADDING;
  const left = doc.page.margins.left;
  const available = doc.page.width - left - doc.page.margins.right;
  const weights = spec.columns.map((c) => c.width ?? 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (available * w) / total);
  const header = look === 'grid' ? spec.columns.map((c) => c.header) : null;
  // The header is the segment's row 0, and in plain tables the first column is the label.
  const fontOf = (row: number, col: number): string => ((header && row === 0) || (look === 'plain' && col === 0) ? FONTS.bold : FONTS.regular);

  const startSegment = (): PDFKit.Mixins.PDFTableObject => {
    const table = doc.table({
      position: { x: left, y: doc.y },
      columnStyles: widths.map((width, i) => ({ width, align: { x: spec.columns[i]?.align ?? 'left', y: 'top' } })),
      rowStyles: (row) => ({
        backgroundColor: header && row === 0 ? COLOR.headerFill : undefined,
        border: look === 'grid' ? [0, 0, 0.6, 0] : 0,
        borderColor: COLOR.rule,
      }),
      defaultStyle: { padding: [PADDING.top, PADDING.right, PADDING.bottom, PADDING.left], textColor: COLOR.text },
    });
    if (header) table.row(cells(header, 0));
    return table;
  };

  const cells = (row: readonly string[], rowIndex: number): PDFKit.Mixins.RowOptions[] =>
    spec.columns.map((_, col) => {
      const text = printable(row[col] ?? '');
      return { text, font: { src: fontOf(rowIndex, col), size: SIZE.table }, textOptions: { features: textFeatures(text) } };
    });

  // Measured as pdfkit's table measures a cell (boundsOfString moves the cursor, so it is put back).
  const rowHeight = (row: readonly string[], rowIndex: number): number => {
    const maxText = doc.page.maxY() - doc.page.margins.top - PADDING.top - PADDING.bottom;
    const { x, y } = doc;
    let height = 0;
    spec.columns.forEach((column, col) => {
      const text = printable(row[col] ?? '');
      if (!text) return;
      doc.font(fontOf(rowIndex, col)).fontSize(SIZE.table);
      const width = (widths[col] ?? 0) - PADDING.left - PADDING.right;
      height = Math.max(height, doc.boundsOfString(text, 0, 0, { width, height: maxText, align: column.align ?? 'left', features: textFeatures(text) }).height);
    });
    doc.x = x;
    doc.y = y;
    return height + PADDING.top + PADDING.bottom;
  };

  const bodyIndex = header ? 1 : 0;
  // The header and the first row start together: never a header alone at the foot of a page.
  const first = spec.rows[0];
  const opening = (header ? rowHeight(header, 0) : 0) + (first ? rowHeight(first, bodyIndex) : 0);
  if (doc.y + opening + BREAK_SLACK >= doc.page.maxY()) doc.addPage();
  let table = startSegment();
  let index = bodyIndex;
  for (const row of spec.rows) {
    if (index > bodyIndex && doc.y + rowHeight(row, index) + BREAK_SLACK >= doc.page.maxY()) {
      table.end();
      doc.addPage();
      table = startSegment();
      index = bodyIndex;
    }
    table.row(cells(row, index));
    index++;
  }
  table.end();
  doc.font(FONTS.regular).fontSize(SIZE.body).fillColor(COLOR.text);
  doc.x = left;
}
