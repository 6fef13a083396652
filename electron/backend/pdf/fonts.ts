import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { create } from 'fontkit';
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

let files: ReadonlyMap<FontName, Buffer> | null = null;

/** The four font files, read once per process (a batch of documents shares the bytes). */
function fontFiles(): ReadonlyMap<FontName, Buffer> {
  files ??= new Map(Object.values(FONTS).map((name) => [name, readFileSync(join(findFontsDir(), `${name}.ttf`))]));
  return files;
}

/** The tables parsed once per process and shared by every document's fonts (see openFonts). */
const SHARED_TABLES = ['head', 'hhea', 'maxp', 'OS/2', 'post', 'name', 'cmap', 'hmtx', 'loca', 'GDEF', 'GSUB', 'GPOS', 'kern'] as const;

interface FontkitInternals {
  /** fontkit's decoded tables by tag; `tag in _tables` decides whether a table is decoded again. */
  _tables: Record<string, unknown>;
}

let templates: ReadonlyMap<FontName, FontkitInternals> | null = null;

/**
 * Each font parsed once more for the process, its glyph-independent tables decoded (the OpenType
 * layout tables take most of a short document's time to decode: ~100 ms a packet for four fonts).
 */
function fontTemplates(): ReadonlyMap<FontName, FontkitInternals> {
  templates ??= new Map(
    [...fontFiles()].map(([name, bytes]) => {
      const font = create(bytes) as unknown as FontkitInternals & Record<string, unknown>;
      for (const tag of SHARED_TABLES) void font[tag];
      return [name, font];
    }),
  );
  return templates;
}

/**
 * One document's fonts, parsed by fontkit (pdfkit's font engine) and handed to pdfkit as font
 * objects. Per document: fontkit caches each glyph with the text it was first laid out for, and
 * pdfkit maps glyphs back to text from that, so a font shared between documents could map a
 * letter to what an earlier document made of it. Objects, not paths or bytes: pdfkit parses bytes
 * again at every switch back to the font, which its table renderer does for every cell.
 *
 * What a document's fonts do share is the process's decoded tables (metrics, character map,
 * OpenType layout rules: read-only data, no glyphs): each new font looks its tables up through
 * the template's (`tag in _tables` follows the prototype chain), and decodes only what the
 * template has not (its own glyphs). A batch of packets in one worker decodes them once.
 */
export function openFonts(): ReadonlyMap<FontName, PDFKit.Mixins.PDFFontSource> {
  const shared = fontTemplates();
  return new Map(
    [...fontFiles()].map(([name, bytes]) => {
      const font = create(bytes);
      if (!('layout' in font)) throw new AppError('internal', `${name}.ttf is a font collection, not a font.`);
      const template = shared.get(name);
      if (template) (font as unknown as FontkitInternals)._tables = Object.create(template._tables) as Record<string, unknown>;
      return [name, font as unknown as PDFKit.Mixins.PDFFontSource];
    }),
  );
}

/**
 * Registers a document's fonts under their FONTS names (their PostScript names), each as its own
 * family: pdfkit's table renderer switches back to the previous font by its source and family
 * after every cell, and with a family that finds the font already open instead of opening it
 * again and comparing name tables (a third of a table's time).
 */
export function registerFonts(doc: PDFKit.PDFDocument, fonts: ReadonlyMap<FontName, PDFKit.Mixins.PDFFontSource>): void {
  for (const [name, font] of fonts) doc.registerFont(name, font, name);
}
