import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTempDir } from './backend';

// Reading generated PDFs back with poppler-utils (pdftotext, pdffonts, pdfinfo): an independent
// reader, not the library that wrote them.

export interface PdfReading {
  /** The file on disk (in a temp folder removed after the test). */
  path: string;
  pages: number;
  /** Each page's text, in reading order (pdftotext -layout). */
  pageTexts: string[];
  /** Every page's text, one after another. */
  text: string;
  fonts: { name: string; type: string; embedded: boolean; subset: boolean; unicode: boolean }[];
  info: Record<string, string>;
}

function run(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Writes the bytes to a temp file and reads them back with poppler's tools. */
export function readPdf(bytes: Buffer, name = 'document.pdf'): PdfReading {
  const path = join(useTempDir('pdf-'), name);
  writeFileSync(path, bytes);
  const info = Object.fromEntries(
    run('pdfinfo', [path])
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1] ?? '', m[2] ?? '']),
  );
  const pages = Number(info['Pages']);
  const pageTexts = Array.from({ length: pages }, (_, i) => run('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), path, '-']));
  // pdffonts: two header lines, then fixed columns; name, type… then emb sub uni object ID.
  const fonts = run('pdffonts', [path])
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const cols = line.trim().split(/\s+/);
      const [emb, sub, uni] = cols.slice(-5, -2);
      return { name: cols[0] ?? '', type: cols.slice(1, -6).join(' '), embedded: emb === 'yes', subset: sub === 'yes', unicode: uni === 'yes' };
    });
  return { path, pages, pageTexts, text: pageTexts.join('\n'), fonts, info };
}

/** Collapses runs of spaces (pdftotext -layout pads columns), so phrases can be matched. */
export function squash(text: string): string {
  return text.replace(/[ \t]+/g, ' ');
}
