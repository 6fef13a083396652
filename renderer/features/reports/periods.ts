import { nextPeriod, periodContaining, periodLabel, previousPeriod, type Period, type PeriodKind } from '@shared/reports/period';

/** How many periods of each kind the picker offers, before and after today's. */
const RANGE: Record<Exclude<PeriodKind, 'custom'>, [number, number]> = { month: [24, 3], quarter: [12, 2], year: [6, 1] };

/** The periods the picker lists for a kind: recent ones, today's and a few ahead (and the chosen one). */
export function periodChoices(kind: Exclude<PeriodKind, 'custom'>, today: string, chosen?: Period): { value: string; label: string }[] {
  const [back, ahead] = RANGE[kind];
  const current = periodContaining(kind, today);
  const list: Period[] = [current];
  for (let i = 0, p = current; i < back; i++) list.push((p = previousPeriod(p)));
  for (let i = 0, p = current; i < ahead; i++) list.unshift((p = nextPeriod(p)));
  if (chosen && chosen.kind === kind && !list.some((p) => p.from === chosen.from)) list.push(chosen);
  return list.sort((a, b) => b.from.localeCompare(a.from)).map((p) => ({ value: p.from, label: periodLabel(p) }));
}

/** The last whole period of a kind before today (a new report's default: last quarter, last month). */
export function lastWhole(kind: Exclude<PeriodKind, 'custom'>, today: string): Period {
  return previousPeriod(periodContaining(kind, today));
}
