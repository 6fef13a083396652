import { FONTS } from './fonts';
import { COLOR, FOOTER_GAP, HEADER_Y, SIZE, printable, textFeatures } from './theme';

export interface FrameText {
  coalitionName: string;
  title: string;
  /** Left of the footer, e.g. "Prepared 2026-11-26". */
  footerNote: string;
  /** The coalition's logo, opened by `openLogo`; drawn before its name. */
  logo: OpenedImage | null;
}

const LOGO_HEIGHT = 20;
const LOGO_MAX_WIDTH = LOGO_HEIGHT * 4;

/** An image pdfkit has read (its documented doc.openImage, missing from @types/pdfkit); doc.image draws it again without re-reading. */
export interface OpenedImage {
  width: number;
  height: number;
}
type ImageOpener = { openImage(src: Buffer): OpenedImage };

/**
 * The logo as pdfkit reads it, once per document. pdfkit reads PNG and JPEG only: a WebP logo
 * (or bytes it cannot read) leaves the header with the name alone rather than failing the document.
 */
export function openLogo(doc: PDFKit.PDFDocument, bytes: Buffer | null): OpenedImage | null {
  if (!bytes) return null;
  try {
    return (doc as unknown as ImageOpener).openImage(bytes);
  } catch {
    return null;
  }
}

/**
 * Draws the header (logo, coalition name, document title, a rule) and the footer (note, "Page X
 * of Y") on every page, once the body is laid out and the page count is known (bufferPages).
 */
export function stampPages(doc: PDFKit.PDFDocument, frame: FrameText): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const page = doc.page;
    const margins = { ...page.margins };
    // Text placed in a margin would otherwise make pdfkit start a new page.
    page.margins = { top: 0, bottom: 0, left: margins.left, right: margins.right };
    const left = margins.left;
    const width = page.width - margins.left - margins.right;
    // One line each, cut with an ellipsis when too long.
    const put = (text: string, x: number, y: number, options: PDFKit.Mixins.TextOptions) => {
      const shown = printable(text);
      doc.text(shown, x, y, { lineBreak: false, ellipsis: true, height: SIZE.small * 1.6, features: textFeatures(shown), ...options });
    };

    let nameX = left;
    if (frame.logo) {
      const logoWidth = Math.min(LOGO_MAX_WIDTH, (frame.logo.width * LOGO_HEIGHT) / frame.logo.height);
      doc.image(frame.logo as unknown as PDFKit.Mixins.ImageSrc, left, HEADER_Y - 6, { fit: [logoWidth, LOGO_HEIGHT] });
      nameX += logoWidth + 8;
    }
    const half = width / 2 - 8;
    doc.font(FONTS.bold).fontSize(SIZE.small).fillColor(COLOR.text);
    put(frame.coalitionName, nameX, HEADER_Y, { width: left + half - nameX });
    doc.font(FONTS.regular).fillColor(COLOR.muted);
    put(frame.title, left + width - half, HEADER_Y, { width: half, align: 'right' });
    const ruleY = HEADER_Y + LOGO_HEIGHT;
    doc.moveTo(left, ruleY).lineTo(left + width, ruleY).lineWidth(0.6).strokeColor(COLOR.rule).stroke();

    const footerY = page.height - margins.bottom + FOOTER_GAP;
    doc.fillColor(COLOR.muted).fontSize(SIZE.small);
    put(frame.footerNote, left, footerY, { width: half });
    put(`Page ${i - start + 1} of ${count}`, left + width - half, footerY, { width: half, align: 'right' });
    page.margins = margins;
  }
}
