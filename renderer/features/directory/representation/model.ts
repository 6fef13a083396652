import type { Output } from '@shared/contract';
import type { Stage } from '@shared/directory/enums';
import { EVERY_REGION, type RepresentationDimension, type TargetStatus } from '@shared/directory/representation';
import { filtersToSearch } from '../table/filterParams';

// The dashboard's data, shaped for the charts: one bar per value with its count, share and the
// targets that apply to it (explicit ones, and "every region" for each region).

export type Summary = Output<'representation.summary'>;

export interface BarDatum {
  value: string;
  label: string;
  count: number;
  share: number;
  /** The highest target on this value, in members (a share target converted at today's total); null without one. */
  targetCount: number | null;
  /** How the targets read: "target ≥ 30%", "target ≥ 1 member". */
  targetText: string | null;
  status: 'met' | 'unmet' | 'none';
  /** What is missing when unmet: "3 members short", "5.5 points short". */
  gapText: string | null;
}

export function formatShare(share: number): string {
  return `${share.toLocaleString('en', { maximumFractionDigits: 1 })}%`;
}

export function members(n: number): string {
  return `${n.toLocaleString('en')} ${n === 1 ? 'member' : 'members'}`;
}

export function targetText(kind: TargetStatus['kind'], amount: number): string {
  return kind === 'min_share' ? `at least ${formatShare(amount)}` : `at least ${members(amount)}`;
}

export function gapText(kind: TargetStatus['kind'], gap: number): string {
  if (kind === 'min_count') return `${members(gap)} short`;
  return `${gap.toLocaleString('en', { maximumFractionDigits: 2 })} ${gap === 1 ? 'point' : 'points'} short`;
}

/** The targets that apply to one value, with that value's own status (for "every region", the region's). */
function targetsFor(dimension: RepresentationDimension, value: string, targets: readonly TargetStatus[]) {
  return targets
    .filter((t) => t.dimension === dimension && (t.value === value || (dimension === 'region' && t.value === EVERY_REGION)))
    .map((t) => {
      if (t.value !== EVERY_REGION) return { target: t, met: t.met, gap: t.gap };
      const short = t.shortfalls.find((s) => s.value === value);
      return { target: t, met: short === undefined, gap: short?.gap ?? 0 };
    });
}

export function barData(summary: Summary, dimension: RepresentationDimension): BarDatum[] {
  return summary.dimensions[dimension].map((row) => {
    const applying = targetsFor(dimension, row.value, summary.targets);
    const inMembers = applying.map(({ target }) => (target.kind === 'min_count' ? target.amount : (target.amount * summary.members) / 100));
    const unmet = applying.filter((a) => !a.met);
    const first = unmet[0];
    return {
      value: row.value,
      label: row.label,
      count: row.count,
      share: row.share,
      targetCount: inMembers.length > 0 ? Math.max(...inMembers) : null,
      targetText: applying.length > 0 ? applying.map(({ target }) => targetText(target.kind, target.amount)).join(', ') : null,
      status: applying.length === 0 ? 'none' : unmet.length > 0 ? 'unmet' : 'met',
      gapText: first ? gapText(first.target.kind, first.gap) : null,
    };
  });
}

/** The organizations table filtered to the members with one value of a dimension. */
export function drillDownHref(dimension: RepresentationDimension, value: string, stages: readonly Stage[]): string {
  return `/directory${filtersToSearch({ stage: stages, [dimension]: [value] })}`;
}
