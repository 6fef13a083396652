import type { Kysely } from 'kysely';
import type { DerivedKey, DrillRow, Figure } from '@shared/metrics/contract';
import type { Database } from '../../db/schema';
import type { Bucket } from '../periods';

// A derived metric is one small module: its figure for a period, a series over buckets, and the
// records behind a figure (the drill-down). Most are flows — dated records adding a value each
// (attendance, reach, amounts) — built from `facts` by `flowMetric`; a stock (members) counts
// what holds at the end of each period.

export type Db = Kysely<Database>;

/** One record behind a flow metric: its day, what it adds, and where it is shown. */
export interface Fact {
  /** YYYY-MM-DD: the day that puts it in a period. */
  date: string;
  value: number;
  /** Currency, sector, status… (null when the metric has no parts). */
  part: string | null;
  id: string;
  label: string;
  route: string;
  detail: string;
}

export interface DerivedModule {
  key: DerivedKey;
  /** False while the area that keeps its records is not built: the figures are empty and say so. */
  available: boolean;
  /** False when its parts must never be added (currencies): the figure's value is null with several parts. */
  additive: boolean;
  figure(db: Db, from: string, to: string): Promise<Figure>;
  series(db: Db, periods: readonly Bucket[]): Promise<Figure[]>;
  drill(db: Db, from: string, to: string, part?: string): Promise<DrillRow[]>;
}

/** Adds facts into a figure: parts in order of size, the value their sum (or null when not additive and several). */
export function sumFacts(facts: readonly Pick<Fact, 'value' | 'part'>[], additive: boolean, partLabel: (part: string) => string): Figure {
  const parts = new Map<string, number>();
  let total = 0;
  let withParts = false;
  for (const fact of facts) {
    total += fact.value;
    if (fact.part !== null) {
      withParts = true;
      parts.set(fact.part, (parts.get(fact.part) ?? 0) + fact.value);
    }
  }
  const list = [...parts].map(([key, value]) => ({ key, label: partLabel(key), value: round(value) })).sort((a, b) => b.value - a.value || a.key.localeCompare(b.key));
  if (!additive && withParts) return { value: list.length === 1 ? (list[0]?.value ?? null) : null, parts: list };
  return { value: round(total), parts: list };
}

/** Sums are rounded to cents so that 0.1 + 0.2 shows as 0.3. */
export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export function flowMetric(spec: {
  key: DerivedKey;
  additive?: boolean;
  partLabel?: (part: string) => string;
  /** The facts dated in [from, to]. */
  facts(db: Db, from: string, to: string): Promise<Fact[]>;
  /**
   * Optional: the same facts' values already added up in SQL per day and part (no labels), for the
   * figures and series of a module with many small facts. Must add up to exactly what `facts` does.
   */
  totals?(db: Db, from: string, to: string): Promise<Pick<Fact, 'date' | 'value' | 'part'>[]>;
}): DerivedModule {
  const additive = spec.additive ?? true;
  const partLabel = spec.partLabel ?? ((part: string) => part);
  return {
    key: spec.key,
    available: true,
    additive,
    async figure(db, from, to) {
      return sumFacts(await (spec.totals ?? spec.facts)(db, from, to), additive, partLabel);
    },
    async series(db, periods) {
      const first = periods[0];
      const last = periods[periods.length - 1];
      if (!first || !last) return [];
      const facts = await (spec.totals ?? spec.facts)(db, first.from, last.to);
      // One pass: each fact to its period (the periods are consecutive), in the facts' order.
      const inPeriod = periods.map((): Pick<Fact, 'value' | 'part'>[] => []);
      for (const f of facts) inPeriod[periodIndex(periods, f.date)]?.push(f);
      return inPeriod.map((list) => sumFacts(list, additive, partLabel));
    },
    async drill(db, from, to, part) {
      const facts = await spec.facts(db, from, to);
      return facts
        .filter((f) => part === undefined || f.part === part)
        .sort((a, b) => b.date.localeCompare(a.date) || a.label.localeCompare(b.label))
        .map((f) => ({ id: f.id, label: f.label, date: f.date, route: f.route, value: f.value, part: f.part === null ? null : partLabel(f.part), detail: f.detail }));
    },
  };
}

/** The index of the period holding a day (periods consecutive and in order), or -1 outside them all. */
export function periodIndex(periods: readonly Pick<Bucket, 'from' | 'to'>[], day: string): number {
  let lo = 0;
  let hi = periods.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = periods[mid];
    if (!p) return -1;
    if (day < p.from) hi = mid - 1;
    else if (day > p.to) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** A derived metric whose area is not built yet: no figures, no records. */
export function unavailable(key: DerivedKey, additive = true): DerivedModule {
  return {
    key,
    available: false,
    additive,
    figure: () => Promise.resolve({ value: null, parts: [] }),
    series: (_db, periods) => Promise.resolve(periods.map(() => ({ value: null, parts: [] }))),
    drill: () => Promise.resolve([]),
  };
}
