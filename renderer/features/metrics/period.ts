import dayjs from 'dayjs';
import type { Grain } from '@shared/metrics/contract';

// The dashboard's period: a month, a quarter, a year or a custom range of days (both included).

export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

export interface PeriodChoice {
  kind: PeriodKind;
  /** Any day in the chosen month, quarter or year (YYYY-MM-DD). */
  anchor: string;
  /** The custom range. */
  from: string;
  to: string;
}

export function initialPeriod(todayIso: string): PeriodChoice {
  const year = todayIso.slice(0, 4);
  return { kind: 'year', anchor: todayIso, from: `${year}-01-01`, to: todayIso };
}

export function periodRange(choice: PeriodChoice): { from: string; to: string } {
  if (choice.kind === 'custom') return choice.from <= choice.to ? { from: choice.from, to: choice.to } : { from: choice.to, to: choice.from };
  const day = dayjs(choice.anchor);
  if (choice.kind === 'month') return { from: day.startOf('month').format('YYYY-MM-DD'), to: day.endOf('month').format('YYYY-MM-DD') };
  if (choice.kind === 'quarter') {
    const first = Math.floor(day.month() / 3) * 3;
    const start = day.month(first).startOf('month');
    return { from: start.format('YYYY-MM-DD'), to: start.add(2, 'month').endOf('month').format('YYYY-MM-DD') };
  }
  return { from: day.startOf('year').format('YYYY-MM-DD'), to: day.endOf('year').format('YYYY-MM-DD') };
}

/** One step back or forward (a month, a quarter, a year). */
export function shift(choice: PeriodChoice, step: -1 | 1): PeriodChoice {
  if (choice.kind === 'custom') return choice;
  const unit = choice.kind === 'quarter' ? 'month' : choice.kind;
  const amount = choice.kind === 'quarter' ? 3 * step : step;
  return { ...choice, anchor: dayjs(choice.anchor).add(amount, unit).format('YYYY-MM-DD') };
}

export function periodTitle(choice: PeriodChoice): string {
  const { from, to } = periodRange(choice);
  const day = dayjs(choice.anchor);
  if (choice.kind === 'month') return day.format('MMMM YYYY');
  if (choice.kind === 'quarter') return `Q${Math.floor(day.month() / 3) + 1} ${day.year()}`;
  if (choice.kind === 'year') return String(day.year());
  return `${dayjs(from).format('D MMM YYYY')} – ${dayjs(to).format('D MMM YYYY')}`;
}

/** The grain a period's charts use: days of a month read as one point, so a month or a quarter show months. */
export function chartGrain(kind: PeriodKind, from: string, to: string): Grain {
  if (kind !== 'custom') return 'month';
  const months = dayjs(to).diff(dayjs(from), 'month');
  return months <= 24 ? 'month' : months <= 72 ? 'quarter' : 'year';
}
