import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { DrillRow, Figure } from '@shared/metrics/contract';
import { SECTORS } from '@shared/taxonomy';
import type { Bucket } from '../periods';
import { sumFacts, type Db, type DerivedModule } from './types';

// Members by sector: organizations at stage member at the end of a period, from their stage
// history (organization_stage_changes), per their sector. A membership runs from the change to
// member until the organization's next change to another stage (same-day changes in the order
// they were recorded). A stock: each period counts the members on its last day.

export function sectorLabel(sector: string): string {
  return (SECTORS as Record<string, string>)[sector] ?? (sector === 'other' ? 'Other' : sector);
}

interface Membership {
  organizationId: string;
  sector: string;
  start: string;
  /** The day it ended (a later stage), or null while it lasts. */
  end: string | null;
  /** The organization and its sector numbered within one read (counting with arrays, not sets of ids). */
  org: number;
  sectorNo: number;
}

/**
 * Every membership that began on or before `to`. The spans of the whole history are read in one
 * pass over two covering indexes and kept for the connection until it writes anything (its
 * `total_changes()` or its `data_version` moves): at coalition scale (100k organizations, 270k stage changes) the read
 * costs a few hundred milliseconds, and a dashboard, its report and their drill-downs read it
 * many times between changes.
 */
export async function memberships(db: Db, to: string): Promise<Membership[]> {
  return (await allMemberships(db)).filter((m) => m.start <= to);
}

async function readMemberships(db: Db): Promise<Membership[]> {
  const rows = await sql<{ organization_id: string; sector: string; start: string; end: string | null }>`
    select s.organization_id, o.sector, s.changed_on as start,
      (select min(n.changed_on) from organization_stage_changes n
        where n.organization_id = s.organization_id and n.stage <> 'member'
          and (n.changed_on > s.changed_on or (n.changed_on = s.changed_on and n.rowid > s.rowid))) as "end"
    from organization_stage_changes s
    join organizations o on o.id = s.organization_id
    where s.stage = 'member'`.execute(db);
  const orgs = new Map<string, number>();
  const sectors = new Map<string, number>();
  return rows.rows.map((r) => {
    let org = orgs.get(r.organization_id);
    if (org === undefined) orgs.set(r.organization_id, (org = orgs.size));
    let sectorNo = sectors.get(r.sector);
    if (sectorNo === undefined) sectors.set(r.sector, (sectorNo = sectors.size));
    return { organizationId: r.organization_id, sector: r.sector, start: r.start, end: r.end, org, sectorNo };
  });
}

/** Connection token → the spans read at a version of its data. A few entries (tests open many workspaces in one process). */
const CACHE = new Map<string, { version: string; spans: Membership[] }>();
const CACHE_ENTRIES = 4;

async function allMemberships(db: Db): Promise<Membership[]> {
  const token = await connectionToken(db);
  if (token === null) return readMemberships(db);
  // Every write moves one of them: this connection's (the Writer's and bulk loads) total_changes(),
  // another connection's commit data_version.
  const row = (await sql<{ n: number; v: number }>`select total_changes() as n, (select data_version from pragma_data_version) as v`.execute(db)).rows[0];
  const version = row ? `${row.n}:${row.v}` : '';
  const cached = CACHE.get(token);
  if (cached && version !== '' && cached.version === version) return cached.spans;
  const spans = await readMemberships(db);
  CACHE.delete(token);
  CACHE.set(token, { version, spans });
  for (const key of CACHE.keys()) {
    if (CACHE.size <= CACHE_ENTRIES) break;
    CACHE.delete(key);
  }
  return spans;
}

/** A random token naming this SQLite connection, kept in its temp schema (gone when it closes); null when it cannot have one. */
async function connectionToken(db: Db): Promise<string | null> {
  try {
    await sql`create temp table if not exists metrics_connection (token text not null)`.execute(db);
    const found = (await sql<{ token: string }>`select token from temp.metrics_connection limit 1`.execute(db)).rows[0];
    if (found) return found.token;
    const token = randomUUID();
    await sql`insert into temp.metrics_connection (token) values (${token})`.execute(db);
    return token;
  } catch {
    return null;
  }
}

/** Whether a membership holds on a day: begun by then and not yet ended (an end on that day ends it). */
function holds(m: Membership, day: string): boolean {
  return m.start <= day && (m.end === null || m.end > day);
}

/** The first index of a sorted list of days at or after a day. */
function lowerBound(days: readonly string[], day: string): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((days[mid] ?? '') < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The members on each of some days (ascending), per sector, in one pass over the memberships: each
 * covers the days from its start until before its end (see `holds`), and an organization counts
 * once a day however many of its memberships hold.
 */
function countsOn(list: readonly Membership[], days: readonly string[]): Figure[] {
  let orgs = 0;
  const sectors: string[] = [];
  for (const m of list) {
    if (m.org >= orgs) orgs = m.org + 1;
    sectors[m.sectorNo] = m.sector;
  }
  const n = days.length;
  const counted = new Uint8Array(orgs * n);
  const perDay = new Int32Array(n * sectors.length);
  for (const m of list) {
    const first = lowerBound(days, m.start);
    const end = m.end === null ? n : lowerBound(days, m.end);
    for (let i = first; i < end; i++) {
      if (counted[m.org * n + i]) continue;
      counted[m.org * n + i] = 1;
      perDay[i * sectors.length + m.sectorNo] = (perDay[i * sectors.length + m.sectorNo] ?? 0) + 1;
    }
  }
  return days.map((_, i) => {
    const facts: { value: number; part: string }[] = [];
    sectors.forEach((sector, no) => {
      const value = perDay[i * sectors.length + no] ?? 0;
      if (value > 0) facts.push({ value, part: sector });
    });
    return sumFacts(facts, true, sectorLabel);
  });
}

export const members: DerivedModule = {
  key: 'members',
  available: true,
  additive: true,
  async figure(db, _from, to) {
    return countsOn(await memberships(db, to), [to])[0] ?? { value: 0, parts: [] };
  },
  async series(db, periods: readonly Bucket[]) {
    const last = periods[periods.length - 1];
    if (!last) return [];
    return countsOn(await memberships(db, last.to), periods.map((p) => p.to));
  },
  /** The members on the period's last day (or of one sector), with the day each became a member. */
  async drill(db, from, to, part) {
    const list = (await memberships(db, to)).filter((m) => holds(m, to) && (part === undefined || m.sector === part));
    const since = new Map<string, string>();
    for (const m of list) if (!since.has(m.organizationId) || (since.get(m.organizationId) ?? '') < m.start) since.set(m.organizationId, m.start);
    const names = new Map<string, string>();
    const ids = [...since.keys()];
    for (let i = 0; i < ids.length; i += 500) {
      for (const row of await db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', ids.slice(i, i + 500)).execute()) names.set(row.id, row.name);
    }
    const sectors = new Map(list.map((m) => [m.organizationId, m.sector]));
    const rows: DrillRow[] = ids.map((id) => {
      const start = since.get(id) ?? null;
      return {
        id,
        label: names.get(id) ?? id,
        date: start,
        route: `/directory/organizations/${id}`,
        value: 1,
        part: sectorLabel(sectors.get(id) ?? ''),
        detail: start !== null && start >= from ? 'Joined in the period' : 'Member before the period',
      };
    });
    return rows.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.label.localeCompare(b.label));
  },
};
