import { sql, type Kysely } from 'kysely';
import type { DistrictMatch } from '@shared/policy/contract';
import type { Database } from '../db/schema';
import { notFound } from './common';
import { districtKey } from './normalize';

// District match: the member organizations (stage member) and the people of the directory located
// in an official's district, compared in normalized form (normalize.ts: case, accents, “Dist. 04”
// = “District 4”). The directory keeps districts and cities as typed, so the match first finds
// which stored spellings normalize to the official's: it walks the distinct values of the
// district (or city) column through its index — one seek per distinct value, a few dozen at
// coalition scale however many records there are — then counts the records with those spellings
// through the same index. Nothing is precomputed, so it can never be out of step.
//
// What is compared: the official's district with organizations.district / people.district; a
// local official with a jurisdiction (a city council member) must also be in that city
// (organizations.city / people.city); an official with no district (a mayor, a statewide office)
// is matched by jurisdiction = city.

type Db = Kysely<Database>;
type Column = 'district' | 'city';

/** Walks an indexed column's distinct values: `where col > previous order by col limit 1`, repeatedly. */
async function distinctValues(db: Db, table: 'organizations' | 'people', column: Column): Promise<string[]> {
  const collate = table === 'organizations' && column === 'district' ? sql`` : sql` collate nocase`;
  const values: string[] = [];
  let previous = '';
  // '' is not a place: start after it.
  for (;;) {
    const { rows } = await sql<{ v: string }>`select ${sql.ref(column)} as v from ${sql.table(table)} where ${sql.ref(column)}${collate} > ${previous} order by ${sql.ref(column)}${collate} limit 1`.execute(db);
    const row = rows[0];
    if (!row) return values;
    values.push(row.v);
    previous = row.v;
  }
}

function collateOf(table: 'organizations' | 'people', column: Column) {
  return table === 'organizations' && column === 'district' ? sql`` : sql` collate nocase`;
}

/**
 * The member organizations and people in an official's district: counts and the first `limit`
 * names of each (by name). Exported for the briefing packet ("12 member organizations and 340
 * people in your district").
 */
export async function districtMatch(db: Db, officialId: string, limit = 10): Promise<DistrictMatch> {
  const official = await db.selectFrom('officials').select(['district', 'district_key', 'jurisdiction', 'level']).where('id', '=', officialId).executeTakeFirst();
  if (!official) throw notFound('officials', officialId, 'id');
  const districtWanted = official.district_key;
  const cityWanted = official.level === 'local' || districtWanted === '' ? districtKey(official.jurisdiction) : '';
  const basis: DistrictMatch['basis'] = districtWanted && cityWanted ? 'district_and_city' : districtWanted ? 'district' : cityWanted ? 'city' : 'none';
  const empty: DistrictMatch = { district: official.district, jurisdiction: official.jurisdiction, basis, memberOrganizations: 0, people: 0, organizationNames: [], personNames: [] };
  if (basis === 'none') return empty;

  const conditions = async (table: 'organizations' | 'people') => {
    const parts = [];
    for (const [column, key] of [['district', districtWanted], ['city', cityWanted]] as const) {
      if (!key) continue;
      const matching = (await distinctValues(db, table, column)).filter((value) => districtKey(value) === key);
      if (matching.length === 0) return null;
      parts.push(sql`${sql.ref(column)}${collateOf(table, column)} in (${sql.join(matching)})`);
    }
    return sql.join(parts, sql` and `);
  };

  const orgWhere = await conditions('organizations');
  const peopleWhere = await conditions('people');
  const result = { ...empty };
  if (orgWhere) {
    const where = sql`stage = 'member' and ${orgWhere}`;
    const { rows } = await sql<{ n: number }>`select count(*) as n from organizations where ${where}`.execute(db);
    result.memberOrganizations = Number(rows[0]?.n ?? 0);
    if (limit > 0 && result.memberOrganizations > 0) {
      result.organizationNames = (await sql<{ id: string; name: string }>`select id, name from organizations where ${where} order by name collate nocase, id limit ${limit}`.execute(db)).rows;
    }
  }
  if (peopleWhere) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from people where ${peopleWhere}`.execute(db);
    result.people = Number(rows[0]?.n ?? 0);
    if (limit > 0 && result.people > 0) {
      result.personNames = (await sql<{ id: string; name: string }>`select id, name from people where ${peopleWhere} order by name collate nocase, id limit ${limit}`.execute(db)).rows;
    }
  }
  return result;
}
