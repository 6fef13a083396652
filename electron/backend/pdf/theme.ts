/**
 * The page's layout in points (1/72 inch). The header and the footer live in the top and bottom
 * margins, so body text never runs into them.
 */
export const MARGIN = { top: 74, bottom: 58, left: 54, right: 54 } as const;
export const HEADER_Y = 30;
export const FOOTER_GAP = 20;

export const SIZE = { title: 17, h1: 13, h2: 11, body: 9.5, small: 8, table: 8.75 } as const;

export const COLOR = {
  text: '#1f2328',
  muted: '#59636e',
  accent: '#1c5d99',
  rule: '#d0d7de',
  headerFill: '#eef2f6',
} as const;

/** Space kept below a heading for what follows it, so a heading never ends a page on its own. */
export const KEEP_WITH_HEADING = 48;

/**
 * OpenType features for a text run: the fonts' defaults without `ccmp`, which splits letters
 * such as "ị" into a base glyph and a mark. A PDF maps each glyph to one text, so the split
 * letter would copy out of the document (and read in pdftotext) as a plain "i". pdfkit hands
 * this object to fontkit, which takes `{ tag: false }` to switch a default off (@types/pdfkit
 * only knows the list form). Runs of plain ASCII keep the defaults: pdfkit caches the layout of
 * words only when no features are given, and shaping uncached doubles a table's layout time.
 */
const WITHOUT_CCMP = { ccmp: false } as unknown as PDFKit.Mixins.OpenTypeFeatures[];

export function textFeatures(text: string): PDFKit.Mixins.OpenTypeFeatures[] | undefined {
  return /[^\u0000-\u007f]/.test(text) ? WITHOUT_CCMP : undefined;
}

/** Text as the document prints it: composed characters (NFC), so the precomposed glyphs are used (see textFeatures). */
export function printable(text: string): string {
  return text.normalize('NFC');
}
