import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '@shared/errors';

/**
 * The fonts every document is set in: Noto Sans (SIL Open Font License, resources/fonts/OFL.txt),
 * embedded and subset by pdfkit, so names print in Latin with diacritics, Cyrillic, Greek and
 * Vietnamese on any reader. Not covered: Arabic and Hebrew (pdfkit has no bidi layout), CJK
 * (those fonts are ~8 MB each), Indic scripts; their letters come out as empty boxes.
 */
export const FONTS = {
  regular: 'NotoSans-Regular',
  bold: 'NotoSans-Bold',
  italic: 'NotoSans-Italic',
  boldItalic: 'NotoSans-BoldItalic',
} as const;
export type FontName = (typeof FONTS)[keyof typeof FONTS];

const REGULAR_FILE = `${FONTS.regular}.ttf`;

/**
 * Where the font files are. The packaged app ships them as extraResources (`<resources>/fonts`,
 * next to app.asar, so they are plain files); a build run from the repository (the web harness,
 * `electron-vite preview`) and the tests read `resources/fonts` in the repository, found by going
 * up from this module's folder (the source folder, or out/main and its chunks folder).
 */
export function findFontsDir(from = import.meta.dirname): string {
  const candidates: string[] = [];
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) candidates.push(join(resourcesPath, 'fonts'));
  for (let dir = from, depth = 0; depth < 6; dir = dirname(dir), depth++) {
    candidates.push(join(dir, 'resources', 'fonts'), join(dir, 'fonts'));
  }
  const found = candidates.find((dir) => existsSync(join(dir, REGULAR_FILE)));
  if (!found) throw new AppError('internal', 'The fonts for PDF documents are missing from this installation (resources/fonts). Reinstall Coalition Desk.');
  return found;
}

/**
 * Registers the fonts on a document under their FONTS names, by path: pdfkit caches a font it
 * was given by name or path, but parses one given as a Buffer again at every switch back to it
 * (its table renderer switches fonts for every cell).
 */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  const dir = findFontsDir();
  for (const name of Object.values(FONTS)) doc.registerFont(name, join(dir, `${name}.ttf`));
}

/** The regular font's file, for the document's default font (set before any font is registered). */
export function regularFontPath(): string {
  return join(findFontsDir(), REGULAR_FILE);
}
