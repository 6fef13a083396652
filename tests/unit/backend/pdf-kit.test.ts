import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { PdfBuilder, type PdfOptions } from '../../../electron/backend/pdf/document';
import { findFontsDir } from '../../../electron/backend/pdf/fonts';
import { useTempDir } from '../../support/backend';
import { png } from '../../support/images';
import { readPdf, squash } from '../../support/pdf';

// electron-builder reads its YAML with js-yaml (its dependency); so does the packaging check below.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

const CREATED = new Date('2026-11-26T12:00:00Z');
const NAMES = {
  latin: 'Zoë Ångström-Øverby, São João, Łódź, Şükrü Çelik',
  cyrillic: 'Ярослава Петренко',
  greek: 'Αθηνά Παπαδοπούλου',
  vietnamese: 'Nguyễn Thị Minh Khai, Đặng Văn Lâm',
} as const;

function builder(options: Partial<PdfOptions> = {}): PdfBuilder {
  return new PdfBuilder({ title: 'Quarterly meeting summary', coalitionName: 'Alianza Ñandú pour la Santé', createdAt: CREATED, ...options });
}

const AGENDA_COLUMNS = [
  { header: '#', width: 0.3, align: 'right' as const },
  { header: 'Item', width: 3 },
  { header: 'Presenter', width: 1.5 },
];

describe('PDF kit', () => {
  it('prints names in Latin with diacritics, Cyrillic, Greek and Vietnamese in the embedded Noto Sans, and nothing else', async () => {
    const pdf = builder().title('Every name prints');
    pdf.labelValues(Object.entries(NAMES).map(([script, name]) => [script, name]));
    pdf.heading('In a table');
    pdf.table({ columns: [{ header: 'Name' }, { header: 'Script' }], rows: Object.entries(NAMES).map(([script, name]) => [name, script]), empty: '' });
    pdf.bullets(Object.values(NAMES));
    pdf.paragraph(NAMES.vietnamese, { italic: true });
    const read = readPdf(await pdf.finish());

    for (const name of Object.values(NAMES)) {
      // Once as a label/value, once in the table, once as a bullet (names wider than a column may wrap there).
      expect(read.text.split(name).length - 1, name).toBeGreaterThanOrEqual(2);
    }
    expect(read.text).toContain('Every name prints');
    const names = read.fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    expect(new Set(names)).toEqual(new Set(['NotoSans-Regular', 'NotoSans-Bold', 'NotoSans-Italic']));
    for (const font of read.fonts) expect(font, font.name).toMatchObject({ embedded: true, subset: true, unicode: true });
  });

  it('numbers the pages "Page X of Y" and puts the coalition and the title on every page', async () => {
    const pdf = builder();
    for (let i = 1; i <= 6; i++) {
      pdf.heading(`Section ${i}`);
      for (let p = 0; p < 8; p++) pdf.paragraph(`Paragraph ${i}.${p}: ${'The coalition met and agreed on the next steps. '.repeat(6)}`);
    }
    const read = readPdf(await pdf.finish());
    expect(read.pages).toBeGreaterThanOrEqual(3);
    read.pageTexts.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${read.pages}`);
      expect(page).toContain('Alianza Ñandú pour la Santé');
      expect(page).toContain('Quarterly meeting summary');
      expect(page).toContain('Prepared 2026-11-26 with Coalition Desk');
    });
    expect(read.text).not.toMatch(/Page \d+ of (?!\d)/);
  });

  it('continues a long table on the next pages with its header row repeated, never splitting a row', async () => {
    const rows = Array.from({ length: 140 }, (_, i) => [
      String(i + 1),
      i % 9 === 0 ? `Item ${i + 1}: a long title that has to wrap onto a second line inside its narrow column of the table` : `Item ${i + 1}`,
      NAMES.cyrillic,
    ]);
    const pdf = builder().title();
    pdf.table({ columns: AGENDA_COLUMNS, rows, empty: 'No agenda.' });
    pdf.paragraph('After the table.');
    const read = readPdf(await pdf.finish());

    expect(read.pages).toBeGreaterThanOrEqual(3);
    let next = 1;
    for (const page of read.pageTexts) {
      const lines = page.split('\n').map((l) => squash(l).trim());
      const header = lines.findIndex((l) => /^# Item Presenter$/.test(l));
      expect(header, 'header row on every page').toBeGreaterThanOrEqual(0);
      // Every row number on this page follows the last one of the previous page, in order.
      const numbers = lines.slice(header + 1).flatMap((l) => /^(\d+) Item (\d+)\b/.exec(l) ?? []).filter((_, k) => k % 3 === 1).map(Number);
      expect(numbers.length).toBeGreaterThan(0);
      for (const n of numbers) expect(n).toBe(next++);
      // A wrapped title keeps its second line on the same page as its first.
      for (const [i, line] of lines.entries()) if (line.includes('a long title that has')) expect(lines[i + 1]).toContain('column of the table');
    }
    expect(next).toBe(141);
    expect(read.pageTexts.at(-1)).toContain('After the table.');
  });

  it('maps every letter back to its text whatever documents the process made before', async () => {
    // fontkit remembers each glyph with the text it was first laid out for; fonts shared between
    // documents once made a later document's "A" read back as nothing.
    for (const name of Object.values(NAMES)) await builder().title(name).finish();
    const read = readPdf(await builder().title('After Ångström, Ärzte and Ящик').finish());
    expect(read.text).toContain('After Ångström, Ärzte and Ящик');
  });

  it('says so in a sentence when a table has no rows', async () => {
    const pdf = builder();
    pdf.heading('Decisions');
    pdf.table({ columns: [{ header: 'Motion' }, { header: 'Result' }], rows: [], empty: 'No decisions were recorded.' });
    const read = readPdf(await pdf.finish());
    expect(read.text).toContain('No decisions were recorded.');
    expect(read.text).not.toContain('Motion');
  });

  it('prints on A4 by default and on Letter when asked', async () => {
    const a4 = readPdf(await builder().title().finish());
    const letter = readPdf(await builder({ pageSize: 'LETTER' }).title().finish());
    expect(a4.info['Page size']).toMatch(/^595\.28 x 841\.89 pts \(A4\)/);
    expect(letter.info['Page size']).toMatch(/^612 x 792 pts \(letter\)/);
  });

  it('gives the same bytes for the same content and creation date, with the title and date in the properties', async () => {
    const render = async () => {
      const pdf = builder().title('Same');
      pdf.table({ columns: AGENDA_COLUMNS, rows: [['1', 'Welcome', NAMES.greek]], empty: '' });
      return pdf.finish();
    };
    const [a, b] = [await render(), await render()];
    expect(a.equals(b)).toBe(true);
    const read = readPdf(a);
    expect(read.info['Title']).toBe('Quarterly meeting summary');
    expect(read.info['CreationDate']).toMatch(/Nov 26 .*2026/);
    const other = builder({ createdAt: new Date('2026-11-27T12:00:00Z') }).title('Same');
    other.table({ columns: AGENDA_COLUMNS, rows: [['1', 'Welcome', NAMES.greek]], empty: '' });
    expect((await other.finish()).equals(a)).toBe(false);
  });

  it('draws a PNG logo in the header of every page and leaves out a logo it cannot read', async () => {
    const withLogo = builder({ logo: png(40, 20) });
    for (let i = 0; i < 70; i++) withLogo.paragraph(`Line ${i} of a document long enough for two pages.`);
    const bytes = await withLogo.finish();
    const read = readPdf(bytes);
    expect(read.pages).toBeGreaterThanOrEqual(2);
    // pdfimages lists every image drawn, with its page: the logo, once on each page.
    const drawn = execFileSync('pdfimages', ['-list', read.path], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => /^\s*\d+\s+\d+\s+image\s/.test(l));
    expect(drawn.map((l) => Number(l.trim().split(/\s+/)[0]))).toEqual(Array.from({ length: read.pages }, (_, i) => i + 1));
    expect(drawn.every((l) => /\s40\s+20\s/.test(l))).toBe(true);

    const webp = Buffer.concat([Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'), Buffer.alloc(8)]);
    const withoutLogo = readPdf(await builder({ logo: webp }).title('Still printed').finish());
    expect(withoutLogo.text).toContain('Still printed');
    expect(execFileSync('pdfimages', ['-list', withoutLogo.path], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim())).toEqual([]);
  });

  it('finds the fonts from the source folder, a build folder and the packaged app, and says clearly when they are missing', () => {
    const root = join(import.meta.dirname, '..', '..', '..');
    expect(findFontsDir(join(root, 'electron', 'backend', 'pdf'))).toBe(join(root, 'resources', 'fonts'));
    expect(findFontsDir(join(root, 'out', 'main', 'chunks'))).toBe(join(root, 'resources', 'fonts'));
    // The packaged app: electron-builder.yml copies resources/fonts to <resources>/fonts, beside app.asar.
    const packaging = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as { extraResources?: unknown };
    expect(packaging.extraResources).toContainEqual({ from: 'resources/fonts', to: 'fonts' });
    const resources = useTempDir('packaged-');
    mkdirSync(join(resources, 'app.asar', 'out', 'main', 'chunks'), { recursive: true });
    mkdirSync(join(resources, 'fonts'));
    for (const file of readdirSync(join(root, 'resources', 'fonts'))) copyFileSync(join(root, 'resources', 'fonts', file), join(resources, 'fonts', file));
    expect(findFontsDir(join(resources, 'app.asar', 'out', 'main', 'chunks'))).toBe(join(resources, 'fonts'));
    expect(readdirSync(join(resources, 'fonts')).sort()).toEqual(['NotoSans-Bold.ttf', 'NotoSans-BoldItalic.ttf', 'NotoSans-Italic.ttf', 'NotoSans-Regular.ttf', 'OFL.txt', 'README.md']);

    const empty = join(useTempDir('no-fonts-'), 'app', 'out', 'main');
    mkdirSync(empty, { recursive: true });
    expect(() => findFontsDir(empty)).toThrow(AppError);
    expect(() => findFontsDir(empty)).toThrow(/fonts for PDF documents are missing/);
  });
});
