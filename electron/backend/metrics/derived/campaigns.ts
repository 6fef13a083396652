import type { DrillRow } from '@shared/metrics/contract';
import type { Bucket } from '../periods';
import { sumFacts, type Db, type DerivedModule } from './types';

// Campaigns under way: campaigns running at some time in the period (started on or before its
// last day — or undated — and not ended before its first), per current status: the dashboard's
// campaign pipeline.

const STATUS_LABELS: Record<string, string> = { planning: 'Planning', active: 'Active', won: 'Won', lost: 'Lost', paused: 'Paused' };
export const campaignStatusLabel = (status: string): string => STATUS_LABELS[status] ?? status;

interface Row {
  id: string;
  name: string;
  status: string;
  starts_on: string | null;
  ends_on: string | null;
}

async function running(db: Db, from: string, to: string): Promise<Row[]> {
  return db
    .selectFrom('campaigns')
    .select(['id', 'name', 'status', 'starts_on', 'ends_on'])
    .where((eb) => eb.or([eb('starts_on', 'is', null), eb('starts_on', '<=', to)]))
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', from)]))
    .execute();
}

const overlaps = (row: Row, from: string, to: string) => (row.starts_on === null || row.starts_on <= to) && (row.ends_on === null || row.ends_on >= from);

export const campaigns: DerivedModule = {
  key: 'campaigns',
  available: true,
  additive: true,
  async figure(db, from, to) {
    return sumFacts((await running(db, from, to)).map((r) => ({ value: 1, part: r.status })), true, campaignStatusLabel);
  },
  async series(db, periods: readonly Bucket[]) {
    const first = periods[0];
    const last = periods[periods.length - 1];
    if (!first || !last) return [];
    const rows = await running(db, first.from, last.to);
    return periods.map((p) => sumFacts(rows.filter((r) => overlaps(r, p.from, p.to)).map((r) => ({ value: 1, part: r.status })), true, campaignStatusLabel));
  },
  async drill(db, from, to, part) {
    const rows = (await running(db, from, to)).filter((r) => part === undefined || r.status === part);
    return rows
      .map(
        (r): DrillRow => ({
          id: r.id,
          label: r.name,
          date: r.starts_on,
          route: `/advocacy/campaigns/${r.id}`,
          value: 1,
          part: campaignStatusLabel(r.status),
          detail: `${r.starts_on ?? 'undated'} – ${r.ends_on ?? 'ongoing'}`,
        }),
      )
      .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.label.localeCompare(b.label));
  },
};
