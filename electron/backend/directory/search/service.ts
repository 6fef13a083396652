import { sql } from 'kysely';
import type { SearchResult } from '@shared/directory/contract';
import { ORGANIZATION_TYPES, type OrganizationType } from '@shared/taxonomy';
import type { CallContext } from '../../rpc/handlers';
import { ftsQuery } from '../lists';

type Db = Pick<CallContext, 'db'>;

/**
 * Column weights for bm25, in the search tables' column order (name, other, contact, place,
 * tags, notes): a match in the name counts most, one in the notes least.
 */
const WEIGHTS = sql.raw('10.0, 5.0, 2.0, 2.0, 3.0, 1.0');

/**
 * Ranking reads every match's term statistics, which costs too much for the first letter or two
 * typed into a 100k-record directory (tens of thousands of matches). So each table ranks at most
 * this many matches, the most recently added first; a query that matches fewer (almost any query
 * of more than a few letters) is ranked exactly.
 */
export const RANKED_WINDOW = 1000;

interface Hit {
  entity: SearchResult['entity'];
  id: string;
  name: string;
  detail: string;
  rank: number;
}

/**
 * Search-as-you-type over organizations and people: every word must match as a prefix
 * (accent-insensitive) in a record's name, other names, contact details, place, tags or
 * notes. Each table gives its best `limit` hits (bm25, then name; see RANKED_WINDOW); the two
 * lists are merged the same way.
 */
export async function searchDirectory(ctx: Db, query: string, limit: number): Promise<SearchResult[]> {
  const match = ftsQuery(query);
  if (match === null) return [];
  const [organizations, people] = [await searchOrganizations(ctx, match, limit), await searchPeople(ctx, match, limit)];
  return [...organizations, ...people]
    .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map(({ entity, id, name, detail }) => ({ entity, id, name, detail }));
}

async function searchOrganizations({ db }: Db, match: string, limit: number): Promise<Hit[]> {
  const { rows } = await sql<{ id: string; name: string; type: string; city: string; rank: number }>`
    select o.id, o.name, o.type, o.city, s.rank as rank
    from (
      select rowid, rank from (
        select rowid, bm25(organization_search, ${WEIGHTS}) as rank from organization_search
        where organization_search match ${match}
        order by rowid desc limit ${RANKED_WINDOW}
      )
      order by rank limit ${limit}
    ) as s
    join organizations o on o.rowid = s.rowid
    order by s.rank, o.name collate nocase, o.id`.execute(db);
  return rows.map((r) => ({ entity: 'organization', id: r.id, name: r.name, rank: r.rank, detail: detailLine(typeLabel(r.type), r.city) }));
}

async function searchPeople({ db }: Db, match: string, limit: number): Promise<Hit[]> {
  const { rows } = await sql<{ id: string; name: string; title: string; organization: string | null; rank: number }>`
    select p.id, p.name, p.title, s.rank as rank,
      (select o.name from affiliations a join organizations o on o.id = a.organization_id
        where a.person_id = p.id
        order by a.is_primary desc, a.end_on is not null, a.start_on desc
        limit 1) as organization
    from (
      select rowid, rank from (
        select rowid, bm25(person_search, ${WEIGHTS}) as rank from person_search
        where person_search match ${match}
        order by rowid desc limit ${RANKED_WINDOW}
      )
      order by rank limit ${limit}
    ) as s
    join people p on p.rowid = s.rowid
    order by s.rank, p.name collate nocase, p.id`.execute(db);
  return rows.map((r) => ({ entity: 'person', id: r.id, name: r.name, rank: r.rank, detail: detailLine(r.title, r.organization ?? '') }));
}

function typeLabel(type: string): string {
  return type in ORGANIZATION_TYPES ? ORGANIZATION_TYPES[type as OrganizationType].label : 'Other';
}

function detailLine(...parts: string[]): string {
  return parts.filter((p) => p.trim() !== '').join(' · ');
}
