import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartRow, compact, niceScale, PALETTE, type ChartSpec } from '../../../electron/backend/pdf/charts';
import { PdfBuilder } from '../../../electron/backend/pdf/document';
import { useTempDir } from '../../support/backend';
import { readPdf, squash } from '../../support/pdf';

// The PDF chart module: bar, horizontal bar, line and donut charts drawn as vector paths and
// text. Read back with poppler: the labels are text, pdfimages finds no image, and the page
// rendered by pdftoppm has the series' colours where the marks are.

const CREATED = new Date('2026-11-26T12:00:00Z');

/** pdftoppm's rendering of one page as RGB pixels (PPM is a header and raw bytes). */
function renderPage(path: string, page: number): { width: number; height: number; pixels: Buffer } {
  const dir = useTempDir('ppm-');
  execFileSync('pdftoppm', ['-r', '60', '-f', String(page), '-l', String(page), path, join(dir, 'p')]);
  const file = execFileSync('ls', [dir], { encoding: 'utf8' }).trim().split('\n')[0] ?? '';
  const bytes = readFileSync(join(dir, file));
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('not a PPM');
  return { width: Number(header[1]), height: Number(header[2]), pixels: bytes.subarray(header[0].length) };
}

/** How many pixels are (nearly) this colour. */
function countColor(image: { pixels: Buffer }, hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  let n = 0;
  for (let i = 0; i + 2 < image.pixels.length; i += 3) {
    if (Math.abs((image.pixels[i] ?? 0) - r) < 10 && Math.abs((image.pixels[i + 1] ?? 0) - g) < 10 && Math.abs((image.pixels[i + 2] ?? 0) - b) < 10) n++;
  }
  return n;
}

function images(path: string): string[] {
  return execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '');
}

const SPECS: ChartSpec[] = [
  { kind: 'bar', title: 'Meetings by month', categories: ['Sep', 'Oct', 'Nov'], series: [{ name: 'Meetings', values: [4, 7, 12] }] },
  {
    kind: 'bar',
    title: 'Attendance: members and guests',
    categories: ['Town hall', 'Assembly', 'Training'],
    series: [
      { name: 'Members', values: [40, 55, 18] },
      { name: 'Guests', values: [25, 5, 9] },
    ],
    stacked: true,
  },
  {
    kind: 'line',
    title: 'People reached against the target',
    categories: ['Q1', 'Q2', 'Q3', 'Q4'],
    series: [
      { name: 'Reached', values: [1200, 1900, null, 3100] },
      { name: 'Target', values: [1500, 2000, 2500, 3000], dashed: true },
    ],
  },
  { kind: 'donut', title: 'Funding by source', slices: [{ label: 'Foundations', value: 30000 }, { label: 'Members’ dues', value: 12000 }, { label: 'Individual gifts', value: 6500 }], format: (v) => `$${compact(v)}` },
  { kind: 'hbar', title: 'Trainings by topic', categories: ['Public speaking', 'Media relations', 'Engaging policymakers'], series: [{ name: 'Trainings', values: [3, 1, 5] }] },
];

describe('PDF charts', () => {
  it('draws bar, stacked bar, line, donut and horizontal bar charts as vector marks with real text labels', async () => {
    const pdf = new PdfBuilder({ title: 'Charts', coalitionName: 'Alianza Ñandú', createdAt: CREATED });
    pdf.title();
    chartRow(pdf, [SPECS[0] as ChartSpec, SPECS[1] as ChartSpec]);
    chartRow(pdf, [SPECS[2] as ChartSpec]);
    chartRow(pdf, [SPECS[3] as ChartSpec, SPECS[4] as ChartSpec], 130);
    const read = readPdf(await pdf.finish());
    const text = squash(read.text);
    for (const label of ['Meetings by month', 'Attendance: members and guests', 'People reached against the target', 'Funding by source', 'Trainings by topic']) expect(text).toContain(label);
    // Axis categories, legends, value labels and the donut's shares are text.
    for (const label of ['Sep', 'Oct', 'Nov', 'Members', 'Guests', 'Reached', 'Target', 'Foundations', 'Members’ dues', '$30k (62%)', 'Public speaking', 'Engaging policymakers']) expect(text).toContain(label);
    // Value labels: 12 meetings in November, a stacked total of 65, a reach of 3,100.
    expect(text).toMatch(/\b12\b/);
    expect(text).toContain('65');
    expect(text).toContain('3,100');
    // Vector only: no image anywhere (this document has no logo either).
    expect(images(read.path)).toEqual([]);
    // The marks are there, in the palette's colours.
    const page = renderPage(read.path, 1);
    expect(countColor(page, PALETTE[0])).toBeGreaterThan(200);
    expect(countColor(page, PALETTE[1])).toBeGreaterThan(100);
    expect(countColor(page, PALETTE[2])).toBeGreaterThan(20);
    if (process.env.CHARTS_PDF) execFileSync('cp', [read.path, process.env.CHARTS_PDF]);
  });

  it('says "No data for this period." instead of an empty axis, and draws nothing in colour', async () => {
    const pdf = new PdfBuilder({ title: 'Empty charts', coalitionName: 'Alianza', createdAt: CREATED });
    chartRow(pdf, [
      { kind: 'bar', title: 'No meetings', categories: ['Sep', 'Oct'], series: [{ name: 'Meetings', values: [0, 0] }] },
      { kind: 'line', title: 'No values', categories: [], series: [{ name: 'Reached', values: [] }] },
    ]);
    chartRow(pdf, [{ kind: 'donut', title: 'No funding', slices: [] }]);
    const read = readPdf(await pdf.finish());
    expect(squash(read.text).split('No data for this period.').length - 1).toBe(3);
    expect(countColor(renderPage(read.path, 1), PALETTE[0])).toBe(0);
  });

  it('puts axes on round numbers', () => {
    expect(niceScale(12)).toMatchObject({ max: 15, step: 5 });
    expect(niceScale(12).ticks).toEqual([0, 5, 10, 15]);
    expect(niceScale(3100).ticks).toEqual([0, 1000, 2000, 3000, 4000]);
    expect(niceScale(0).ticks).toEqual([0, 1]);
    expect(niceScale(3).ticks).toEqual([0, 1, 2, 3]);
    expect(compact(48_500)).toBe('48.5k');
    expect(compact(2_000_000)).toBe('2M');
  });
});
