import type { PdfBuilder } from './document';
import { FONTS } from './fonts';
import { COLOR, printable, textFeatures } from './theme';

// Charts drawn as vector graphics with pdfkit's own primitives (rectangles, lines, SVG paths and
// text): they stay sharp at any zoom, print well, and their labels are real text a reader can
// search and copy. No raster images. Used by the impact report; any document may draw them.
//
// Every chart has a title, and says "No data for this period." in its frame when there is nothing
// to draw, instead of an empty axis. Values are not negative (counts, money, hours); a negative
// value is drawn as 0.

export interface ChartSeries {
  name: string;
  /** One value per category (null: no value, nothing drawn). */
  values: readonly (number | null)[];
  color?: string;
  /** Line charts: draw this series dashed (a target, say). */
  dashed?: boolean;
}

/** How values print on the axis and beside the marks ("12", "$4.5k"). */
export type ValueFormat = (value: number) => string;

interface ChartCommon {
  title: string;
  format?: ValueFormat;
  /** Print each value beside its bar or point (default: when there are few enough to read). */
  valueLabels?: boolean;
}

export type ChartSpec =
  | (ChartCommon & {
      kind: 'bar';
      categories: readonly string[];
      series: readonly ChartSeries[];
      /** Series stacked in one bar per category instead of side by side. */
      stacked?: boolean;
    })
  | (ChartCommon & { kind: 'hbar'; categories: readonly string[]; series: readonly [ChartSeries] })
  | (ChartCommon & { kind: 'line'; categories: readonly string[]; series: readonly ChartSeries[] })
  | (ChartCommon & { kind: 'donut'; slices: readonly { label: string; value: number; color?: string }[]; centerLabel?: string });

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Colour-blind-safe series colours (Okabe–Ito, darkened a little for print). */
export const PALETTE = ['#1c5d99', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#b8a300', '#6e6e6e'] as const;

const FONT_SIZE = { title: 9.5, tick: 7, value: 6.75, legend: 7.25 } as const;
const AXIS = '#8c959f';
const GRID = '#e4e8ec';
const NO_DATA = 'No data for this period.';

export const formatCount: ValueFormat = (v) => Math.round(v).toLocaleString('en');

/** Whole numbers as "12", "1.2k", "3.4M" (axis ticks). */
export function compact(v: number): string {
  const abs = Math.abs(v);
  if (abs >= 1_000_000) return `${trim(v / 1_000_000)}M`;
  if (abs >= 10_000) return `${trim(v / 1000)}k`;
  return Number.isInteger(v) ? v.toLocaleString('en') : trim(v);
}

function trim(v: number): string {
  return v.toFixed(1).replace(/\.0$/, '');
}

function colorOf(i: number, given?: string): string {
  return given ?? PALETTE[i % PALETTE.length] ?? COLOR.accent;
}

/** An axis from 0 to a "nice" maximum (1, 2, 2.5 or 5 × 10^n) in about `target` steps. */
export function niceScale(max: number, target = 4): { max: number; step: number; ticks: number[] } {
  if (!(max > 0)) return { max: 1, step: 1, ticks: [0, 1] };
  const rough = max / target;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power);
  // Counts never get fractional ticks.
  const whole = Number.isInteger(max) && step < 1 ? 1 : step;
  const top = Math.ceil(max / whole) * whole;
  const ticks: number[] = [];
  for (let t = 0; t <= top + whole / 2; t += whole) ticks.push(Math.round(t * 1e6) / 1e6);
  return { max: top, step: whole, ticks };
}

/** Draws a chart in the box. */
export function drawChart(doc: PDFKit.PDFDocument, spec: ChartSpec, box: Box): void {
  doc.save();
  let top = box.y;
  top += title(doc, spec.title, box) + 4;
  const series: readonly { name: string; color: string }[] =
    spec.kind === 'donut'
      ? []
      : spec.series.map((s, i) => ({ name: s.name, color: colorOf(i, s.color) }));
  if (spec.kind !== 'donut' && spec.kind !== 'hbar' && series.length > 1) top += legend(doc, series, { ...box, y: top }) + 4;
  const area = { x: box.x, y: top, width: box.width, height: box.y + box.height - top };
  switch (spec.kind) {
    case 'bar':
      bars(doc, spec, area);
      break;
    case 'hbar':
      horizontalBars(doc, spec, area);
      break;
    case 'line':
      lines(doc, spec, area);
      break;
    case 'donut':
      donut(doc, spec, area);
      break;
  }
  doc.restore();
  doc.font(FONTS.regular).fillColor(COLOR.text).strokeColor(COLOR.text).lineWidth(1).undash();
}

/**
 * Draws charts side by side across the body's width at the cursor (one chart takes the whole
 * width unless `slots` says how many a row holds), starting a new page when they do not fit, and
 * moves the cursor under them.
 */
export function chartRow(pdf: PdfBuilder, specs: readonly ChartSpec[], height = 170, slots = specs.length): void {
  if (specs.length === 0) return;
  const doc = pdf.doc;
  pdf.ensureSpace(height + 8);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const gap = 18;
  // `slots` wider than the charts leaves the rest of the row empty (a lone chart at half width).
  const columns = Math.max(slots, specs.length);
  const each = (width - gap * (columns - 1)) / columns;
  const y = doc.y + 2;
  specs.forEach((spec, i) => drawChart(doc, spec, { x: left + i * (each + gap), y, width: each, height }));
  doc.x = left;
  doc.y = y + height + 10;
}

function put(doc: PDFKit.PDFDocument, text: string, x: number, y: number, options: PDFKit.Mixins.TextOptions = {}): void {
  const shown = printable(text);
  doc.text(shown, x, y, { lineBreak: false, features: textFeatures(shown), ...options });
}

function textWidth(doc: PDFKit.PDFDocument, text: string): number {
  const shown = printable(text);
  return doc.widthOfString(shown, { features: textFeatures(shown) });
}

function title(doc: PDFKit.PDFDocument, text: string, box: Box): number {
  doc.font(FONTS.bold).fontSize(FONT_SIZE.title).fillColor(COLOR.text);
  put(doc, text, box.x, box.y, { width: box.width, ellipsis: true, height: FONT_SIZE.title * 1.5 });
  return FONT_SIZE.title * 1.4;
}

/** Swatches and names in rows across the box; returns the height used. */
function legend(doc: PDFKit.PDFDocument, items: readonly { name: string; color: string }[], box: Pick<Box, 'x' | 'y' | 'width'>): number {
  doc.font(FONTS.regular).fontSize(FONT_SIZE.legend);
  const rowHeight = FONT_SIZE.legend * 1.6;
  let x = box.x;
  let y = box.y;
  for (const item of items) {
    const w = 10 + textWidth(doc, item.name) + 12;
    if (x + w > box.x + box.width && x > box.x) {
      x = box.x;
      y += rowHeight;
    }
    doc.rect(x, y + 1.5, 7, 7).fill(item.color);
    doc.fillColor(COLOR.text);
    put(doc, item.name, x + 10, y);
    x += w;
  }
  return y - box.y + rowHeight;
}

function noData(doc: PDFKit.PDFDocument, area: Box): void {
  doc.rect(area.x, area.y, area.width, Math.max(area.height, 20)).lineWidth(0.5).strokeColor(GRID).stroke();
  doc.font(FONTS.italic).fontSize(FONT_SIZE.legend + 0.5).fillColor(COLOR.muted);
  put(doc, NO_DATA, area.x, area.y + area.height / 2 - 5, { width: area.width, align: 'center' });
}

const positive = (v: number | null): number => (v !== null && v > 0 && Number.isFinite(v) ? v : 0);

/** The plot frame of a chart with a value axis on the left and categories along the bottom. */
function plotFrame(doc: PDFKit.PDFDocument, area: Box, categories: readonly string[], max: number) {
  const scale = niceScale(max);
  doc.font(FONTS.regular).fontSize(FONT_SIZE.tick);
  const tickWidth = Math.max(...scale.ticks.map((t) => textWidth(doc, compact(t))));
  const plot = { x: area.x + tickWidth + 6, y: area.y + 8, width: 0, height: 0 };
  plot.width = area.x + area.width - plot.x - 2;
  plot.height = area.y + area.height - plot.y - FONT_SIZE.tick * 1.8;
  const yOf = (v: number) => plot.y + plot.height - (v / scale.max) * plot.height;
  // Grid lines and value ticks.
  for (const tick of scale.ticks) {
    const y = yOf(tick);
    if (tick > 0) doc.moveTo(plot.x, y).lineTo(plot.x + plot.width, y).lineWidth(0.4).strokeColor(GRID).stroke();
    doc.fillColor(COLOR.muted);
    put(doc, compact(tick), area.x, y - FONT_SIZE.tick * 0.65, { width: tickWidth, align: 'right' });
  }
  // Axes.
  doc.moveTo(plot.x, plot.y).lineTo(plot.x, plot.y + plot.height).lineTo(plot.x + plot.width, plot.y + plot.height).lineWidth(0.7).strokeColor(AXIS).stroke();
  // Category labels, every nth when they would collide.
  const slot = plot.width / Math.max(categories.length, 1);
  const widest = Math.max(0, ...categories.map((c) => textWidth(doc, c)));
  const every = Math.max(1, Math.ceil((widest + 4) / slot));
  doc.fillColor(COLOR.muted).font(FONTS.regular).fontSize(FONT_SIZE.tick);
  categories.forEach((label, i) => {
    if (i % every !== 0) return;
    const width = slot * every;
    put(doc, label, plot.x + slot * i + slot / 2 - width / 2, plot.y + plot.height + 3, { width, align: 'center', ellipsis: true, height: FONT_SIZE.tick * 1.5 });
  });
  return { plot, slot, yOf, scale };
}

function bars(doc: PDFKit.PDFDocument, spec: Extract<ChartSpec, { kind: 'bar' }>, area: Box): void {
  const format = spec.format ?? formatCount;
  const n = spec.categories.length;
  const totals = spec.categories.map((_, i) => (spec.stacked ? spec.series.reduce((sum, s) => sum + positive(s.values[i] ?? null), 0) : Math.max(0, ...spec.series.map((s) => positive(s.values[i] ?? null)))));
  const max = Math.max(0, ...totals);
  if (n === 0 || max === 0) return noData(doc, area);
  const { plot, slot, yOf } = plotFrame(doc, area, spec.categories, max);
  const groupWidth = slot * 0.72;
  const perBar = spec.stacked ? groupWidth : groupWidth / Math.max(spec.series.length, 1);
  const barCount = spec.stacked ? n : n * spec.series.length;
  const labels = spec.valueLabels ?? (barCount <= 24 && perBar >= 9);
  doc.font(FONTS.regular).fontSize(FONT_SIZE.value);
  for (let i = 0; i < n; i++) {
    const groupX = plot.x + slot * i + (slot - groupWidth) / 2;
    let base = 0;
    spec.series.forEach((series, s) => {
      const value = positive(series.values[i] ?? null);
      const x = spec.stacked ? groupX : groupX + perBar * s;
      const y0 = yOf(base);
      const y1 = yOf(base + value);
      if (value > 0) doc.rect(x + 0.5, y1, Math.max(perBar - 1, 0.8), y0 - y1).fill(colorOf(s, series.color));
      if (spec.stacked) base += value;
      else if (labels && series.values[i] !== null && series.values[i] !== undefined) valueLabel(doc, format(value), x + perBar / 2, y1, slot);
    });
    if (spec.stacked && labels) valueLabel(doc, format(base), groupX + groupWidth / 2, yOf(base), slot);
  }
}

function valueLabel(doc: PDFKit.PDFDocument, text: string, centerX: number, topY: number, room: number): void {
  doc.font(FONTS.regular).fontSize(FONT_SIZE.value).fillColor(COLOR.text);
  const width = Math.max(room, textWidth(doc, text) + 2);
  put(doc, text, centerX - width / 2, topY - FONT_SIZE.value * 1.35, { width, align: 'center' });
}

function horizontalBars(doc: PDFKit.PDFDocument, spec: Extract<ChartSpec, { kind: 'hbar' }>, area: Box): void {
  const format = spec.format ?? formatCount;
  const [series] = spec.series;
  const values = spec.categories.map((_, i) => positive(series.values[i] ?? null));
  const max = Math.max(0, ...values);
  if (spec.categories.length === 0 || max === 0) return noData(doc, area);
  doc.font(FONTS.regular).fontSize(FONT_SIZE.tick);
  const labelWidth = Math.min(area.width * 0.4, Math.max(...spec.categories.map((c) => textWidth(doc, c))) + 6);
  doc.font(FONTS.regular).fontSize(FONT_SIZE.value);
  const valueWidth = Math.max(...values.map((v) => textWidth(doc, format(v)))) + 6;
  const plot = { x: area.x + labelWidth, y: area.y + 2, width: area.width - labelWidth - valueWidth, height: area.height - 4 };
  const row = plot.height / spec.categories.length;
  const bar = Math.min(row * 0.7, 16);
  doc.moveTo(plot.x, plot.y).lineTo(plot.x, plot.y + plot.height).lineWidth(0.7).strokeColor(AXIS).stroke();
  spec.categories.forEach((label, i) => {
    const y = plot.y + row * i + (row - bar) / 2;
    const value = values[i] ?? 0;
    const w = (value / max) * plot.width;
    doc.font(FONTS.regular).fontSize(FONT_SIZE.tick).fillColor(COLOR.text);
    put(doc, label, area.x, y + bar / 2 - FONT_SIZE.tick * 0.65, { width: labelWidth - 6, align: 'right', ellipsis: true, height: FONT_SIZE.tick * 1.5 });
    if (w > 0) doc.rect(plot.x, y, w, bar).fill(colorOf(0, series.color));
    if (spec.valueLabels !== false) {
      doc.font(FONTS.regular).fontSize(FONT_SIZE.value).fillColor(COLOR.text);
      put(doc, format(value), plot.x + w + 3, y + bar / 2 - FONT_SIZE.value * 0.65);
    }
  });
}

function lines(doc: PDFKit.PDFDocument, spec: Extract<ChartSpec, { kind: 'line' }>, area: Box): void {
  const format = spec.format ?? formatCount;
  const n = spec.categories.length;
  const max = Math.max(0, ...spec.series.flatMap((s) => s.values.map(positive)));
  const anyValue = spec.series.some((s) => s.values.some((v) => v !== null));
  if (n === 0 || !anyValue) return noData(doc, area);
  const { plot, slot, yOf } = plotFrame(doc, area, spec.categories, max);
  const labels = spec.valueLabels ?? n * spec.series.length <= 16;
  spec.series.forEach((series, s) => {
    const color = colorOf(s, series.color);
    const points = series.values.map((v, i) => (v === null ? null : ([plot.x + slot * i + slot / 2, yOf(positive(v))] as const)));
    doc.lineWidth(1.4).strokeColor(color);
    if (series.dashed) doc.dash(3.5, { space: 2.5 });
    let drawing = false;
    for (const point of points) {
      if (!point) {
        drawing = false;
        continue;
      }
      if (drawing) doc.lineTo(point[0], point[1]);
      else doc.moveTo(point[0], point[1]);
      drawing = true;
    }
    doc.stroke().undash();
    points.forEach((point, i) => {
      if (!point) return;
      if (!series.dashed) doc.circle(point[0], point[1], 1.9).fill(color);
      const value = series.values[i];
      if (labels && !series.dashed && value !== null && value !== undefined) valueLabel(doc, format(positive(value)), point[0], point[1] - 1, slot);
    });
  });
}

/** An SVG path for the ring segment between two angles (radians, clockwise from 12 o'clock), at most a half turn. */
function ringSegment(cx: number, cy: number, outer: number, inner: number, a0: number, a1: number): string {
  const at = (r: number, a: number) => `${(cx + r * Math.sin(a)).toFixed(2)} ${(cy - r * Math.cos(a)).toFixed(2)}`;
  return `M ${at(outer, a0)} A ${outer} ${outer} 0 0 1 ${at(outer, a1)} L ${at(inner, a1)} A ${inner} ${inner} 0 0 0 ${at(inner, a0)} Z`;
}

function donut(doc: PDFKit.PDFDocument, spec: Extract<ChartSpec, { kind: 'donut' }>, area: Box): void {
  const format = spec.format ?? formatCount;
  const slices = spec.slices.map((s, i) => ({ ...s, value: positive(s.value), color: colorOf(i, s.color) }));
  const total = slices.reduce((sum, s) => sum + s.value, 0);
  if (total === 0) return noData(doc, area);
  const outer = Math.max(10, Math.min(area.height / 2 - 2, area.width * 0.22));
  const inner = outer * 0.58;
  const cx = area.x + outer + 2;
  const cy = area.y + area.height / 2;
  let angle = 0;
  for (const slice of slices) {
    if (slice.value === 0) continue;
    const end = angle + (slice.value / total) * 2 * Math.PI;
    // Arcs of at most a half turn, so a slice of 100% is two halves.
    for (let a = angle; a < end - 1e-9; a += Math.PI) {
      doc.path(ringSegment(cx, cy, outer, inner, a, Math.min(end, a + Math.PI))).fill(slice.color);
    }
    angle = end;
  }
  // The total in the hole.
  doc.font(FONTS.bold).fontSize(Math.min(12, inner * 0.5)).fillColor(COLOR.text);
  put(doc, format(total), cx - inner, cy - inner * 0.32, { width: inner * 2, align: 'center' });
  if (spec.centerLabel) {
    doc.font(FONTS.regular).fontSize(FONT_SIZE.value).fillColor(COLOR.muted);
    put(doc, spec.centerLabel, cx - inner, cy + inner * 0.18, { width: inner * 2, align: 'center', ellipsis: true, height: FONT_SIZE.value * 1.5 });
  }
  // Legend: swatch, label, value and share.
  const legendX = cx + outer + 14;
  const legendWidth = area.x + area.width - legendX;
  const row = FONT_SIZE.legend * 1.7;
  const shown = slices.slice(0, Math.max(1, Math.floor(area.height / row)));
  let y = cy - (shown.length * row) / 2;
  for (const slice of shown) {
    doc.rect(legendX, y + 1.5, 7, 7).fill(slice.color);
    doc.font(FONTS.regular).fontSize(FONT_SIZE.legend).fillColor(COLOR.text);
    const share = `${format(slice.value)} (${Math.round((slice.value / total) * 100)}%)`;
    const shareWidth = textWidth(doc, share);
    put(doc, slice.label, legendX + 11, y, { width: Math.max(10, legendWidth - 11 - shareWidth - 6), ellipsis: true, height: FONT_SIZE.legend * 1.5 });
    doc.fillColor(COLOR.muted);
    put(doc, share, legendX, y, { width: legendWidth, align: 'right' });
    y += row;
  }
}
