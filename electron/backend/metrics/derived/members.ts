import type { DrillRow, Figure } from '@shared/metrics/contract';
import { SECTORS } from '@shared/taxonomy';
import type { Bucket } from '../periods';
import { sumFacts, type Db, type DerivedModule } from './types';

// Members by sector: organizations at stage member at the end of a period, per their sector. A
// stock: each period counts the members on its last day. Migration 018 keeps the stage history as
// runs of membership (member_spans: from the change to member until the next change to another
// stage, that day excluded) and, per day and sector, how many runs began or ended then
// (member_count_changes): the members of a sector on a day are the sum of its changes up to it.
// The future is not known: a period that has not begun has no count, and the current one counts
// the members today.

export function sectorLabel(sector: string): string {
  return (SECTORS as Record<string, string>)[sector] ?? (sector === 'other' ? 'Other' : sector);
}

/** The day a period's members are counted on: its last day, or today while it runs; null before it begins. */
function countedDay(from: string, to: string): string | null {
  const today = new Date().toISOString().slice(0, 10);
  if (from > today) return null;
  return to < today ? to : today;
}

/** The members on each of some days (ascending), per sector: one pass over the count changes up to the last day. */
async function countsOn(db: Db, days: readonly string[]): Promise<Figure[]> {
  const last = days[days.length - 1];
  if (last === undefined) return [];
  const changes = await db.selectFrom('member_count_changes').select(['day', 'sector', 'delta']).where('day', '<=', last).orderBy('day').execute();
  const running = new Map<string, number>();
  let next = 0;
  return days.map((day) => {
    for (; next < changes.length && (changes[next]?.day ?? '') <= day; next++) {
      const change = changes[next];
      if (change) running.set(change.sector, (running.get(change.sector) ?? 0) + change.delta);
    }
    return sumFacts(
      [...running].filter(([, value]) => value > 0).map(([part, value]) => ({ part, value })),
      true,
      sectorLabel,
    );
  });
}

export const members: DerivedModule = {
  key: 'members',
  available: true,
  additive: true,
  async figure(db, from, to) {
    const day = countedDay(from, to);
    if (day === null) return { value: null, parts: [] };
    return (await countsOn(db, [day]))[0] ?? { value: 0, parts: [] };
  },
  async series(db, periods: readonly Bucket[]) {
    const days = periods.map((p) => countedDay(p.from, p.to));
    const counts = await countsOn(db, days.filter((d) => d !== null));
    return days.map((d, i) => (d === null ? { value: null, parts: [] } : (counts[i] ?? { value: 0, parts: [] })));
  },
  /** The members on the period's last day (or of one sector), with the day each became a member. */
  async drill(db, from, periodTo, part) {
    const to = countedDay(from, periodTo);
    if (to === null) return [];
    let query = db
      .selectFrom('member_spans as s')
      .innerJoin('organizations as o', 'o.id', 's.organization_id')
      .select(['s.organization_id as id', 's.sector', 's.start', 'o.name'])
      .where('s.start', '<=', to)
      .where((eb) => eb.or([eb('s.end', 'is', null), eb('s.end', '>', to)]));
    if (part !== undefined) query = query.where('s.sector', '=', part);
    // An organization's spans never overlap: one row each.
    const rows: DrillRow[] = (await query.execute()).map((m) => ({
      id: m.id,
      label: m.name,
      date: m.start,
      route: `/directory/organizations/${m.id}`,
      value: 1,
      part: sectorLabel(m.sector),
      detail: m.start >= from ? 'Joined in the period' : 'Member before the period',
    }));
    return rows.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.label.localeCompare(b.label));
  },
};
