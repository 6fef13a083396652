import type { Grain } from '@shared/metrics/contract';

// Periods: a range of days [from, to] (both included, YYYY-MM-DD), cut into months, quarters or
// years. Pure, unit-tested; the dashboard, the metric page and the impact report share them.

export interface Bucket {
  /** 2026, 2026-Q2 or 2026-05 */
  period: string;
  label: string;
  /** The bucket's days inside the range. */
  from: string;
  to: string;
  /** Whether the bucket is the whole year, quarter or month (a target is compared only then). */
  whole: boolean;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first and last day of a year, quarter or month period ('2026', '2026-Q2', '2026-05'). */
export function periodRange(period: string): { from: string; to: string } {
  const year = Number(period.slice(0, 4));
  const quarter = /^\d{4}-Q([1-4])$/.exec(period);
  if (quarter) {
    const first = (Number(quarter[1]) - 1) * 3 + 1;
    return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(first + 2)}-${pad(lastDay(year, first + 2))}` };
  }
  if (/^\d{4}-\d{2}$/.test(period)) {
    const month = Number(period.slice(5, 7));
    return { from: `${period}-01`, to: `${period}-${pad(lastDay(year, month))}` };
  }
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The period a day falls in at a grain. */
export function periodOf(day: string, grain: Grain): string {
  const year = day.slice(0, 4);
  const month = Number(day.slice(5, 7));
  if (grain === 'year') return year;
  if (grain === 'quarter') return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
  return day.slice(0, 7);
}

export function periodLabel(period: string): string {
  if (/^\d{4}-\d{2}$/.test(period)) return `${MONTHS[Number(period.slice(5, 7)) - 1]} ${period.slice(0, 4)}`;
  if (/^\d{4}-Q\d$/.test(period)) return `${period.slice(5)} ${period.slice(0, 4)}`;
  return period;
}

function nextPeriod(period: string, grain: Grain): string {
  const year = Number(period.slice(0, 4));
  if (grain === 'year') return String(year + 1);
  if (grain === 'quarter') {
    const q = Number(period.slice(6));
    return q === 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`;
  }
  const month = Number(period.slice(5, 7));
  return month === 12 ? `${year + 1}-01` : `${year}-${pad(month + 1)}`;
}

/** The periods of a grain that meet [from, to], each clipped to the range. */
export function buckets(from: string, to: string, grain: Grain): Bucket[] {
  const out: Bucket[] = [];
  let period = periodOf(from, grain);
  for (;;) {
    const range = periodRange(period);
    if (range.from > to) break;
    const start = range.from < from ? from : range.from;
    const end = range.to > to ? to : range.to;
    out.push({ period, label: periodLabel(period), from: start, to: end, whole: start === range.from && end === range.to });
    period = nextPeriod(period, grain);
  }
  return out;
}

/** The grain a chart of the range reads best at: months up to two years, quarters up to six, then years. */
export function grainFor(from: string, to: string): Grain {
  const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
  if (months <= 24) return 'month';
  if (months <= 72) return 'quarter';
  return 'year';
}

/** The one year, quarter or month the range is exactly (its targets apply), or null. */
export function exactPeriod(from: string, to: string): string | null {
  for (const grain of ['year', 'quarter', 'month'] as const) {
    const period = periodOf(from, grain);
    const range = periodRange(period);
    if (range.from === from && range.to === to) return period;
  }
  return null;
}

/** The months (YYYY-MM) that meet [from, to]. */
export function monthsOf(from: string, to: string): string[] {
  return buckets(from, to, 'month').map((b) => b.period);
}

/** A day plus n days (n may be negative). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** One formatter per zone: building an Intl.DateTimeFormat costs more than formatting a thousand dates. */
const DAY_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) of a UTC instant in an IANA zone: a meeting or an event counts on its own day. */
export function dayIn(instant: string, timeZone: string): string {
  let format = DAY_FORMATS.get(timeZone);
  if (!format) {
    // en-CA formats dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    DAY_FORMATS.set(timeZone, format);
  }
  return format.format(new Date(instant));
}
