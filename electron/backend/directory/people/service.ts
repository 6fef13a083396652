import { randomUUID } from 'node:crypto';
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { AppError } from '@shared/errors';
import { RECENT_INTERACTIONS, type PersonDetail } from '@shared/directory/contract';
import type { Person, PersonFilters, PersonInput, PersonRow, PERSON_SORT_FIELDS } from '@shared/directory/people';
import { customSortFieldId, type CustomSortField } from '@shared/directory/fields';
import type { ContactChannel } from '@shared/directory/enums';
import type { PeopleTable } from '../../db/schema';
import type { CallContext } from '../../rpc/handlers';
import { removeMeetingLinksOf } from '../../meetings/links';
import { detachMediaFrom } from '../../media/links';
import { detachStoriesFrom } from '../../stories/links';
import { detachStructureFrom } from '../../structure/links';
import { detachResourcesFrom } from '../../resources/links';
import { detachPolicyFrom } from '../../policy/links';
import { affiliationsOf, localToday } from '../affiliations/service';
import {
  checkCustomValues,
  customFilterIds,
  customFilterSizes,
  customSortedPage,
  customSortOf,
  customSortOrder,
  customValuesOf,
  customValuesOfRecord,
  choiceIds,
  hasChoice,
  hasSortValue,
  matchesCustomFilters,
  removeCustomValuesOf,
  sortValueCount,
  valuedInOrder,
  valuedTerms,
  writeCustomValues,
  type CustomFilterMode,
  type CustomSort,
} from '../customFields/service';
import type { CustomValues } from '@shared/directory/customFields';
import { interactionsOf } from '../interactions/service';
import { personRelationshipsOf, removeLinksOf } from '../relationships/service';
import { countable, ftsQuery, hasAnyLabel, labelRowids, listJson, matchesText, parseList, textRowids, tieBreaker, type RowidSet } from '../lists';

type Db = Pick<CallContext, 'db'>;
type PersonColumns = Omit<PeopleTable, 'id' | 'last_contacted_on' | 'created_at' | 'updated_at'>;

// The one place where a people row and the contract's Person meet.

/** Contract → columns (everything the form edits; ids, stamps and last contact are the service's). */
export function personToColumns(input: PersonInput): PersonColumns {
  return {
    name: input.name,
    pronouns: input.pronouns,
    title: input.title,
    languages_json: listJson(input.languages),
    email: input.email,
    phone: input.phone,
    city: input.city,
    district: input.district,
    community_leader: input.communityLeader ? 1 : 0,
    tags_json: listJson(input.tags),
    notes: input.notes,
    consent_may_contact: input.consent.mayContact === null ? null : input.consent.mayContact ? 1 : 0,
    consent_channels_json: listJson(input.consent.channels),
    consent_recorded_on: input.consent.recordedOn,
    consent_recorded_by: input.consent.recordedBy,
  };
}

/** Columns → contract. */
export function personFromRow(row: PeopleTable, custom: CustomValues = {}): Person {
  return {
    id: row.id,
    name: row.name,
    pronouns: row.pronouns,
    title: row.title,
    languages: parseList(row.languages_json),
    email: row.email,
    phone: row.phone,
    city: row.city,
    district: row.district,
    communityLeader: row.community_leader === 1,
    tags: parseList(row.tags_json),
    notes: row.notes,
    consent: {
      mayContact: row.consent_may_contact === null ? null : row.consent_may_contact === 1,
      channels: parseList(row.consent_channels_json) as ContactChannel[],
      recordedOn: row.consent_recorded_on,
      recordedBy: row.consent_recorded_by,
    },
    lastContactedOn: row.last_contacted_on,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    custom,
  };
}

export async function findPerson({ db }: Db, id: string): Promise<Person | null> {
  const row = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? personFromRow(row, await customValuesOfRecord({ db }, id)) : null;
}

export async function requirePerson(ctx: Db, id: string, path = 'id'): Promise<Person> {
  const found = await findPerson(ctx, id);
  if (!found) throw personNotFound(id, path);
  return found;
}

export function personNotFound(id: string, path: string): AppError {
  return new AppError('not_found', `Person ${id} does not exist (it may have been deleted).`, {
    issues: [{ path, message: 'This person does not exist.' }],
  });
}

export async function createPerson(ctx: CallContext, input: PersonInput): Promise<Person> {
  const custom = await checkCustomValues(ctx, 'person', input.custom ?? {});
  const id = randomUUID();
  await ctx.write.insert('people', { id, ...personToColumns(input), last_contacted_on: null, created_at: ctx.now, updated_at: ctx.now });
  await writeCustomValues(ctx, id, custom);
  return requirePerson(ctx, id);
}

export async function updatePerson(ctx: CallContext, id: string, input: PersonInput): Promise<Person> {
  const updated = await ctx.write.update('people', id, { ...personToColumns(input), updated_at: ctx.now });
  if (!updated) throw personNotFound(id, 'id');
  await writeCustomValues(ctx, id, await checkCustomValues(ctx, 'person', input.custom ?? {}));
  return requirePerson(ctx, id);
}

export async function deletePerson(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  await requirePerson(ctx, id);
  await removeLinksOf(ctx, { personId: id });
  await removeMeetingLinksOf(ctx, id);
  await detachStoriesFrom(ctx, id);
  await detachMediaFrom(ctx, id);
  await detachStructureFrom(ctx, { personId: id });
  await detachResourcesFrom(ctx, { personId: id });
  await detachPolicyFrom(ctx, { personId: id });
  await removeCustomValuesOf(ctx, id);
  await ctx.write.remove('people', id);
  return { deleted: true };
}

export async function getPerson(ctx: Db, id: string): Promise<PersonDetail> {
  const person = await requirePerson(ctx, id);
  const [affiliations, relationships, interactions] = [
    await affiliationsOf(ctx, { personId: id }),
    await personRelationshipsOf(ctx, id),
    await interactionsOf(ctx, { personId: id }, { offset: 0, limit: RECENT_INTERACTIONS }),
  ];
  return { ...person, affiliations, relationships, interactions: interactions.rows, interactionCount: interactions.total };
}

export interface PersonListInput {
  filters: PersonFilters;
  sort: { field: BuiltInSort | CustomSortField; direction: 'asc' | 'desc' };
  offset: number;
  limit: number;
}

type BuiltInSort = (typeof PERSON_SORT_FIELDS)[number];

/** The index behind each sort field: `(expr, id)`, or `(expr)` for a column the list only sorts by (see tieBreaker). */
const SORT_INDEXES: Record<BuiltInSort, string> = {
  name: 'people_name',
  city: 'people_city',
  district: 'people_district',
  lastContactedOn: 'people_last_contacted_on',
  updatedAt: 'people_updated_at',
};

/** The SQL expression each sort field orders by; every one has an index (SORT_INDEXES). */
const SORT_EXPRESSIONS: Record<BuiltInSort, ReturnType<typeof sql.raw>> = {
  name: sql.raw('people.name collate nocase'),
  city: sql.raw('people.city collate nocase'),
  district: sql.raw('people.district collate nocase'),
  lastContactedOn: sql.raw('people.last_contacted_on'),
  updatedAt: sql.raw('people.updated_at'),
};

/**
 * The conditions of a people filter (all must hold). `sets` lists, for the filters answered by
 * an index of their own (text, tag, organization), the query of the matching people's rowids.
 */
export function personConditions(
  filters: PersonFilters,
  customMode: CustomFilterMode = 'in',
): { where: Expression<SqlBool>[]; sets: RowidSet[] } {
  const rowid = sql.ref('people.rowid');
  const where: Expression<SqlBool>[] = [];
  const sets: RowidSet[] = [];
  const query = filters.text ? ftsQuery(filters.text) : null;
  if (query) {
    where.push(matchesText('person', rowid, query));
    sets.push({ rowids: textRowids('person', query), distinct: true });
  }
  if (filters.organizationId !== undefined) {
    const members = sql`select people.rowid from affiliations join people on people.id = affiliations.person_id where affiliations.organization_id = ${filters.organizationId}`;
    where.push(sql<SqlBool>`people.rowid in (${members})`);
    sets.push({ rowids: members, distinct: false });
  }
  if (filters.tag && filters.tag.length > 0) {
    where.push(hasAnyLabel('person', rowid, 'tag', filters.tag));
    sets.push({ rowids: labelRowids('person', 'tag', filters.tag), distinct: false });
  }
  if (filters.communityLeader !== undefined) where.push(sql<SqlBool>`people.community_leader = ${filters.communityLeader ? 1 : 0}`);
  if (filters.mayContact !== undefined) where.push(sql<SqlBool>`people.consent_may_contact = ${filters.mayContact ? 1 : 0}`);
  if (filters.district && filters.district.length > 0) {
    where.push(sql<SqlBool>`people.district collate nocase in (${sql.join(filters.district.map((d) => d.trim()))})`);
  }
  where.push(...matchesCustomFilters(sql.ref('people.id'), filters.custom, customMode));
  const contacted = filters.lastContacted;
  if (contacted) {
    const range: Expression<SqlBool>[] = [];
    if (contacted.from !== undefined) range.push(sql<SqlBool>`people.last_contacted_on >= ${contacted.from}`);
    if (contacted.to !== undefined) range.push(sql<SqlBool>`people.last_contacted_on <= ${contacted.to}`);
    const inRange = range.length > 0 ? sql<SqlBool>`(${sql.join(range, sql` and `)})` : null;
    // "Never" alone: never contacted. With a range: within the range, or never contacted.
    if (contacted.never && inRange) where.push(sql<SqlBool>`(${inRange} or people.last_contacted_on is null)`);
    else if (contacted.never) where.push(sql<SqlBool>`people.last_contacted_on is null`);
    else if (inRange) where.push(inRange);
  }
  return { where, sets };
}

/** How many ids are in every one of the sets. */
async function countIntersection(ctx: Db, sets: RawBuilder<unknown>[]): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from (${sql.join(sets, sql` intersect `)})`.execute(ctx.db);
  return Number(rows[0]?.n ?? 0);
}

/** All of a filter's conditions as one expression. */
function allOf(where: Expression<SqlBool>[]): RawBuilder<SqlBool> {
  return where.length > 0 ? sql<SqlBool>`${sql.join(where, sql` and `)}` : sql<SqlBool>`1`;
}

/**
 * `select <columns>` of the people matching `filters`, in `sort` order (ties: tieBreaker). The
 * table's pages and the export share it, so both list the same people in the same order. A custom
 * field's sort (`cf:<id>`) joins the field's values: people without one last, ties by name then id.
 */
export function matchingPeople<T>(
  columns: RawBuilder<unknown>,
  filters: PersonFilters,
  sort: PersonListInput['sort'],
  walkSortIndex = false,
  // Walking the sort index visits few rows: look each one's custom values up rather than read whole match sets.
  customMode: CustomFilterMode = walkSortIndex ? 'exists' : 'in',
): RawBuilder<T> {
  const direction = sql.raw(sort.direction);
  const where = allOf(personConditions(filters, customMode).where);
  const fieldId = customSortFieldId(sort.field);
  if (fieldId !== null) {
    return sql<T>`
      select ${columns} from people left join custom_values as s on s.field_id = ${fieldId} and s.record_id = people.id
       where ${where}
       order by ${customSortOrder(sort.direction, 's', sql`people.name collate nocase`, sql`people.id`)}`;
  }
  const field = sort.field as BuiltInSort;
  const from = walkSortIndex ? sql`people indexed by ${sql.raw(SORT_INDEXES[field])}` : sql`people`;
  return sql<T>`
    select ${columns} from ${from}
     where ${where}
     order by ${SORT_EXPRESSIONS[field]} ${direction}, ${tieBreaker('person', 'people', field)} ${direction}`;
}

/**
 * The rowids of a page of people sorted by a custom field when matches are many: the field's
 * value index walked in order (each person looked up and tested), then the people without a value
 * along the name index.
 */
async function customSortedPeople(ctx: Db, input: PersonListInput, sort: CustomSort, everyone: number, total: number, anyFilter: boolean, customMode: CustomFilterMode): Promise<number[]> {
  const walked = allOf(personConditions(input.filters, 'exists').where);
  const dir = sql.raw(input.sort.direction);
  const tail = sql`people.name collate nocase ${dir}, people.id ${dir}`;
  const terms = valuedTerms(sort, 's', input.sort.direction);
  const count = async (condition: RawBuilder<SqlBool>) => {
    const { rows } = await sql<{ n: number }>`select count(*) as n from people where ${allOf(personConditions(input.filters, customMode).where)} and ${condition}`.execute(ctx.db);
    return Number(rows[0]?.n ?? 0);
  };
  return customSortedPage(ctx, sort, { ...input, direction: input.sort.direction }, { all: everyone, total }, {
    valued: (offset, limit) => sql<{ r: number }>`
      select people.rowid as r from ${valuedInOrder(sort, 's')} cross join people
       where ${terms.where} and people.id = s.record_id and ${walked}
       order by ${terms.order}, ${tail} limit ${limit} offset ${offset}`,
    blanks: (offset, limit) => sql<{ r: number }>`
      select people.rowid as r from people indexed by people_name
       where not ${hasSortValue(sql`people.id`, sort)} and ${walked}
       order by ${tail} limit ${limit} offset ${offset}`,
    countValued: () => (anyFilter ? count(hasSortValue(sql`people.id`, sort)) : sortValueCount(ctx, sort)),
    inChoice: (choice, how, offset, limit) =>
      how === 'read'
        ? sql<{ r: number }>`
            select people.rowid as r from custom_values as s indexed by custom_values_text cross join people
             where s.field_id = ${sort.fieldId} and s.value_text = ${choice} collate nocase and people.id = s.record_id and ${walked}
             order by ${tail} limit ${limit} offset ${offset}`
        : sql<{ r: number }>`
            select people.rowid as r from people indexed by people_name
             where ${how === 'set' ? sql<SqlBool>`people.id in (${choiceIds(sort, choice)})` : hasChoice(sql`people.id`, sort, choice)} and ${walked}
             order by ${tail} limit ${limit} offset ${offset}`,
    countChoice: (choice) => (anyFilter ? count(hasChoice(sql`people.id`, sort, choice)) : customFilterSizes(ctx, [{ fieldId: sort.fieldId, values: [choice] }]).then(([n]) => n ?? 0)),
  });
}

export async function listPeople(ctx: Db, input: PersonListInput): Promise<{ total: number; rows: PersonRow[] }> {
  // A custom field's sort is checked first, so a deleted field is refused even when nothing matches.
  const customSort = await customSortOf(ctx, 'person', input.sort.field);
  // Custom filters: large match sets (over a tenth of everyone) are looked up per person the other
  // filters select instead of read whole; custom filters alone are counted from their indexes.
  const custom = input.filters.custom ?? [];
  const sizes = custom.length > 0 ? await customFilterSizes(ctx, custom) : [];
  const people = Number((await ctx.db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const customMode: CustomFilterMode = sizes.length > 0 && Math.min(...sizes) * 10 > people ? 'exists' : 'in';
  const { where, sets } = personConditions(input.filters, customMode);
  const condition = allOf(where);
  // Only index-answered filters: count their rowid sets' intersection without reading a single
  // person (looking each match up in the people table is what makes such a count slow).
  const counted =
    custom.length > 0 && custom.length === where.length
      ? { total: custom.length === 1 ? (sizes[0] ?? 0) : await countIntersection(ctx, custom.map((f) => customFilterIds(f))) }
      : sets.length > 0 && sets.length === where.length
      ? await sql<{ total: number }>`select count(*) as total from (${countable(sets)})`
          .execute(ctx.db)
          .then((r) => r.rows[0])
      : await ctx.db
          .selectFrom('people')
          .select((eb) => eb.fn.countAll<number>().as('total'))
          .where(condition)
          .executeTakeFirst();
  const total = Number(counted?.total ?? 0);
  if (total === 0 || input.offset >= total) return { total, rows: [] };

  // The planner has no statistics: left alone it may fetch every match of a broad filter
  // through the filter's index and sort them all. When the matches are many, walking the sort
  // field's index and skipping non-matches reads fewer rows (about (offset + limit) × all / total
  // instead of total), so name that index.
  const everyone = people;
  const walkSortIndex = total * total > (input.offset + input.limit) * everyone;
  const rows =
    customSort !== null && walkSortIndex
      ? await peopleByRowid(ctx, await customSortedPeople(ctx, input, customSort, everyone, total, where.length > 0, customMode))
      : (await sql<PeopleTable>`${matchingPeople(sql`people.*`, input.filters, input.sort, walkSortIndex)} limit ${input.limit} offset ${input.offset}`.execute(ctx.db)).rows;

  const organizations = await displayOrganizations(ctx, rows.map((r) => r.id));
  const customValues = await customValuesOf(ctx, rows.map((r) => r.id));
  return {
    total,
    rows: rows.map((row) => {
      const { id, name, title, email, city, district, communityLeader, tags, lastContactedOn, updatedAt, custom } = personFromRow(row, customValues.get(row.id));
      return { id, name, title, email, city, district, communityLeader, tags, lastContactedOn, updatedAt, custom, organization: organizations.get(id) ?? null };
    }),
  };
}

/** The people with these rowids, in the given order. */
async function peopleByRowid(ctx: Db, rowids: readonly number[]): Promise<PeopleTable[]> {
  if (rowids.length === 0) return [];
  const { rows } = await sql<PeopleTable & { r: number }>`select people.*, people.rowid as r from people where people.rowid in (${sql.join(rowids)})`.execute(ctx.db);
  const byRowid = new Map(rows.map(({ r, ...row }) => [r, row]));
  return rowids.flatMap((r) => byRowid.get(r) ?? []);
}

/**
 * The organization shown beside each person: the primary affiliation's, else the most recent
 * current one (no end date, or one still ahead). One query for the whole page.
 */
export async function displayOrganizations(ctx: Db, personIds: readonly string[]): Promise<Map<string, { id: string; name: string }>> {
  const shown = new Map<string, { id: string; name: string }>();
  if (personIds.length === 0) return shown;
  const today = localToday();
  const ranked = await sql<{ person_id: string; id: string; name: string }>`
    select person_id, id, name from (
      select a.person_id, o.id, o.name,
             row_number() over (
               partition by a.person_id
               order by a.is_primary desc, a.start_on is null, a.start_on desc, a.rowid desc
             ) as rank
        from affiliations a
        join organizations o on o.id = a.organization_id
       where a.person_id in (${sql.join(personIds)})
         and (a.is_primary = 1 or a.end_on is null or a.end_on >= ${today})
    ) where rank = 1`.execute(ctx.db);
  for (const row of ranked.rows) shown.set(row.person_id, { id: row.id, name: row.name });
  return shown;
}
