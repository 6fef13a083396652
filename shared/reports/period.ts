// A report's period: a calendar month, quarter or year, or custom days. Pure (no Node, no DOM):
// the renderer's editor and the backend compute the same periods and labels. Days are
// YYYY-MM-DD and both ends are included.

export const PERIOD_KINDS = { month: 'Month', quarter: 'Quarter', year: 'Year', custom: 'Custom' } as const;
export type PeriodKind = keyof typeof PERIOD_KINDS;
export const PERIOD_KIND_VALUES = Object.keys(PERIOD_KINDS) as [PeriodKind, ...PeriodKind[]];

export interface Period {
  kind: PeriodKind;
  from: string;
  to: string;
}

/** The longest custom period (about five years). */
export const MAX_PERIOD_DAYS = 5 * 366;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function parts(day: string): [number, number, number] {
  const [y, m, d] = day.split('-').map(Number);
  return [y ?? 1970, m ?? 1, d ?? 1];
}

function iso(y: number, m: number, d: number): string {
  return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
}

/** The day `n` days after `day` (before, when negative). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = parts(day);
  return iso(y, m, d + n);
}

/** Days from `from` to `to`, both included (1 for a single day). */
export function periodDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The month, quarter or year that contains `day` (a custom period of that one day). */
export function periodContaining(kind: PeriodKind, day: string): Period {
  const [y, m] = parts(day);
  switch (kind) {
    case 'month':
      return { kind, from: iso(y, m, 1), to: iso(y, m + 1, 0) };
    case 'quarter': {
      const first = Math.floor((m - 1) / 3) * 3 + 1;
      return { kind, from: iso(y, first, 1), to: iso(y, first + 3, 0) };
    }
    case 'year':
      return { kind, from: iso(y, 1, 1), to: iso(y, 12, 31) };
    case 'custom':
      return { kind, from: day, to: day };
  }
}

/** The period that follows: the next month, quarter or year, or the same number of days after a custom one. */
export function nextPeriod(period: Period): Period {
  if (period.kind === 'custom') {
    const length = periodDays(period.from, period.to);
    const from = addDays(period.to, 1);
    return { kind: 'custom', from, to: addDays(from, length - 1) };
  }
  return periodContaining(period.kind, addDays(period.to, 1));
}

/** The period just before (for "compared with the last"). */
export function previousPeriod(period: Period): Period {
  if (period.kind === 'custom') {
    const length = periodDays(period.from, period.to);
    const to = addDays(period.from, -1);
    return { kind: 'custom', from: addDays(to, -(length - 1)), to };
  }
  return periodContaining(period.kind, addDays(period.from, -1));
}

/** Why a period is not what its kind says (null when it is): a month from its first to its last day, and so on. */
export function periodProblem(period: Period): string | null {
  if (period.to < period.from) return 'The period must end on or after the day it starts.';
  if (period.kind === 'custom') {
    return periodDays(period.from, period.to) > MAX_PERIOD_DAYS ? 'A custom period covers at most five years.' : null;
  }
  const expected = periodContaining(period.kind, period.from);
  if (expected.from !== period.from || expected.to !== period.to) {
    const what = { month: 'a calendar month', quarter: 'a calendar quarter', year: 'a calendar year' }[period.kind];
    return `A ${period.kind} period is ${what}: ${expected.from} to ${expected.to} here (or choose a custom period).`;
  }
  return null;
}

function dayMonth(day: string, withYear: boolean): string {
  const [y, m, d] = parts(day);
  return `${d} ${MONTHS[m - 1] ?? ''}${withYear ? ` ${y}` : ''}`;
}

/** "November 2026", "Q4 2026 (October–December)", "2026", "1 March – 15 April 2026". */
export function periodLabel(period: Period): string {
  const [y, m] = parts(period.from);
  switch (period.kind) {
    case 'month':
      return `${MONTHS[m - 1] ?? ''} ${y}`;
    case 'quarter':
      return `Q${Math.floor((m - 1) / 3) + 1} ${y} (${MONTHS[m - 1] ?? ''}–${MONTHS[m + 1] ?? ''})`;
    case 'year':
      return String(y);
    case 'custom': {
      if (period.from === period.to) return dayMonth(period.from, true);
      const sameYear = period.from.slice(0, 4) === period.to.slice(0, 4);
      return `${dayMonth(period.from, !sameYear)} – ${dayMonth(period.to, true)}`;
    }
  }
}

/** "1 November 2026" */
export function dayLabel(day: string): string {
  return dayMonth(day, true);
}
